package load

import (
	"encoding/binary"
	"fmt"
	"io"
	"sync"
)

// A Spill keeps the bodies of documents, their words for search and the links and
// citations in them out of memory while one build runs: load walks a body, then
// puts all three in the spill (a memo.Spool's file on disk) and keeps only where
// they are, and Body, Words and Sites read them back when link, check or render
// asks. They are 26, 7 and some 25 MB for a guide of 10,000 stretches that a build
// otherwise held from load to its end; the dev server, which keeps documents from
// one build to the next, uses none.
type Spill struct {
	put func([]byte) (*io.SectionReader, error)

	mu  sync.Mutex
	err error
}

// NewSpill returns a Spill that stores what it keeps with put, as memo.Spool.Put
// does.
func NewSpill(put func([]byte) (*io.SectionReader, error)) *Spill {
	return &Spill{put: put}
}

// Err is the first error met reading back what was kept: a body, its words, its
// sites, or what a later step kept (KeepStrings). What could not be read back is empty to
// whatever asked for it, so a build that meets one must fail rather than write what
// it made.
func (s *Spill) Err() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

// keep puts d's body, words and sites in the spill, one after the other, unless
// that fails: they then stay in memory.
func (s *Spill) keep(d *Document) {
	kept := make([]byte, 0, len(d.body)+len(d.words)+64*len(d.sites))
	kept = appendSites(append(append(kept, d.body...), d.words...), d.sites)
	r, err := s.put(kept)
	if err != nil {
		return
	}
	body, words := int64(len(d.body)), int64(len(d.words))
	d.spill, d.body, d.spilled = s, nil, io.NewSectionReader(r, 0, body)
	if words > 0 {
		d.words, d.spilledWords = "", io.NewSectionReader(r, body, words)
	}
	if len(d.sites) > 0 {
		d.sites, d.spilledSites = nil, io.NewSectionReader(r, body+words, int64(len(kept))-body-words)
	}
}

// KeepStrings puts list in the spill for a later step that keeps what it made from
// the documents out of memory too (what link resolved in their bodies), and
// returns where; false when it cannot, and list is then to be kept in memory.
func (s *Spill) KeepStrings(list []string) (*io.SectionReader, bool) {
	n := binary.MaxVarintLen64
	for _, str := range list {
		n += binary.MaxVarintLen64 + len(str)
	}
	r, err := s.put(appendStrings(make([]byte, 0, n), list))
	return r, err == nil
}

// ReadStrings reads back the list KeepStrings kept at r; when it cannot, or reads
// it back damaged, it records why, naming what it read (Err), and returns nil.
func (s *Spill) ReadStrings(r *io.SectionReader, what string) []string {
	return readKept(s, r, what, readStrings)
}

// readKept reads back what was kept at r and decodes it with decode; when either
// fails, it records why, naming what it read (Err), and returns the zero T.
func readKept[T any](s *Spill, r *io.SectionReader, what string, decode func([]byte) (T, error)) (v T) {
	if b := s.readBack(r, what); b != nil {
		var err error
		if v, err = decode(b); err != nil {
			s.fail(fmt.Errorf("%s: %w", what, err))
			var zero T
			return zero
		}
	}
	return v
}

// readBack reads back what was kept at r; when it cannot, it records why, naming
// what it read (Err), and returns nil.
func (s *Spill) readBack(r *io.SectionReader, what string) []byte {
	b := make([]byte, r.Size())
	if _, err := r.ReadAt(b, 0); err != nil && !(err == io.EOF && len(b) == 0) {
		s.fail(fmt.Errorf("%s could not be read back from the build's working file: %w", what, err))
		return nil
	}
	return b
}

// read reads back a body, or its words, kept at r for the document at path.
func (s *Spill) read(r *io.SectionReader, path string) []byte {
	return s.readBack(r, "the text of "+path)
}

// sites reads back the sites kept at r for the document at path.
func (s *Spill) sites(r *io.SectionReader, path string) []Site {
	return readKept(s, r, "the links and citations of "+path, readSites)
}

// fail records err, unless an error was recorded before.
func (s *Spill) fail(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err == nil {
		s.err = err
	}
}
