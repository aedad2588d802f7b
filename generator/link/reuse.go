package link

import (
	"hash/maphash"
	"io"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/internal/par"
	"github.com/stretchguide/stretchguide/generator/load"
)

// Reuse keeps what linking resolved in each document's body, so that the next
// LinkReusing of the same guide resolves again only the bodies of new and changed
// documents (serve's rebuild after a save: one body, not ten thousand). A body is
// resolved again too whenever anything its links and citations may lead to changed:
// any page's source path, address, kind or headings, a flag, the references or
// their labels, the citation style, or the pages of another language it may fall
// back to. The zero value is ready to use; a Reuse serves the guide of one language.
type Reuse struct {
	seed maphash.Seed
	env  uint64                           // what the last LinkReusing resolved against
	docs map[*load.Document]*resolvedBody // what it resolved, by document
	// Resolved is how many bodies the last LinkReusing resolved; the rest it reused.
	Resolved int
}

// resolvedBody is what resolving one document's body gave.
type resolvedBody struct {
	url string // the page's address it was resolved from
	// resolved is, by site, a link's or image's destination, or what a citation
	// resolved to (list); nil when kept in a spill, at spilled.
	resolved []string
	spilled  *io.SectionReader
	spill    *load.Spill
	refs     []string // the keys of the references it cites
	problems diag.List
}

// LinkReusing is Link, taking from r what the last LinkReusing with r resolved in
// the bodies of documents that are the same, and keeping in r what this one
// resolved. r may be nil.
func LinkReusing(c *load.Content, baseURL string, problems *diag.List, r *Reuse) *Linked {
	return link(c, baseURL, problems, r)
}

// environment fingerprints everything resolving a body may read besides the body
// itself (see destination and body): every page's source path, address, kind and
// anchors, the flags, the references' keys and labels, the citation style and the
// default language's addresses of untranslated pages. pages are the pages in the
// site's order; the pages' part is hashed on all cores.
func (l *linker) environment(seed maphash.Seed, pages []*guide.Page) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	str := func(s string) {
		h.WriteString(s)
		h.WriteByte(0)
	}
	str(l.g.Site.CitationStyle)
	for _, r := range l.g.References {
		str(r.Key)
		str(r.InText())
	}
	for _, f := range l.g.Flags {
		str(f.ID)
	}
	// Every page a link may lead to, in any order: a sum of each one's hash. They
	// are the pages in order, unless a page was left out of it (after an error).
	each := make([]uint64, len(pages))
	par.Do(len(pages), func(i int) { each[i] = pageHash(seed, pages[i], l.docs[pages[i]]) })
	var sum uint64
	if len(pages) == len(l.byPath) {
		for _, v := range each {
			sum += v
		}
	} else {
		for _, p := range l.byPath {
			sum += pageHash(seed, p, l.docs[p])
		}
	}
	maphash.WriteComparable(&h, sum)
	if l.c != nil {
		var elsewhere uint64
		for target, u := range l.c.Elsewhere {
			elsewhere += maphash.String(seed, target+"\x00"+u)
		}
		maphash.WriteComparable(&h, elsewhere)
	}
	return h.Sum64()
}

// pageHash is the hash of what a link may find of page p, from document d: its
// path, address, kind and anchors.
func pageHash(seed maphash.Seed, p *guide.Page, d *load.Document) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	h.WriteString(d.Path)
	h.WriteByte(0)
	h.WriteString(p.URL)
	h.WriteByte(0)
	h.WriteString(string(p.Kind))
	var anchors uint64 // in any order
	for id := range d.Anchors {
		anchors += maphash.String(seed, id)
	}
	return h.Sum64() ^ anchors
}

// reused returns what r holds for document d of page p, when it still holds.
func (r *Reuse) reused(d *load.Document, p *guide.Page, env uint64) *resolvedBody {
	if r == nil || r.env != env {
		return nil
	}
	if rb := r.docs[d]; rb != nil && rb.url == p.URL {
		return rb
	}
	return nil
}

// keep replaces what r holds with what this linking resolved.
func (r *Reuse) keep(env uint64, docs map[*load.Document]*resolvedBody, resolved int) {
	if r != nil {
		r.env, r.docs, r.Resolved = env, docs, resolved
	}
}
