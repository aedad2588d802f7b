package load

import (
	"github.com/stretchguide/stretchguide/generator/readability"
	"go.yaml.in/yaml/v3"
)

// The reading measures count the text a patient reads on the page of a document:
// the prose fields of its front matter and its Markdown body, without code,
// citations, raw HTML or addresses (walk.go). Positions are body offsets, or -line
// for front-matter values.

// proseFields are the front-matter fields patients read, by kind of page: they are
// measured with the body. The red-flag page's flags are read too.
var proseFields = map[string]bool{"summary": true, "cues": true, "cautions": true}

// prosePiece is a prose value of the front matter and the line it is written on.
type prosePiece struct {
	text string
	line int
}

// ReadingIn is the reading measures of d's text in language lang (a BCP 47 tag):
// Reading, taken as English, or measured again by the formula of lang, walking the
// body's prose once more. That needs the body parsed again, so what it measured is
// kept: link and check ask at every build, and serve keeps unchanged documents.
func (d *Document) ReadingIn(lang string) readability.Stats {
	if readability.FormulaOf(lang) == readability.FleschKincaid {
		return d.Reading
	}
	if st, ok := d.readings.Load(lang); ok {
		return st.(readability.Stats)
	}
	st := d.measureIn(lang)
	d.readings.Store(lang, st)
	return st
}

// measureIn measures d's text by the formula of lang.
func (d *Document) measureIn(lang string) readability.Stats {
	tree, body := d.Parse()
	w := bodyWalk{d: d, src: body, anchors: map[string]bool{}, at: -1, reading: readability.NewText(lang)}
	for _, p := range d.prose {
		w.reading.Add(p.text, -p.line)
		w.reading.EndBlock()
	}
	w.visit(tree, reach{prose: true})
	w.flush()
	return w.reading.Stats()
}

// matterProse gives each prose field of a front-matter mapping to add, with its
// line; inFlag is set inside a warning sign, whose title and action are read.
func matterProse(n *yaml.Node, inFlag bool, add func(text string, line int)) {
	if n == nil || n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i].Value, n.Content[i+1]
		switch {
		case proseFields[key] || inFlag && (key == "title" || key == "action"):
			scalars(val, func(s *yaml.Node) { add(s.Value, s.Line) })
		case key == "flags" && val.Kind == yaml.SequenceNode:
			for _, f := range val.Content {
				matterProse(f, true, add)
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
