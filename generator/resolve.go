package generator

import (
	"net/url"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/stretchguide/stretchguide/generator/citation"
	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/guide"
)

// layoutAnchors are the ids the default layouts give sections of each kind of page,
// so a link may point at them (../stretches/bridge.md#evidence). Custom layouts must
// keep them.
var layoutAnchors = map[guide.Kind][]string{
	guide.KindStretch:  {"main", "steps", "dose", "cautions", "warning-signs", "used-in", "related", "evidence"},
	guide.KindRoutine:  {"main", "steps", "follow-along", "warning-signs", "evidence"},
	guide.KindRedFlags: {"main"},
	guide.KindFree:     {"main", "evidence"},
	guide.KindHome:     {"main", "routines", "stretches", "areas"},
}

// bodies resolves the links and citations of every Markdown body: a link to a
// source file becomes the address of its page, relative to the linking page, and a
// citation gets the label and address of its bibliography entry. Each document's
// walk is independent, so they run in parallel; problems are kept per document.
func (l *linker) bodies(pages []*guide.Page) {
	lists := make([]diag.List, len(pages))
	parallel(len(pages), func(i int) {
		p := pages[i]
		p.Citations = appendNew(p.Citations, l.body(p, l.docs[p], &lists[i]))
	})
	for i := range pages {
		l.problems.Append(lists[i])
	}
}

func (l *linker) body(p *guide.Page, d *document, problems *diag.List) []*guide.Reference {
	var refs []*guide.Reference
	_ = ast.Walk(d.tree, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			n.Destination = l.destination(p, d, n, n.Destination, problems)
		case *ast.Image:
			n.Destination = l.destination(p, d, n, n.Destination, problems)
		case *citation.Node:
			for i := range n.Items {
				it := &n.Items[i]
				r, ok := l.refs[it.Key]
				if !ok {
					line, col := d.position(it.Offset)
					problems.Errorf(d.display, line, col, diag.DidYouMean(it.Key, keys(l.refs), "add the reference to a file in content/references/"), "unknown reference %q", it.Key)
					continue
				}
				it.Href = relURL(p.URL, "bibliography/") + "#ref-" + r.Key
				it.Label, n.Style = r.InText(), l.g.Site.CitationStyle // cite/style
				refs = append(refs, r)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return refs
}

// destination resolves one link target written in page p. External addresses are
// kept; a link to a Markdown file of the guide becomes its page's address.
func (l *linker) destination(p *guide.Page, d *document, n ast.Node, dest []byte, problems *diag.List) []byte {
	raw := string(dest)
	u, err := url.Parse(raw)
	// Most links are fine: find the link's line and column only for a message.
	errorf := func(hint, format string, args ...any) {
		line, col := d.position(linkOffset(n, d.body))
		problems.Errorf(d.display, line, col, hint, format, args...)
	}
	switch {
	case err != nil:
		errorf("check the address for spaces or stray characters", "the link %q cannot be read", raw)
		return dest
	case u.Scheme != "" || strings.HasPrefix(raw, "//"):
		return dest // another site: the author's choice, not checked here
	case u.Path == "":
		if u.Fragment != "" && !l.hasAnchor(p, u.Fragment) {
			errorf(diag.DidYouMean(u.Fragment, l.anchors(p), "link to a heading of this page"), "this page has no section #%s", u.Fragment)
		}
		return dest
	case strings.HasPrefix(u.Path, "/"):
		errorf("link to the Markdown file instead, like ../stretches/bridge.md", "links starting with / break when the site is published under a folder")
		return dest
	}
	target := path.Join(path.Dir(d.path), u.Path)
	if path.Ext(target) != ".md" {
		errorf("link to a page's .md file; for a stretch's picture use the image field", "the link %q points to a file that is not a page", raw)
		return dest
	}
	tp, ok := l.byPath[target]
	if !ok {
		errorf(diag.DidYouMean(target, sortedPaths(l.byPath), "check the file name; links are relative to this file's folder"), "the link %q points to %s, which does not exist", raw, target)
		return dest
	}
	out := relURL(p.URL, tp.URL)
	if u.Fragment != "" {
		if !l.hasAnchor(tp, u.Fragment) {
			errorf(diag.DidYouMean(u.Fragment, l.anchors(tp), "link to a heading of that page"), "%s has no section #%s", target, u.Fragment)
		}
		out += "#" + u.Fragment
	}
	return []byte(out)
}

// anchors lists, sorted, the ids a page's address may end in: its headings, the
// sections of its layout and, on the warning-signs page, the flags. It is for
// messages; hasAnchor answers the question without building the list.
func (l *linker) anchors(p *guide.Page) []string {
	var ids []string
	if d := l.docs[p]; d != nil {
		for id := range d.anchors {
			ids = append(ids, id)
		}
	}
	ids = append(ids, layoutAnchors[p.Kind]...)
	if p.Kind == guide.KindRedFlags {
		for _, f := range l.g.Flags {
			ids = append(ids, f.ID)
		}
	}
	sort.Strings(ids)
	return ids
}

// hasAnchor reports whether id is one of anchors(p).
func (l *linker) hasAnchor(p *guide.Page, id string) bool {
	if d := l.docs[p]; d != nil && d.anchors[id] {
		return true
	}
	if slices.Contains(layoutAnchors[p.Kind], id) {
		return true
	}
	if p.Kind == guide.KindRedFlags {
		_, ok := l.flags[id]
		return ok
	}
	return false
}

// linkOffset finds where a link's text starts in the body, for messages.
func linkOffset(n ast.Node, body []byte) int {
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

// relURL is the address of site page to as seen from site page from, both given
// relative to the site root ("stretches/bridge/").
func relURL(from, to string) string {
	r := strings.Repeat("../", strings.Count(from, "/")) + to
	if r == "" {
		return "./"
	}
	return r
}

func sortedPaths(m map[string]*guide.Page) []string { return keys(m) }
