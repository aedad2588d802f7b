package load

import (
	"encoding/binary"
	"errors"
	"math"

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
// length and bytes. Only what load records is kept: an item's Href and Label,
// which link sets on copies, are not.
func appendSites(b []byte, sites []Site) []byte {
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	b = binary.AppendUvarint(b, uint64(len(sites)))
	for _, s := range sites {
		b = append(b, byte(s.Kind))
		b = binary.AppendUvarint(b, uint64(s.Offset))
		str(string(s.Dest))
		b = binary.AppendUvarint(b, uint64(len(s.Items)))
		for _, it := range s.Items {
			str(it.Key)
			str(it.Prefix)
			str(it.Suffix)
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

// errSites says that what was read back is not sites appendSites wrote.
var errSites = errors.New("the links and citations kept for it are damaged")

// readSites reads back what appendSites wrote.
func readSites(b []byte) ([]Site, error) {
	bad := false
	num := func() int {
		v, n := binary.Uvarint(b)
		if n <= 0 || v > math.MaxInt32<<1 {
			bad = true
			return 0
		}
		b = b[n:]
		return int(v)
	}
	str := func() string {
		n := num()
		if bad || n > len(b) {
			bad = true
			return ""
		}
		s := string(b[:n])
		b = b[n:]
		return s
	}
	n := num()
	if n == 0 || bad {
		return nil, errIf(bad)
	}
	sites := make([]Site, 0, min(n, len(b)))
	for range n {
		if len(b) == 0 {
			return nil, errSites
		}
		s := Site{Kind: SiteKind(b[0])}
		b = b[1:]
		s.Offset = num()
		if d := str(); d != "" {
			s.Dest = []byte(d)
		}
		if k := num(); k > 0 && !bad {
			s.Items = make([]citation.Item, 0, min(k, len(b)))
			for range k {
				it := citation.Item{Key: str(), Prefix: str(), Suffix: str()}
				v := num()
				if bad { // each item takes four bytes or more: stop at the first that is not there
					return nil, errSites
				}
				it.Offset, it.SuppressAuthor = v>>1, v&1 == 1
				s.Items = append(s.Items, it)
			}
		}
		if bad {
			return nil, errSites
		}
		sites = append(sites, s)
	}
	return sites, errIf(len(b) != 0)
}

func errIf(bad bool) error {
	if bad {
		return errSites
	}
	return nil
}
