package load

import (
	"fmt"
	"io"
	"sync"
)

// A Spill keeps the bodies of documents out of memory while one build runs: load
// walks a body, then puts it in the spill (a memo.Spool's file on disk) and keeps
// only where it is, and Body reads it back when link, check or render asks. The
// bodies of a guide of 10,000 stretches are 26 MB that a build otherwise held from
// load to its end; the dev server, which keeps documents from one build to the
// next, uses none.
type Spill struct {
	put func([]byte) (*io.SectionReader, error)

	mu  sync.Mutex
	err error
}

// NewSpill returns a Spill that stores bodies with put, as memo.Spool.Put does.
func NewSpill(put func([]byte) (*io.SectionReader, error)) *Spill {
	return &Spill{put: put}
}

// Err is the first error met reading a body back. A body that could not be read
// back is empty to whatever asked for it, so a build that meets one must fail
// rather than write what it made.
func (s *Spill) Err() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

// keep puts d's body in the spill, unless that fails: it then stays in memory.
func (s *Spill) keep(d *Document) {
	r, err := s.put(d.body)
	if err != nil {
		return
	}
	// A link's destination may point into the body: copied, the sites hold none
	// of it.
	for i := range d.Sites {
		if d.Sites[i].Dest != nil {
			d.Sites[i].Dest = append([]byte(nil), d.Sites[i].Dest...)
		}
	}
	d.body, d.spilled, d.spill = nil, r, s
}

// read reads back a body kept at r, or records why it could not.
func (s *Spill) read(r *io.SectionReader, path string) []byte {
	b := make([]byte, r.Size())
	if _, err := r.ReadAt(b, 0); err != nil && !(err == io.EOF && len(b) == 0) {
		s.mu.Lock()
		if s.err == nil {
			s.err = fmt.Errorf("the text of %s could not be read back from the build's working file: %w", path, err)
		}
		s.mu.Unlock()
		return nil
	}
	return b
}
