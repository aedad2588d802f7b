package load

import (
	"html"
	"strings"

	"github.com/stretchguide/stretchguide/generator/citation"
	"github.com/stretchguide/stretchguide/generator/readability"
	"github.com/yuin/goldmark/ast"
	"go.yaml.in/yaml/v3"
)

// proseFields are the front-matter fields patients read, by kind of page: they are
// measured with the body. The red-flag page's flags are read too.
var proseFields = map[string]bool{"summary": true, "cues": true, "cautions": true}

// ReadingIn is the reading measures of d's text in language lang (a BCP 47 tag):
// Reading, taken as English, or measured again by the formula of lang.
func (d *Document) ReadingIn(lang string) readability.Stats {
	if readability.FormulaOf(lang) == readability.FleschKincaid {
		return d.Reading
	}
	return d.measure(readability.NewText(lang))
}

// measure counts the text a patient reads on the page of d: the prose
// fields of its front matter and its Markdown body, without code, citations, raw
// HTML or addresses. Positions are body offsets, or -line for front-matter values.
func (d *Document) measure(t readability.Text) readability.Stats {
	matterProse(d.Matter, &t, false)
	var buf strings.Builder
	at := -1
	flush := func() {
		if buf.Len() > 0 {
			t.Add(buf.String(), at)
		}
		buf.Reset()
		at = -1
	}
	_ = ast.Walk(d.Tree, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.CodeSpan, *ast.HTMLBlock, *ast.RawHTML, *ast.AutoLink, *ast.Image, *citation.Node:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if entering {
				if at < 0 {
					at = n.Segment.Start
				}
				buf.Write(n.Segment.Value(d.Body))
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
