package link

import (
	"hash/maphash"
	"net/url"
	"path"
	"slices"
	"sort"
	"strings"
	"sync/atomic"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/internal/par"
	"github.com/stretchguide/stretchguide/generator/load"
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

// bodies resolves the links and citations of every Markdown body into the Table: a
// link to a source file becomes the address of its page, relative to the linking
// page, and a citation gets the label and address of its bibliography entry. Each
// document's sites are independent, so they run in parallel; problems are kept per
// document.
func (l *linker) bodies(pages []*guide.Page, r *Reuse) {
	var env uint64
	if r != nil {
		if r.docs == nil {
			r.seed = maphash.MakeSeed()
		}
		env = l.environment(r.seed, pages)
	}
	bodies := make([]*resolvedBody, len(pages))
	var made atomic.Int32
	par.Do(len(pages), func(i int) {
		p, d := pages[i], l.docs[pages[i]]
		rb := r.reused(d, p, env)
		if rb == nil {
			rb = &resolvedBody{url: p.URL}
			rb.resolved, rb.refs = l.body(p, d, &rb.problems)
			rb.keepIn(l.c.Spill)
			made.Add(1)
		}
		bodies[i] = rb
	})
	l.table = newTable(len(pages))
	kept := make(map[*load.Document]*resolvedBody, len(pages))
	for i, p := range pages {
		rb := bodies[i]
		l.problems.Append(rb.problems)
		refs := make([]*guide.Reference, len(rb.refs))
		for j, key := range rb.refs {
			refs[j] = l.refs[key]
		}
		p.Citations = appendNew(p.Citations, refs)
		l.table.add(l.docs[p], rb)
		kept[l.docs[p]] = rb
	}
	r.keep(env, kept, int(made.Load()))
}

// body resolves each site of d, the document of page p: for a link or image its
// destination. What a citation resolved to is one string too, so that it is part of
// its body's key as it is: the site's citation style (it changes the marker's
// shape), then for each item, after a NUL, the address of its reference in the
// bibliography and, after another, its label ("Gordon & Bloxham, 2016"); both empty
// for an unknown key. Table.Citation reads it back.
func (l *linker) body(p *guide.Page, d *load.Document, problems *diag.List) (resolved, refs []string) {
	sites := d.Sites()
	resolved = make([]string, len(sites))
	for i, s := range sites {
		switch s.Kind {
		case load.SiteLink, load.SiteImage:
			resolved[i] = string(l.destination(p, d, s.Offset, s.Dest, problems))
		case load.SiteCitation:
			var b strings.Builder
			b.WriteString(l.g.Site.CitationStyle)
			for _, it := range s.Items {
				r, ok := l.refs[it.Key]
				if !ok {
					line, col := d.Position(it.Offset)
					problems.Errorf(d.Display, line, col, diag.DidYouMean(it.Key, keys(l.refs), "add the reference to a file in content/references/"), "unknown reference %q", it.Key)
					b.WriteString("\x00\x00")
					continue
				}
				refs = append(refs, r.Key)
				b.WriteString("\x00" + RelURL(p.URL, "bibliography/") + "#ref-" + r.Key + "\x00" + r.InText())
			}
			resolved[i] = b.String()
		}
	}
	return resolved, refs
}

// destination resolves one link target written in page p. External addresses are
// kept; a link to a Markdown file of the guide becomes its page's address.
func (l *linker) destination(p *guide.Page, d *load.Document, offset int, dest []byte, problems *diag.List) []byte {
	raw := string(dest)
	u, err := url.Parse(raw)
	// Most links are fine: find the link's line and column only for a message.
	errorf := func(hint, format string, args ...any) {
		line, col := d.Position(offset)
		problems.Errorf(d.Display, line, col, hint, format, args...)
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
	target := path.Join(path.Dir(d.Path), u.Path)
	if path.Ext(target) != ".md" {
		errorf("link to a page's .md file; for a stretch's picture use the image field", "the link %q points to a file that is not a page", raw)
		return dest
	}
	tp, ok := l.byPath[target]
	if other, there := l.elsewhere(target); !ok && there { // not translated: its page in the default language
		out := RelURL(p.URL, other)
		if u.Fragment != "" {
			out += "#" + u.Fragment
		}
		return []byte(out)
	}
	if !ok {
		errorf(diag.DidYouMean(target, keys(l.byPath), "check the file name; links are relative to this file's folder"), "the link %q points to %s, which does not exist", raw, target)
		return dest
	}
	out := RelURL(p.URL, tp.URL)
	if u.Fragment != "" {
		if !l.hasAnchor(tp, u.Fragment) {
			errorf(diag.DidYouMean(u.Fragment, l.anchors(tp), "link to a heading of that page"), "%s has no section #%s", target, u.Fragment)
		}
		out += "#" + u.Fragment
	}
	return []byte(out)
}

// elsewhere is the default language's address of an untranslated page, when the
// guide linked is a translation (load.Content.Elsewhere).
func (l *linker) elsewhere(target string) (string, bool) {
	if l.c == nil {
		return "", false
	}
	u, ok := l.c.Elsewhere[target]
	return u, ok
}

// anchors lists, sorted, the ids a page's address may end in: its headings, the
// sections of its layout and, on the warning-signs page, the flags. It is for
// messages; hasAnchor answers the question without building the list.
func (l *linker) anchors(p *guide.Page) []string {
	var ids []string
	if d := l.docs[p]; d != nil {
		for id := range d.Anchors {
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
	return hasAnchor(l.docs[p], p, id, func(id string) bool { return l.flags[id] != nil })
}

// HasAnchor reports whether page p has a section with the id: a heading of its
// body, a section its layout gives it, or a warning sign on the warning-signs page.
func (ln *Linked) HasAnchor(p *guide.Page, id string) bool {
	return hasAnchor(ln.Docs[p], p, id, func(id string) bool {
		return slices.ContainsFunc(ln.Guide.Flags, func(f *guide.Flag) bool { return f.ID == id })
	})
}

func hasAnchor(d *load.Document, p *guide.Page, id string, isFlag func(string) bool) bool {
	if d != nil && d.Anchors[id] {
		return true
	}
	if slices.Contains(layoutAnchors[p.Kind], id) {
		return true
	}
	return p.Kind == guide.KindRedFlags && isFlag(id)
}

// RelURL is the address of site page to as seen from site page from, both given
// relative to the site root ("stretches/bridge/").
func RelURL(from, to string) string {
	r := strings.Repeat("../", strings.Count(from, "/")) + to
	if r == "" {
		return "./"
	}
	return r
}
