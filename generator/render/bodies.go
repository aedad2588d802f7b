package render

import (
	"bytes"
	"fmt"
	"html/template"

	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/internal/par"
	"github.com/stretchguide/stretchguide/generator/memo"
)

// A page's Markdown body is rendered when its page is, and only then: it shows on
// that page alone, so no build holds every body at once. With a spool (a build,
// not serve) the memo keeps each body on disk, as it does the pages: at 10,000
// stretches the bodies were some 45 MB of the heap for the whole render.

// keyBodies works out every body's key, in parallel: its bytes, the layouts
// (citations render through them) and what every link and citation in it
// resolved to. Pages and the search index take their keys from these.
func (r *run) keyBodies() {
	r.md = NewMarkdown(r.ls, r.ln.Table)
	pages := r.ln.Order
	keys := make([]uint64, len(pages))
	par.Do(len(pages), func(i int) {
		d := r.ln.Docs[pages[i]]
		keys[i] = r.m.Key(func(h *memo.Hasher) {
			h.String("body")
			h.Uint(r.ls.id)
			h.Bytes(d.BodySum[:]) // hashed once, when the file was loaded
			for _, s := range r.ln.Table.Resolved(d) {
				h.String(s)
			}
		})
	})
	for i, p := range pages {
		r.bodies[p] = keys[i]
	}
}

// withBody returns v with its page's body, on copies of the page (and of its
// stretch or routine) that only v sees: the guide is shared by every page
// rendering at the same time, and keeps no body.
func (r *run) withBody(v view) (view, error) {
	if _, ok := r.bodies[v.Page]; !ok {
		return v, nil
	}
	body, err := r.body(v.Page)
	if err != nil {
		return v, err
	}
	switch {
	case v.Stretch != nil:
		s := *v.Stretch
		s.Body = body
		v.Stretch, v.Page = &s, &s.Page
	case v.Routine != nil:
		rt := *v.Routine
		rt.Body = body
		v.Routine, v.Page = &rt, &rt.Page
	default:
		p := *v.Page
		p.Body = body
		v.Page = &p
	}
	return v, nil
}

// body is the rendered body of page p, from the memo or rendered and kept there.
func (r *run) body(p *guide.Page) (template.HTML, error) {
	return spooledDo(r, r.bodies[p], func() (template.HTML, error) {
		d := r.ln.Docs[p]
		b := buffers.Get().(*bytes.Buffer)
		defer putBuffer(b)
		if err := RenderBody(b, r.md, r.ln.Table, d); err != nil {
			return "", bodyError{fmt.Errorf("%s: %w", d.Display, err)}
		}
		r.bodiesMade.Add(1)
		return template.HTML(b.String()), nil
	})
}

// spooledDo is memo.Do for a product of text or bytes that the memo keeps on disk
// when the build has a spool (Build does, serve does not), as it does the pages: a
// build then holds none of them to its end. One that cannot be read back is made
// again.
func spooledDo[T ~string | ~[]byte](r *run, key uint64, make func() (T, error)) (T, error) {
	if got, ok := r.m.Get(key); ok {
		switch got := got.(type) {
		case T:
			return got, nil
		case memo.Blob:
			if b, err := got.Bytes(); err == nil {
				return T(b), nil
			}
		}
	}
	v, err := make()
	if err != nil {
		return v, err
	}
	var kept any = v
	if r.opts.Spool != nil {
		if blob, err := r.opts.Spool.Put([]byte(v)); err == nil {
			kept = blob
		}
	}
	r.m.Put(key, kept)
	return v, nil
}

// keepBody tells the memo that page p's body is still in use, though p came from
// the memo whole, so that the next build finds it when p must render again (an
// edit to a summary p shows) but its body did not change.
func (r *run) keepBody(p *guide.Page) {
	if key, ok := r.bodies[p]; ok {
		r.m.Get(key)
	}
}

// bodyError is a body that could not be rendered: reported at its file, not as a
// layouts error of the page.
type bodyError struct{ err error }

func (e bodyError) Error() string { return e.err.Error() }
func (e bodyError) Unwrap() error { return e.err }
