// Package citation is a goldmark extension for Pandoc-style bracketed
// citations such as [@key], [see @key, p. 22] and [-@a; @b].
//
// The parser only records what was written; a caller fills in Item.Href and
// Item.Label between parsing and rendering (see Walk).
package citation

import (
	"fmt"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// priority places the parser on '[' before goldmark's link parser (200), so a
// bracket is a citation first and falls back to a link when Parse returns nil.
// It stays after the footnote parser (101), whose "[^" never starts a key.
const priority = 199

// Node is an inline citation: one bracket holding one or more items.
type Node struct {
	ast.BaseInline
	Items []Item
	// Style is the site's citation style, set with the items: "" or author-year
	// (in brackets), vancouver ([1]) or ama (superscript).
	Style string
}

// Item is one cited work inside a citation.
type Item struct {
	Key            string
	Prefix         string // text before the key, trimmed ("see")
	Suffix         string // text after the key, trimmed, without the leading comma ("p. 22")
	SuppressAuthor bool   // written as -@key
	Offset         int    // byte offset of the '@' in the source, for error positions
	// Set by the caller between parsing and rendering (the renderer only reads them):
	Href  string // where the item links, e.g. "../../bibliography/#ref-gordon2016"
	Label string // the visible text, e.g. "Gordon & Bloxham, 2016"
}

// KindCitation is the ast.NodeKind of Node.
var KindCitation = ast.NewNodeKind("Citation")

// Kind implements ast.Node.
func (n *Node) Kind() ast.NodeKind { return KindCitation }

// Dump implements ast.Node.
func (n *Node) Dump(source []byte, level int) {
	kv := make(map[string]string, len(n.Items))
	for i, it := range n.Items {
		kv[fmt.Sprintf("Item%d", i)] = fmt.Sprintf("%q prefix=%q suffix=%q suppress=%t offset=%d",
			it.Key, it.Prefix, it.Suffix, it.SuppressAuthor, it.Offset)
	}
	ast.DumpHelper(n, source, level, kv, nil)
}

// RenderFunc writes a citation's HTML. The site passes one that executes a template, so
// that all HTML of the site comes from its layouts.
type RenderFunc func(w util.BufWriter, n *Node) error

type extender struct {
	render RenderFunc
}

// New returns the extension; render may be nil, in which case the default renderer writes
// <span class="citation">(<a href="Href">Label, Suffix</a>; ...)</span>, escaping every string,
// using Key when Label is empty and "#ref-"+Key when Href is empty.
func New(render RenderFunc) goldmark.Extender {
	return &extender{render: render}
}

// Extend implements goldmark.Extender.
func (e *extender) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(
		util.Prioritized(NewParser(), priority),
	))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(NewHTMLRenderer(e.render), 500),
	))
}

// Walk calls fn for every citation node below root (a small helper for the link step).
func Walk(root ast.Node, fn func(*Node)) {
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if c, ok := n.(*Node); ok && entering {
			fn(c)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}
