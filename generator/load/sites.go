package load

import (
	"encoding/binary"

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

// siteRecords records what link needs of each site node.
func siteRecords(nodes []ast.Node) []Site {
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

// appendSites appends sites to b in the form a Spill keeps them: for each, its
// kind, offset and destination, and its citation items, each field a uvarint or a
// string (appendString). Only what load records is kept: an item's Href and Label,
// which link sets on copies, are not.
func appendSites(b []byte, sites []Site) []byte {
	b = binary.AppendUvarint(b, uint64(len(sites)))
	for _, s := range sites {
		b = append(b, byte(s.Kind))
		b = binary.AppendUvarint(b, uint64(s.Offset))
		b = appendString(b, string(s.Dest))
		b = binary.AppendUvarint(b, uint64(len(s.Items)))
		for _, it := range s.Items {
			b = appendString(appendString(appendString(b, it.Key), it.Prefix), it.Suffix)
			b = binary.AppendUvarint(b, uint64(it.Offset)<<1|uint64(boolBit(it.SuppressAuthor)))
		}
	}
	return b
}

func boolBit(v bool) byte {
	if v {
		return 1
	}
	return 0
}

// readSites reads back what appendSites wrote.
func readSites(b []byte) ([]Site, error) {
	d := &decoder{b: b}
	n := d.num()
	if n == 0 || d.bad {
		return nil, d.err()
	}
	sites := make([]Site, 0, min(n, len(b)))
	for range n {
		s := Site{Kind: SiteKind(d.byte())}
		s.Offset = d.num()
		if dest := d.str(); dest != "" {
			s.Dest = []byte(dest)
		}
		if k := d.num(); k > 0 && !d.bad {
			s.Items = make([]citation.Item, 0, min(k, len(d.b)))
			for range k {
				it := citation.Item{Key: d.str(), Prefix: d.str(), Suffix: d.str()}
				v := d.num()
				if d.bad { // each item takes four bytes or more: stop at the first that is not there
					return nil, errDamaged
				}
				it.Offset, it.SuppressAuthor = v>>1, v&1 == 1
				s.Items = append(s.Items, it)
			}
		}
		if d.bad {
			return nil, errDamaged
		}
		sites = append(sites, s)
	}
	return sites, d.end()
}
