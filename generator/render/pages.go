package render

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"reflect"

	"github.com/stretchguide/stretchguide/generator/internal/par"
	"github.com/stretchguide/stretchguide/generator/memo"
)

// renderPages executes each page's template, in parallel. A page's key is the
// layouts, the whole guide apart from what each page has for itself only (its
// Markdown body and the reading measures taken from it) and, with the built-in
// layouts, apart from the summaries of stretches it does not show (summaries.go),
// and the page's own body and reading measures. So an edit to a stretch's text
// renders one page again, an edit to its summary the pages showing it, while any
// other edit to front matter, which may show on any page, renders them all.
// Layouts must therefore show a page's body and reading level only on that page.
func (r *run) renderPages(views []view, out map[string][]byte) error {
	files := make([]page, len(views))
	names := make([]string, len(views))
	sums := make([][]byte, len(views))
	errs := make([]error, len(views))
	order := listingsFirst(views)
	par.Do(len(views), func(n int) {
		i := order[n]
		v := views[i]
		name := PageFile(v.Page.URL)
		names[i] = name
		key := r.m.Key(func(h *memo.Hasher) {
			h.String("page")
			h.Uint(r.ls.id)
			r.pageModel(h, v)
			h.Uint(r.bodies[v.Page])
			h.Value(reflect.ValueOf(v.Page.Reading))
			h.String(name)
			h.Value(reflect.ValueOf(r.opts.PDFs))
			h.Value(reflect.ValueOf(v.Alternates()))
		})
		files[i], sums[i], errs[i] = r.page(key, v)
	})
	for i, v := range views {
		var be bodyError
		if errors.As(errs[i], &be) {
			return be.err
		}
		if errs[i] != nil {
			return fmt.Errorf("layouts: page %s: %w", v.Page.URL, errs[i])
		}
		name := names[i]
		if files[i].data != nil {
			out[name] = files[i].data
		} else {
			r.spooled[name] = files[i].blob.SectionReader
		}
		r.sums[name] = sums[i]
	}
	return nil
}

// listingsFirst is the order to render views in: the pages that are neither a
// stretch's nor a routine's first (the home page, areas, positions, the index of
// stretches, the bibliography, the make-a-routine page), then the rest as listed.
// The listings of a big guide are megabytes each, and rendered last, when the heap
// held the most, they grew the process by a sixth at 10,000 stretches; the output
// is the same in any order.
func listingsFirst(views []view) []int {
	order := make([]int, 0, len(views))
	for i, v := range views {
		if v.Stretch == nil && v.Routine == nil {
			order = append(order, i)
		}
	}
	for i, v := range views {
		if v.Stretch != nil || v.Routine != nil {
			order = append(order, i)
		}
	}
	return order
}

// page is a rendered page: its bytes, or the Blob they were spooled to.
type page struct {
	data []byte
	blob memo.Blob
}

// page returns the page of view v kept in the memo under key, or renders and keeps
// it there, with its SHA-256.
func (r *run) page(key uint64, v view) (p page, sum []byte, err error) {
	if got, ok := r.m.Get(key); ok {
		r.keepBody(v.Page)
		switch got := got.(type) {
		case []byte:
			return page{data: got}, r.digest(key, func() ([]byte, error) { return got, nil }), nil
		case memo.Blob:
			sum := r.digest(key, got.Bytes)
			if sum == nil {
				break // it cannot be read: render it again
			}
			return page{blob: got}, sum, nil
		}
	}
	if v, err = r.withBody(v); err != nil {
		return page{}, nil, err
	}
	b := buffers.Get().(*bytes.Buffer)
	defer putBuffer(b)
	if err := r.kinds[v.Page.Kind].ExecuteTemplate(b, "base", v); err != nil {
		return page{}, nil, err
	}
	r.pagesMade.Add(1)
	if r.opts.Spool != nil {
		if blob, err := r.opts.Spool.Put(b.Bytes()); err == nil {
			r.m.Put(key, blob)
			return page{blob: blob}, r.digest(key, func() ([]byte, error) { return b.Bytes(), nil }), nil
		}
	}
	data := bytes.Clone(b.Bytes())
	r.m.Put(key, data)
	return page{data: data}, r.digest(key, func() ([]byte, error) { return data, nil }), nil
}

// digestBits turn a page's key into the key of its SHA-256.
const digestBits = 0x5a17_d16e_57c0_ffee

// digest returns the SHA-256 of the product stored in the memo under key, read by
// data, keeping it in the memo too: the service worker's version covers every file,
// and hashing every page again after each save was most of a rebuild's time. Its
// key is key with bits flipped: keys are hashes, so it meets no other. It returns
// nil when data fails.
func (r *run) digest(key uint64, data func() ([]byte, error)) []byte {
	sum, _, _ := memo.Do(r.m, key^digestBits, func() ([]byte, error) {
		b, err := data()
		if err != nil {
			return nil, err
		}
		s := sha256.Sum256(b)
		return s[:], nil
	})
	return sum
}
