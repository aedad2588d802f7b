package render

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/internal/par"
	"github.com/stretchguide/stretchguide/generator/memo"
	"github.com/stretchguide/stretchguide/generator/words"
)

// searchFile is the search index the site's search box reads, at the site root.
const searchFile = "search.json"

// SearchEntry is one result the search box can show. Field names are short because
// the whole index is downloaded on the first search.
type SearchEntry struct {
	Title   string `json:"t"`
	URL     string `json:"u"` // relative to the site root
	Kind    string `json:"k"` // what it is, in the words patients see
	Summary string `json:"s,omitempty"`
	// Words are the other words of the page, lowercase, each once: its text, cues,
	// cautions, areas and equipment, without words of the title or summary.
	Words string `json:"w,omitempty"`
	// Also holds other names of the page, lowercase: its also_known_as and the
	// site's synonyms of its words (synonyms.go).
	Also string `json:"a,omitempty"`
}

// searchIndex lists stretches, routines, warning signs, areas, positions and pages
// with the words a patient may search them by, as JSON. The order is the site's, so
// the same guide gives the same bytes.
// A page's words are kept in the memo while its body and the guide are the same.
func (r *run) searchIndex() []byte {
	g := r.ln.Guide
	kindOf := func(k string) string { return r.cat.S("search_kind." + k) }
	n := len(g.Stretches) + len(g.Routines) + len(g.Pages) + 1
	es := make([]SearchEntry, 0, n+len(g.Flags)+len(g.Areas)+len(g.Positions))
	type pageWords struct {
		entry int // in es
		p     *guide.Page
		extra []string
	}
	todo := make([]pageWords, 0, n) // found once every entry is listed, on all cores
	add := func(p *guide.Page, kind string, extra ...string) {
		todo = append(todo, pageWords{len(es), p, extra})
		es = append(es, SearchEntry{Title: p.Title, URL: p.URL, Kind: kind, Summary: p.Summary})
	}
	for _, s := range g.Stretches {
		extra := append(append(append([]string{s.Position}, s.Cues...), s.Cautions...), s.Equipment...)
		for _, a := range s.Areas {
			extra = append(extra, a.Title)
		}
		add(&s.Page, kindOf("stretch"), extra...)
	}
	for _, r := range g.Routines {
		var extra []string
		for _, st := range r.Steps {
			extra = append(extra, st.Stretch.Title)
		}
		add(&r.Page, kindOf("routine"), extra...)
	}
	for _, f := range g.Flags {
		es = append(es, SearchEntry{Title: f.Title, URL: g.RedFlags.URL + "#" + f.ID, Kind: kindOf("sign"), Summary: f.Action})
	}
	add(g.RedFlags, kindOf("page"))
	for _, a := range g.Areas {
		es = append(es, SearchEntry{Title: a.Title, URL: a.URL, Kind: kindOf("area"), Summary: a.Summary})
	}
	for _, p := range g.Positions {
		es = append(es, SearchEntry{Title: p.Title, URL: p.URL, Kind: kindOf("position"), Summary: p.Summary})
	}
	for _, p := range g.Pages {
		if !p.ForAuthors {
			add(p, kindOf("page"))
		}
	}
	par.Do(len(todo), func(i int) {
		w := todo[i]
		key := r.m.Key(func(h *memo.Hasher) {
			h.String("words")
			h.Uint(r.shared) // and of the summaries, only the page's own
			h.String(w.p.Summary)
			h.Uint(r.bodies[w.p])
		})
		es[w.entry].Words, _ = spooledDo(r, key, func() (string, error) {
			return words.List(w.p.Title+" "+w.p.Summary, append(w.extra, r.bodyWords(w.p))...), nil
		})
		es[w.entry].Also = strings.ToLower(strings.Join(w.p.AlsoKnownAs, ", "))
	})
	addSynonyms(es, g.Site.Synonyms)
	return r.encodeEntries(es)
}

// encodeEntries writes es as a JSON array, the bytes json.Encoder would, with each
// entry's JSON kept in the memo: escaping every page's words after each save was
// most of the index's time at 10,000 stretches.
func (r *run) encodeEntries(es []SearchEntry) []byte {
	parts := make([][]byte, len(es))
	par.Do(len(es), func(i int) {
		e := &es[i]
		key := r.m.Key(func(h *memo.Hasher) {
			h.String("search entry")
			for _, f := range []string{e.Title, e.URL, e.Kind, e.Summary, e.Words, e.Also} {
				h.String(f)
			}
		})
		parts[i], _ = spooledDo(r, key, func() ([]byte, error) {
			var b bytes.Buffer
			enc := json.NewEncoder(&b)
			enc.SetEscapeHTML(false)
			_ = enc.Encode(e) // strings only: cannot fail
			return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
		})
	})
	n := 3
	for _, p := range parts {
		n += len(p) + 1
	}
	b := make([]byte, 0, n)
	b = append(b, '[')
	for i, p := range parts {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, p...)
	}
	return append(b, "]\n"...)
}

// bodyWords are the words of a page's Markdown body (words.List), or "" for a page
// without one.
func (r *run) bodyWords(p *guide.Page) string {
	if d := r.ln.Docs[p]; d != nil {
		return d.Words()
	}
	return ""
}
