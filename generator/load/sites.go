package load

import (
	"github.com/yuin/goldmark/ast"

	"github.com/stretchguide/stretchguide/generator/citation"
)

// SiteKind says what a Site is.
type SiteKind uint8

// The kinds of Site.
const (
	SiteLink SiteKind = iota
	SiteImage
	SiteCitation
)

// Site is a link, image or citation of a body as written, a plain record that
// outlives the syntax tree it was read from: link resolves it, and the renderer
// finds what it resolved to by its number among SiteNodes.
type Site struct {
	Kind SiteKind
	// Dest is a link's or image's destination.
	Dest []byte
	// Items are a citation's items, each with its offset in the body.
	Items []citation.Item
	// Offset is where a link or image is written in the body, for messages.
	Offset int
}

// SiteNodes lists the links, images and citations of a parsed body (*ast.Link,
// *ast.Image, *citation.Node) in the order they are written: what is inside a
// citation is part of it, not a site of its own.
func SiteNodes(tree ast.Node) []ast.Node {
	var nodes []ast.Node
	var visit func(n ast.Node)
	visit = func(n ast.Node) {
		switch n.(type) {
		case *citation.Node:
			nodes = append(nodes, n)
			return
		case *ast.Link, *ast.Image:
			nodes = append(nodes, n)
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			visit(c)
		}
	}
	visit(tree)
	return nodes
}

// sites records what link needs of each site node.
func sites(nodes []ast.Node) []Site {
	if len(nodes) == 0 {
		return nil
	}
	out := make([]Site, len(nodes))
	for i, n := range nodes {
		switch n := n.(type) {
		case *ast.Link:
			out[i] = Site{Kind: SiteLink, Dest: n.Destination, Offset: linkOffset(n)}
		case *ast.Image:
			out[i] = Site{Kind: SiteImage, Dest: n.Destination, Offset: linkOffset(n)}
		case *citation.Node:
			out[i] = Site{Kind: SiteCitation, Items: n.Items}
		}
	}
	return out
}

// linkOffset is where link or image n starts in the body, as near as the tree says:
// its first text, or else the start of the block holding it.
func linkOffset(n ast.Node) int {
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return max(t.Segment.Start-1, 0)
		}
	}
	if p := n.Parent(); p != nil && p.Lines().Len() > 0 {
		return p.Lines().At(0).Start
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}
