package link

import (
	"github.com/yuin/goldmark/ast"

	"github.com/stretchguide/stretchguide/generator/citation"
	"github.com/stretchguide/stretchguide/generator/load"
)

// Table is what Link resolved in the Markdown bodies, looked up by the renderer as it
// meets each link, image and citation node: the trees themselves are never changed.
// A Table is only read once Link returns, so any number of goroutines may use it.
type Table struct {
	dests map[ast.Node][]byte // *ast.Link and *ast.Image -> destination
	cites map[*citation.Node]*citation.Node
	docs  map[*load.Document][]string // each site of a document, resolved, in order
}

func newTable(docs, sites int) *Table {
	return &Table{dests: make(map[ast.Node][]byte, sites), cites: make(map[*citation.Node]*citation.Node, sites/2),
		docs: make(map[*load.Document][]string, docs)}
}

// add records what was resolved for the sites of d (rb, made by sites).
func (t *Table) add(d *load.Document, rb *resolvedBody) {
	t.docs[d] = rb.resolved
	for i, n := range d.Sites {
		if c, ok := n.(*citation.Node); ok {
			t.cites[c] = rb.cites[i]
		} else {
			t.dests[n] = rb.dests[i]
		}
	}
}

// sites fills in what the Table gives the renderer for each site of d from what
// each resolved to: a destination, or a citation with its items and the style.
func (rb *resolvedBody) sites(d *load.Document, style string) {
	rb.dests = make([][]byte, len(d.Sites))
	rb.cites = make([]*citation.Node, len(d.Sites))
	for i, n := range d.Sites {
		if _, ok := n.(*citation.Node); ok {
			rb.cites[i] = &citation.Node{Items: rb.items[i], Style: style}
		} else {
			rb.dests[i] = []byte(rb.resolved[i])
		}
	}
}

// Destination is where link or image node n leads, as resolved; n's own destination
// when the table does not hold it.
func (t *Table) Destination(n ast.Node) []byte {
	if d, ok := t.dests[n]; ok {
		return d
	}
	switch n := n.(type) {
	case *ast.Link:
		return n.Destination
	case *ast.Image:
		return n.Destination
	}
	return nil
}

// Citation is citation node n with the label and address of each item and the site's
// citation style filled in; n itself when the table does not hold it.
func (t *Table) Citation(n *citation.Node) *citation.Node {
	if c, ok := t.cites[n]; ok {
		return c
	}
	return n
}

// Resolved lists, in order, what every site of document d resolved to: two builds
// that give the same list render d's body the same.
func (t *Table) Resolved(d *load.Document) []string { return t.docs[d] }
