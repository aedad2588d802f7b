package load

import (
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
// sites, or what a later step kept (Keep). What could not be read back is empty to
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

// Keep stores b in the spill for a later step that keeps what it made from the
// documents out of memory too (what link resolved in their bodies), and returns
// where; false when it cannot, and b is then to be kept in memory.
func (s *Spill) Keep(b []byte) (*io.SectionReader, bool) {
	r, err := s.put(b)
	return r, err == nil
}

// Read reads back what was kept at r; when it cannot, it records why, naming what
// it read (Err), and returns nil.
func (s *Spill) Read(r *io.SectionReader, what string) []byte {
	b := make([]byte, r.Size())
	if _, err := r.ReadAt(b, 0); err != nil && !(err == io.EOF && len(b) == 0) {
		s.Fail(fmt.Errorf("%s could not be read back from the build's working file: %w", what, err))
		return nil
	}
	return b
}

// read reads back a body, or its words, kept at r for the document at path.
func (s *Spill) read(r *io.SectionReader, path string) []byte {
	return s.Read(r, "the text of "+path)
}

// sites reads back the sites kept at r, or records why they could not be.
func (s *Spill) sites(r *io.SectionReader, path string) []Site {
	b := s.read(r, path)
	if b == nil {
		return nil
	}
	sites, err := readSites(b)
	if err != nil {
		s.Fail(fmt.Errorf("%s: %w", path, err))
	}
	return sites
}

// Fail records err, unless an error was recorded before: for a step that finds
// what it read back damaged.
func (s *Spill) Fail(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err == nil {
		s.err = err
	}
}
