package generator

import (
	"fmt"
	"html"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"go.yaml.in/yaml/v3"

	"github.com/stretchguide/stretchguide/generator/citation"
	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/readability"
)

// Default governance settings, used when content/_index.md does not set them.
const (
	defaultReadabilityGrade  = 8
	defaultReviewCycleMonths = 36
)

// proseFields are the front-matter fields patients read, by kind of page: they are
// measured with the body. The red-flag page's flags are read too.
var proseFields = map[string]bool{"summary": true, "cues": true, "cautions": true}

// readability measures the patient-facing text of every page written from a file
// and warns, at its hardest sentence, about each page above the site's grade.
func (l *linker) readability() {
	pages := l.pagesInOrder()
	stats := make([]readability.Stats, len(pages))
	parallel(len(pages), func(i int) {
		d := l.docs[pages[i]]
		if d.stats == nil { // measured once per document: a Builder keeps documents
			st := measure(d)
			d.stats = &st
		}
		stats[i] = *d.stats
	})
	limit := l.g.Site.ReadabilityGrade
	for i, p := range pages {
		st, d := stats[i], l.docs[p]
		p.Reading = guide.Reading{Words: st.Words, Grade: st.Grade}
		if !p.Reading.Reliable() || st.Grade <= float64(limit) {
			continue
		}
		line, col := d.textPosition(st.Hardest.At)
		l.problems.Warnf(d.display, line, col,
			"the hardest sentence starts here (grade "+grade(st.Hardest.Grade())+"): split long sentences and use shorter, everyday words",
			"the page reads at school grade %s, above the guide's limit of %d", grade(st.Grade), limit)
	}
}

// grade writes a reading grade with one decimal, as the formula's precision merits;
// very simple text, which the formula puts below 0, is grade 0.
func grade(g float64) string { return strconv.FormatFloat(max(g, 0), 'f', 1, 64) }

// measure counts the text a patient reads on the page of document d: the prose
// fields of its front matter and its Markdown body, without code, citations, raw
// HTML or addresses. Positions are body offsets, or -line for front-matter values.
func measure(d *document) readability.Stats {
	var t readability.Text
	matterProse(d.matter, &t, false)
	var buf strings.Builder
	at := -1
	flush := func() {
		if buf.Len() > 0 {
			t.Add(buf.String(), at)
		}
		buf.Reset()
		at = -1
	}
	_ = ast.Walk(d.tree, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.CodeSpan, *ast.HTMLBlock, *ast.RawHTML, *ast.AutoLink, *ast.Image, *citation.Node:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if entering {
				if at < 0 {
					at = n.Segment.Start
				}
				buf.Write(n.Segment.Value(d.body))
				if n.SoftLineBreak() || n.HardLineBreak() {
					flush() // a line is a unit of position, and ends a word
				}
			}
		case *ast.String:
			if entering {
				buf.WriteString(html.UnescapeString(string(n.Value)))
			}
		default:
			if !entering && n.Type() == ast.TypeBlock {
				flush()
				t.EndBlock()
			}
		}
		return ast.WalkContinue, nil
	})
	flush()
	return t.Stats()
}

// matterProse adds the prose fields of a front-matter mapping to t, each value as a
// sentence of its own; inFlag is set inside a warning sign, whose title and action
// are read.
func matterProse(n *yaml.Node, t *readability.Text, inFlag bool) {
	if n == nil || n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i].Value, n.Content[i+1]
		switch {
		case proseFields[key] || inFlag && (key == "title" || key == "action"):
			scalars(val, func(s *yaml.Node) { t.Add(s.Value, -s.Line); t.EndBlock() })
		case key == "flags" && val.Kind == yaml.SequenceNode:
			for _, f := range val.Content {
				matterProse(f, t, true)
			}
		}
	}
}

func scalars(n *yaml.Node, fn func(*yaml.Node)) {
	switch n.Kind {
	case yaml.ScalarNode:
		fn(n)
	case yaml.SequenceNode:
		for _, c := range n.Content {
			scalars(c, fn)
		}
	}
}

// textPosition turns a position from measure into a line and column.
func (d *document) textPosition(at int) (line, col int) {
	if at < 0 {
		return -at, 0
	}
	return d.position(at)
}

// readingInfo gives each page's reading grade as an info line, except for pages
// already warned about in problems.
func readingInfo(ln *linked, problems diag.List) diag.List {
	warned := map[string]bool{}
	for _, d := range problems {
		if strings.HasPrefix(d.Message, "the page reads at school grade") {
			warned[d.Path] = true
		}
	}
	var list diag.List
	for p, d := range ln.docs {
		if p.Reading.Words > 0 && !warned[d.display] {
			list.Infof(d.display, 0, 0, "reads at school grade %s (%d words)", grade(p.Reading.Grade), p.Reading.Words)
		}
	}
	return list
}

// logReading writes each page's reading grade, hardest first, for build --verbose.
func logReading(w io.Writer, ln *linked) {
	type row struct {
		path string
		r    guide.Reading
	}
	var rows []row
	for p, d := range ln.docs {
		rows = append(rows, row{d.display, p.Reading})
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].r.Grade != rows[j].r.Grade {
			return rows[i].r.Grade > rows[j].r.Grade
		}
		return rows[i].path < rows[j].path
	})
	fmt.Fprintf(w, "reading grade (limit %d):\n", ln.guide.Site.ReadabilityGrade)
	for _, r := range rows {
		fmt.Fprintf(w, "  %5s  %5d words  %s\n", grade(r.r.Grade), r.r.Words, r.path)
	}
}
