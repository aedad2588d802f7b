package render

import (
	"fmt"
	"reflect"
	"sync"

	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/i18n"
	"github.com/stretchguide/stretchguide/generator/internal/par"
	"github.com/stretchguide/stretchguide/generator/link"
	"github.com/stretchguide/stretchguide/generator/memo"
	"github.com/stretchguide/stretchguide/generator/pdf"
	"github.com/stretchguide/stretchguide/generator/qrcode"
)

// handouts adds what printing a routine needs: its PDF handout (unless opts say
// otherwise) and, when the site has a base URL, the QR code of its address for the
// printed page. They are made again only when the guide, a picture or the interface
// strings changed: a handout shows the routine, its stretches with their pictures,
// the warning signs and the references, in the words of the guide's language. It
// returns the key of those inputs.
func (r *run) handouts(out map[string][]byte) (uint64, error) {
	h := r.m.Hasher()
	h.String("handouts")
	h.Uint(r.model)
	for _, img := range r.ln.Images {
		h.String(img.URL)
		h.Bytes(r.images[img.URL])
	}
	h.Value(reflect.ValueOf(r.cat))
	key := h.Sum()
	h.Uint(r.optsKey)
	files, err := r.handoutFiles(h.Sum())
	if err != nil {
		return 0, err
	}
	for name, b := range files {
		switch b := b.(type) {
		case []byte:
			out[name] = b
		case memo.Blob:
			r.spooled[name] = b.SectionReader
		}
	}
	return key, nil
}

// handoutFiles returns the handouts and QR codes kept in the memo under key, or
// makes them and keeps them there: in memory, or with a spool, on disk.
func (r *run) handoutFiles(key uint64) (map[string]any, error) {
	if got, ok := r.m.Get(key); ok {
		switch got := got.(type) {
		case map[string][]byte:
			return asAny(got), nil
		case map[string]memo.Blob:
			return asAny(got), nil
		}
	}
	made := &handoutSink{spool: r.opts.Spool, mem: map[string][]byte{}, blobs: map[string]memo.Blob{}}
	// Made on request instead (Handout), the PDFs are left out here; the QR codes
	// are quick and stay.
	if err := makeHandouts(r.ln, r.cat, made.keep, r.opts.PDFs && !r.opts.LazyPDF); err != nil {
		return nil, err
	}
	switch {
	case len(made.blobs) == 0:
		r.m.Put(key, made.mem)
		return asAny(made.mem), nil
	case len(made.mem) == 0:
		r.m.Put(key, made.blobs)
		return asAny(made.blobs), nil
	}
	// Some went to the spool and some, when it failed, stayed in memory: both are
	// written, and the next build makes them again.
	files := asAny(made.mem)
	for name, b := range made.blobs {
		files[name] = b
	}
	return files, nil
}

// handoutSink keeps each handout file as soon as it is made: on the spool when
// there is one, so that a build never holds all its PDFs at once (35 MB for 1,000
// routines), and in memory without one or when the spool fails.
type handoutSink struct {
	spool *memo.Spool
	mu    sync.Mutex
	mem   map[string][]byte
	blobs map[string]memo.Blob
}

func (s *handoutSink) keep(name string, b []byte) {
	if s.spool != nil {
		if blob, err := s.spool.Put(b); err == nil {
			s.mu.Lock()
			s.blobs[name] = blob
			s.mu.Unlock()
			return
		}
	}
	s.mu.Lock()
	s.mem[name] = b
	s.mu.Unlock()
}

// asAny is files with their values as any.
func asAny[T any](files map[string]T) map[string]any {
	out := make(map[string]any, len(files))
	for name, f := range files {
		out[name] = f
	}
	return out
}

// makeHandouts passes the QR codes and, when pdfs is set, the PDF handouts in the
// language of c to keep, each as soon as it is made; keep may be called from
// several goroutines at once.
func makeHandouts(ln *link.Linked, c *i18n.Catalog, keep func(name string, b []byte), pdfs bool) error {
	g := ln.Guide
	if g.Site.BaseURL != "" {
		for _, r := range g.Routines {
			code, err := qrcode.Encode(g.Site.BaseURL + r.URL)
			if err != nil {
				return err
			}
			keep(qrFile(r), code.SVG())
		}
	}
	if !pdfs {
		return nil
	}
	errs := make([]error, len(g.Routines))
	par.Do(len(g.Routines), func(i int) {
		r := g.Routines[i]
		var b []byte
		if b, errs[i] = pdf.Handout(g, r, c, ln.Files); errs[i] == nil {
			keep(pdf.File(r), b)
		}
	})
	for i, r := range g.Routines {
		if errs[i] != nil {
			return fmt.Errorf("routine %s: %w", r.Source, errs[i])
		}
	}
	return nil
}

// qrFile is the QR code of a routine's address, beside its page.
func qrFile(r *guide.Routine) string { return r.URL + "qr.svg" }

// Handout is the address of the routine's PDF handout from this page, or "" when the
// page is not a routine's or the build makes no handouts.
func (v view) Handout() string {
	if v.Routine == nil || !v.pdfs {
		return ""
	}
	return v.Link(pdf.File(v.Routine))
}

// QRCode is the address of the image of the QR code that leads to this routine's
// page, or "" when the site has no base URL to encode.
func (v view) QRCode() string {
	if v.Routine == nil || v.Site.BaseURL == "" {
		return ""
	}
	return v.Link(qrFile(v.Routine))
}
