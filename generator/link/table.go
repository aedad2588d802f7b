package link

import (
	"slices"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"

	"github.com/stretchguide/stretchguide/generator/citation"
	"github.com/stretchguide/stretchguide/generator/load"
)

// Table is what Link resolved in the Markdown bodies, looked up by the renderer as it
// meets each link, image and citation node: the trees themselves are never changed.
// It holds one entry per document, and what each document resolved is kept between
// builds (Reuse). Documents keep no syntax tree: the renderer parses a body again
// and binds the tree to its document (Bind) while it renders it, so that a node is
// found by the root of its tree and its number among the tree's sites. Any number
// of goroutines may use a Table once Link returns.
type Table struct {
	docs  map[*load.Document]*resolvedBody // by document
	trees sync.Map                         // a bound tree's root -> *boundTree
}

// boundTree is a parsed body bound to what its document resolved.
type boundTree struct {
	resolved []string   // resolvedBody.list
	nodes    []ast.Node // load.SiteNodes of the tree
}

func newTable(docs int) *Table {
	return &Table{docs: make(map[*load.Document]*resolvedBody, docs)}
}

// add records what was resolved for the sites of d.
func (t *Table) add(d *load.Document, rb *resolvedBody) { t.docs[d] = rb }

// Bind makes the nodes of tree, document d's body as d.Parse gives it, look up
// what d's sites resolved to, until unbind is called.
func (t *Table) Bind(d *load.Document, tree ast.Node) (unbind func()) {
	rb := t.docs[d]
	if rb == nil {
		return func() {}
	}
	t.trees.Store(tree, &boundTree{resolved: rb.list(), nodes: load.SiteNodes(tree)})
	return func() { t.trees.Delete(tree) }
}

// site finds node n among the sites of its bound tree: what n resolved to, and
// whether the table holds it.
func (t *Table) site(n ast.Node) (string, bool) {
	root := n
	for root.Parent() != nil {
		root = root.Parent()
	}
	v, ok := t.trees.Load(root)
	if !ok {
		return "", false
	}
	b := v.(*boundTree)
	for i, s := range b.nodes { // a few per document
		if s == n && i < len(b.resolved) {
			return b.resolved[i], true
		}
	}
	return "", false
}

// Destination is where link or image node n leads, as resolved; n's own destination
// when the table does not hold it.
func (t *Table) Destination(n ast.Node) []byte {
	if resolved, ok := t.site(n); ok {
		return []byte(resolved)
	}
	switch n := n.(type) {
	case *ast.Link:
		return n.Destination
	case *ast.Image:
		return n.Destination
	}
	return nil
}

// Citation is a copy of citation node n with the label and address of each item and
// the site's citation style filled in; n itself when the table does not hold it.
// The copy is made from what the citation resolved to (see linker.body) each time
// the body renders, so the table holds no second set of items.
func (t *Table) Citation(n *citation.Node) *citation.Node {
	resolved, ok := t.site(n)
	if !ok {
		return n
	}
	parts := strings.Split(resolved, "\x00") // the style, then each item's address and label
	c := &citation.Node{Items: slices.Clone(n.Items), Style: parts[0]}
	for j := range c.Items {
		if k := 1 + 2*j; k+1 < len(parts) {
			c.Items[j].Href, c.Items[j].Label = parts[k], parts[k+1]
		}
	}
	return c
}

// Resolved lists, in order, what every site of document d resolved to: two builds
// that give the same list render d's body the same.
func (t *Table) Resolved(d *load.Document) []string {
	if rb := t.docs[d]; rb != nil {
		return rb.list()
	}
	return nil
}
