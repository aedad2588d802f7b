package write

import (
	"io"
	"sync"
)

// tree is the site Site writes, by slash path below the output folder: files held
// in memory, and files kept on disk (spooled) that are read one at a time as they
// are written, so that a big site need not be in memory all at once.
type tree struct {
	data    map[string][]byte
	spooled map[string]*io.SectionReader
}

func (t tree) has(p string) bool {
	if _, ok := t.data[p]; ok {
		return true
	}
	_, ok := t.spooled[p]
	return ok
}

// names lists every file, in no order.
func (t tree) names() []string {
	names := make([]string, 0, len(t.data)+len(t.spooled))
	for p := range t.data {
		names = append(names, p)
	}
	for p := range t.spooled {
		if _, ok := t.data[p]; !ok {
			names = append(names, p)
		}
	}
	return names
}

// files is the fileSet of the tree: each file with its size.
func (t tree) files() fileSet {
	s := make(fileSet, len(t.data)+len(t.spooled))
	sizes := make([]int64, 0, len(t.data)+len(t.spooled)) // one allocation for all
	add := func(p string, n int64) {
		sizes = append(sizes, n)
		s[p] = sizes[len(sizes)-1 : len(sizes) : len(sizes)]
	}
	for p, b := range t.data {
		add(p, int64(len(b)))
	}
	for p, r := range t.spooled {
		if _, ok := t.data[p]; !ok {
			add(p, r.Size())
		}
	}
	return s
}

// spoolBuffers hold spooled files read for writing.
var spoolBuffers = sync.Pool{New: func() any { return new([]byte) }}

// content returns the bytes of file p: those held, or those on disk read into buf.
func (t tree) content(p string, buf *[]byte) ([]byte, error) {
	if b, ok := t.data[p]; ok {
		return b, nil
	}
	r := t.spooled[p]
	n := int(r.Size())
	if cap(*buf) < n {
		*buf = make([]byte, n)
	}
	b := (*buf)[:n]
	if _, err := r.ReadAt(b, 0); err != nil && !(err == io.EOF && n == 0) {
		return nil, err
	}
	return b, nil
}
