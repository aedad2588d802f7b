package load

import (
	"bytes"
	"html"
	"sync"

	"github.com/yuin/goldmark/ast"
	"go.yaml.in/yaml/v3"

	"github.com/stretchguide/stretchguide/generator/citation"
	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/readability"
	"github.com/stretchguide/stretchguide/generator/words"
)

// bodyWalk goes through a document's syntax tree once and records what later steps
// need: the headings' anchors, the words for search, the reading measures and
// the TODOs. Each of them leaves out some parts of the tree (see reach). The link
// sites are SiteNodes'.
type bodyWalk struct {
	d       *Document
	src     []byte // the body the tree's segments point into
	anchors map[string]bool
	text    []byte // the plain text, before its entities are decoded

	reading readability.Text
	prose   []byte // the run of prose not yet measured
	at      int    // where that run starts, -1 when it is empty

	todos diag.List
	lines map[int]bool // lines that have a TODO warning already
}

// reach says which of the walk's records a node counts for.
type reach struct {
	text  bool // plain text: not inside code blocks
	prose bool // reading measures: not inside code, raw HTML, addresses, images or citations
	todo  bool // TODOs: not inside code
}

var walks = sync.Pool{New: func() any { return new(bodyWalk) }}

// walkBody fills in d's Anchors, Sites, Text, Reading and Todos from tree, its
// parsed body; matter is its front matter.
func (d *Document) walkBody(matter *yaml.Node, tree ast.Node) {
	w := walks.Get().(*bodyWalk)
	w.d, w.src, w.anchors, w.text, w.prose, w.at = d, d.body, map[string]bool{}, w.text[:0], w.prose[:0], -1
	w.reading, w.todos, w.lines = readability.Text{}, nil, map[int]bool{}
	d.prose = d.prose[:0]
	matterProse(matter, false, func(text string, line int) {
		w.reading.Add(text, -line) // each value a sentence of its own
		w.reading.EndBlock()
		d.prose = append(d.prose, prosePiece{text, line})
	})
	w.matterTodos(matter)
	w.visit(tree, reach{text: true, prose: true, todo: bytes.Contains(w.src, []byte("TODO"))})
	w.flush()
	d.Anchors, d.Reading, d.Todos = w.anchors, w.reading.Stats(), w.todos
	d.words = words.List("", html.UnescapeString(string(w.text)))
	d.sites = siteRecords(SiteNodes(tree))
	w.d, w.src, w.anchors, w.todos, w.lines = nil, nil, nil, nil, nil
	walks.Put(w)
}

// visit records n and the nodes below it that in reaches.
func (w *bodyWalk) visit(n ast.Node, in reach) {
	block := n.Type() == ast.TypeBlock
	inner := in
	switch n := n.(type) {
	case *ast.Text:
		w.textNode(n, in)
	case *ast.String: // typographic quotes and dashes, as HTML entities
		if in.text {
			w.text = append(w.text, n.Value...)
		}
		if in.prose {
			w.prose = append(w.prose, html.UnescapeString(string(n.Value))...)
		}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		inner = reach{}
	case *ast.CodeSpan:
		inner.prose, inner.todo = false, false
	case *ast.HTMLBlock, *ast.RawHTML, *ast.AutoLink:
		inner.prose = false
	case *ast.Heading:
		if id, ok := n.AttributeString("id"); ok {
			if s, ok := id.([]byte); ok {
				w.anchors[string(s)] = true
			}
		}
	case *ast.Image, *citation.Node:
		inner.prose = false
	}
	if block && in.text && inner.text {
		w.text = append(w.text, ' ')
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.visit(c, inner)
	}
	if block && in.prose && inner.prose {
		w.flush()
		w.reading.EndBlock()
	}
}

// textNode records a run of text.
func (w *bodyWalk) textNode(n *ast.Text, in reach) {
	value := n.Segment.Value(w.src)
	brk := n.SoftLineBreak() || n.HardLineBreak()
	if in.text {
		w.text = append(w.text, value...)
		if brk {
			w.text = append(w.text, ' ')
		}
	}
	if in.prose {
		if w.at < 0 {
			w.at = n.Segment.Start
		}
		w.prose = append(w.prose, value...)
		if brk {
			w.flush() // a line is a unit of position, and ends a word
		}
	}
	if in.todo {
		if i := todoIndex(value); i >= 0 {
			w.todo(n.Segment.Start+i, "a TODO is left in the text")
		}
	}
}

// flush measures the run of prose read since the last flush.
func (w *bodyWalk) flush() {
	if len(w.prose) > 0 {
		w.reading.AddBytes(w.prose, w.at)
	}
	w.prose, w.at = w.prose[:0], -1
}
