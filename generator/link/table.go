package link

import (
	"github.com/yuin/goldmark/ast"

	"github.com/stretchguide/stretchguide/generator/citation"
	"github.com/stretchguide/stretchguide/generator/load"
)

// Table is what Link resolved in the Markdown bodies, looked up by the renderer as it
// meets each link, image and citation node: the trees themselves are never changed.
// A Table is only read once Link returns, so any number of goroutines may use it.
//
// It holds one entry per document, found from a node by the root of its tree: a
// table of every node was most of a rebuild's linking after one save at 10,000
// stretches, and what each document resolved is kept between builds (Reuse).
type Table struct {
	roots map[ast.Node]*resolvedBody       // by the root of each document's tree
	docs  map[*load.Document]*resolvedBody // by document
}

func newTable(docs int) *Table {
	return &Table{roots: make(map[ast.Node]*resolvedBody, docs), docs: make(map[*load.Document]*resolvedBody, docs)}
}

// add records what was resolved for the sites of d.
func (t *Table) add(d *load.Document, rb *resolvedBody) {
	t.docs[d] = rb
	if d.Tree != nil {
		t.roots[d.Tree] = rb
	}
}

// sites fills in what the Table gives the renderer for each site of d from what
// each resolved to: a destination, or a citation with its items and the style.
func (rb *resolvedBody) sites(d *load.Document, items [][]citation.Item, style string) {
	rb.nodes = d.Sites
	rb.dests = make([][]byte, len(d.Sites))
	rb.cites = make([]*citation.Node, len(d.Sites))
	for i, n := range d.Sites {
		if _, ok := n.(*citation.Node); ok {
			rb.cites[i] = &citation.Node{Items: items[i], Style: style}
		} else {
			rb.dests[i] = []byte(rb.resolved[i])
		}
	}
}

// site finds node n among the sites of its document: its entry and index.
func (t *Table) site(n ast.Node) (*resolvedBody, int) {
	root := n
	for root.Parent() != nil {
		root = root.Parent()
	}
	rb := t.roots[root]
	if rb == nil {
		return nil, -1
	}
	for i, s := range rb.nodes { // a few per document
		if s == n {
			return rb, i
		}
	}
	return nil, -1
}

// Destination is where link or image node n leads, as resolved; n's own destination
// when the table does not hold it.
func (t *Table) Destination(n ast.Node) []byte {
	if rb, i := t.site(n); rb != nil && rb.dests[i] != nil {
		return rb.dests[i]
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
	if rb, i := t.site(n); rb != nil && rb.cites[i] != nil {
		return rb.cites[i]
	}
	return n
}

// Resolved lists, in order, what every site of document d resolved to: two builds
// that give the same list render d's body the same.
func (t *Table) Resolved(d *load.Document) []string {
	if rb := t.docs[d]; rb != nil {
		return rb.resolved
	}
	return nil
}
