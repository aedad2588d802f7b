package generator

import (
	"bytes"
	"encoding/json"
	"html"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"

	"github.com/stretchguide/stretchguide/generator/guide"
)

// searchFile is the search index the site's search box reads, at the site root.
const searchFile = "search.json"

// searchEntry is one result the search box can show. Field names are short because
// the whole index is downloaded on the first search.
type searchEntry struct {
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
// A Builder's c lets it keep each page's words while the page and the guide are the
// same; with c nil every page's words are found again.
func searchIndex(ln *linked, c *renderCache) []byte {
	g := ln.guide
	var es []searchEntry
	type words struct {
		entry int // in es
		p     *guide.Page
		extra []string
	}
	var todo []words // found once every entry is listed, on all cores
	add := func(p *guide.Page, kind string, extra ...string) {
		todo = append(todo, words{len(es), p, extra})
		es = append(es, searchEntry{Title: p.Title, URL: p.URL, Kind: kind, Summary: p.Summary})
	}
	for _, s := range g.Stretches {
		extra := append(append(append([]string{s.Position}, s.Cues...), s.Cautions...), s.Equipment...)
		for _, a := range s.Areas {
			extra = append(extra, a.Title)
		}
		add(&s.Page, "Stretch", extra...)
	}
	for _, r := range g.Routines {
		var extra []string
		for _, st := range r.Steps {
			extra = append(extra, st.Stretch.Title)
		}
		add(&r.Page, "Routine", extra...)
	}
	for _, f := range g.Flags {
		es = append(es, searchEntry{Title: f.Title, URL: g.RedFlags.URL + "#" + f.ID, Kind: "Warning sign", Summary: f.Action})
	}
	add(g.RedFlags, "Page")
	for _, a := range g.Areas {
		es = append(es, searchEntry{Title: a.Title, URL: a.URL, Kind: "Body area", Summary: a.Summary})
	}
	for _, p := range g.Positions {
		es = append(es, searchEntry{Title: p.Title, URL: p.URL, Kind: "Position", Summary: p.Summary})
	}
	for _, p := range g.Pages {
		if !p.ForAuthors {
			add(p, "Page")
		}
	}
	parallel(len(todo), func(i int) {
		w := todo[i]
		es[w.entry].Words = c.words(w.p, func() string { return searchWords(w.p.Title+" "+w.p.Summary, append(w.extra, ln.text(w.p))...) })
		es[w.entry].Also = strings.ToLower(strings.Join(w.p.AlsoKnownAs, ", "))
	})
	addSynonyms(es, g.Site.Synonyms)
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(es) // strings only: cannot fail
	return b.Bytes()
}

// text is the plain text of a page's Markdown body, or "" for a page without one.
func (ln *linked) text(p *guide.Page) string {
	d := ln.docs[p]
	if d == nil {
		return ""
	}
	if d.tree == nil { // rendered, and its tree dropped
		return d.plain
	}
	var b strings.Builder
	_ = ast.Walk(d.tree, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			b.Write(n.Segment.Value(d.body))
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String: // typographic quotes and dashes, as HTML entities
			b.Write(n.Value)
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			return ast.WalkSkipChildren, nil
		default:
			if n.Type() == ast.TypeBlock {
				b.WriteByte(' ')
			}
		}
		return ast.WalkContinue, nil
	})
	return html.UnescapeString(b.String())
}

// searchWords lists the words of texts, lowercase and each once in order of first
// use, leaving out short and common words and the words of known (the title and
// summary, which the index holds already).
func searchWords(known string, texts ...string) string {
	seen := map[string]bool{}
	for _, w := range tokens(known) {
		seen[w] = true
	}
	var out []string
	for _, t := range texts {
		for _, w := range tokens(t) {
			if !seen[w] && !stopWords[w] && len([]rune(w)) > 2 {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	return strings.Join(out, " ")
}

// tokens splits s into lowercase words of letters and digits; "child's" gives "childs".
func tokens(s string) []string {
	s = apostrophes.Replace(strings.ToLower(s))
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// apostrophes are dropped from words: "child's" and "child’s" give "childs".
var apostrophes = strings.NewReplacer("'", "", "’", "")

// stopWords are common words nobody searches a stretching guide by.
var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`about after again all also and any are because been before being both but
		can cannot could did does doing for from had has have having her here him his how into its just might
		more most much must not now off only other our out over own she should some such than that the their them
		then there these they this those through too under until upon very was were what when where which while
		who why will with would you your yours yourself`) {
		stopWords[w] = true
	}
}
