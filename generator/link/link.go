package link

import (
	"io/fs"
	"net/url"
	"slices"
	"sort"
	"strings"

	"github.com/stretchguide/stretchguide/generator/bib"
	"github.com/stretchguide/stretchguide/generator/cite/style"
	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/front"
	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/load"
)

// Linked is the checked guide plus what the later steps need that the model does not
// hold: the document behind each page, the resolution table of their bodies, and the
// image files to copy.
type Linked struct {
	Guide  *guide.Guide
	Docs   map[*guide.Page]*load.Document
	Table  *Table
	Images []*guide.Image
	Files  fs.FS
	// Pictures are the picture files loading read, by path below content/.
	Pictures map[string]*load.PictureFile
	// Order lists every page written from a Markdown file, in the order pages are
	// listed on the site.
	Order []*guide.Page
}

// linker carries the indexes built while linking.
type linker struct {
	c        *load.Content
	problems *diag.List
	g        *guide.Guide
	docs     map[*guide.Page]*load.Document
	byPath   map[string]*guide.Page // source path -> page
	areas    map[string]*guide.Area
	flags    map[string]*guide.Flag
	refs     map[string]*guide.Reference
	slugs    map[string]*guide.Stretch
	images   []*guide.Image
	table    *Table
	order    []*guide.Page // pagesInOrder, once the guide is sorted
}

// Link turns loaded content into one checked guide: every area, flag, reference,
// stretch and link resolved, every problem of linking reported. baseURL, when not
// empty, overrides the base_url of content/_index.md. It changes no document: what
// it resolves in the bodies goes into the Table.
func Link(c *load.Content, baseURL string, problems *diag.List) *Linked {
	return link(c, baseURL, problems, nil)
}

func link(c *load.Content, baseURL string, problems *diag.List, r *Reuse) *Linked {
	n := len(c.Stretches) + len(c.Routines) + len(c.Pages) + 2 // and the home page and the warning signs
	// The maps are made at their final size: a serve session links the whole guide
	// again after each save, and growing them was a tenth of that at 10,000 stretches.
	l := &linker{c: c, problems: problems, g: &guide.Guide{}, docs: make(map[*guide.Page]*load.Document, n),
		byPath: make(map[string]*guide.Page, n), areas: map[string]*guide.Area{}, flags: map[string]*guide.Flag{},
		refs: make(map[string]*guide.Reference, len(c.References)), slugs: make(map[string]*guide.Stretch, len(c.Stretches))}
	l.site(baseURL)
	l.references()
	l.redFlags()
	for _, d := range c.Stretches {
		l.stretch(d)
	}
	for _, d := range c.Routines {
		l.routine(d)
	}
	for _, d := range c.Pages {
		l.page(d)
	}
	l.sort()
	l.bodies(l.pagesInOrder(), r)
	l.backlinks()
	l.positions()
	l.reading()
	l.reviewDates()
	l.gradesPage()
	return &Linked{Guide: l.g, Docs: l.docs, Table: l.table, Images: l.images, Files: c.Files,
		Pictures: c.Pictures, Order: l.pagesInOrder()}
}

func (l *linker) errorAt(d *load.Document, at front.At, hint, format string, args ...any) {
	l.problems.Errorf(d.Display, at.Line, at.Col, hint, format, args...)
}

// addPage registers a page built from document d.
func (l *linker) addPage(p *guide.Page, d *load.Document) {
	p.Kind, p.Slug, p.Source, p.Outdated = d.Kind, d.Slug, d.Path, d.Outdated
	if d.Kind != guide.KindHome && !isID(d.Slug) {
		l.problems.Errorf(d.Display, 0, 0, "rename the file using lowercase letters, digits and hyphens, like cat-cow.md",
			"the file name %q cannot be used in a web address", d.Slug)
	}
	l.docs[p] = d
	l.byPath[d.Path] = p
}

// isID reports whether s is runs of lowercase letters and digits joined by single
// hyphens, like cat-cow: a name that fits in a web address as it is. Serve checks
// every page's name after each save; the regular expression this replaces
// (^[a-z0-9]+(?:-[a-z0-9]+)*$) was 7% of linking 10,000 stretches.
func isID(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

func (l *linker) site(baseURL string) {
	d := l.c.Home
	if d == nil {
		l.problems.Errorf("content/_index.md", 0, 0, "create it with a title field: it holds the home page text and the site settings", "the home page file is missing")
		l.g.Site = guide.Site{Title: "Stretching guide", Language: "en", BasePath: "/",
			ReadabilityGrade: DefaultReadabilityGrade, ReviewCycleMonths: DefaultReviewCycleMonths}
		l.g.Home = &guide.Page{Kind: guide.KindHome, Title: l.g.Site.Title}
		return
	}
	fm := d.Front.(*front.Site)
	s := guide.Site{Title: fm.Title.V, Language: fm.Language.V, BaseURL: fm.BaseURL.V, BasePath: "/", Description: fm.Description.V}
	s.CMSRepo = fm.CMSRepo.V // issue 18: the browser editor's repository
	if s.Language == "" {
		s.Language = "en"
	}
	governance(*fm, &s)
	l.emergencyNumber(d, fm.EmergencyNumber, &s)
	s.CitationStyle = fm.CitationStyle.V // cite/style
	s.Synonyms = synonyms(fm.Synonyms)
	if baseURL != "" {
		s.BaseURL = baseURL
	}
	if s.BaseURL != "" {
		u, err := url.Parse(s.BaseURL)
		if err != nil || u.Scheme == "" || u.Host == "" {
			l.errorAt(d, fm.BaseURL.At, "write the full address, like https://example.org/stretch-guide/", "base_url %q is not a full web address", s.BaseURL)
		} else {
			u.Path = strings.TrimSuffix(u.Path, "/") + "/"
			u.RawQuery, u.Fragment = "", ""
			s.BaseURL, s.BasePath = u.String(), u.Path
		}
	}
	l.g.Site = s
	l.g.Home = &guide.Page{Title: s.Title}
	l.addPage(l.g.Home, d)
	for _, a := range fm.Areas {
		if !l.newID(d, a.ID, l.areas[a.ID.V] != nil, "area", "lower-back") {
			continue
		}
		area := &guide.Area{ID: a.ID.V, Title: a.Title.V, Summary: a.Summary.V, URL: "areas/" + a.ID.V + "/"}
		l.areas[a.ID.V] = area
		l.g.Areas = append(l.g.Areas, area)
	}
}

// newID reports whether id can name a new area or warning sign: it must fit in a web
// address and not be taken already.
func (l *linker) newID(d *load.Document, id front.Str, taken bool, what, example string) bool {
	switch {
	case !isID(id.V):
		l.errorAt(d, id.At, "use lowercase letters, digits and hyphens, like "+example, "%s id %q cannot be used in a web address", what, id.V)
	case taken:
		l.errorAt(d, id.At, "give each "+what+" its own id", "%s %q is listed twice", what, id.V)
	default:
		return true
	}
	return false
}

func (l *linker) references() {
	for _, r := range l.c.References {
		if first, dup := l.refs[r.Key]; dup {
			l.problems.Errorf(r.Pos.Path, r.Pos.Line, r.Pos.Col, "rename one of them, or delete the copy",
				"reference %q is defined twice: here and at %s:%d", r.Key, first.Pos.Path, first.Pos.Line)
			continue
		}
		l.refs[r.Key] = r
		l.g.References = append(l.g.References, r)
	}
	// Each key once, not at every comparison: SortKey builds a string.
	type keyed struct {
		key string
		r   *guide.Reference
	}
	ks := make([]keyed, len(l.g.References))
	for i, r := range l.g.References {
		ks[i] = keyed{r.SortKey(), r}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int { return strings.Compare(a.key, b.key) })
	for i := range ks {
		l.g.References[i] = ks[i].r
	}
	disambiguate(l.g.References) // before any label is used
	// cite/style: number and write out each reference in the site's citation style;
	// bib: warn about one work under two keys.
	style.Apply(l.g)
	l.problems.Append(bib.SameDOI(l.g.References))
}

func (l *linker) redFlags() {
	d := l.c.RedFlags
	if d == nil {
		l.problems.Errorf("content/red-flags.md", 0, 0, "create it: every stretch and routine page links to the warning signs", "the warning-signs page is missing")
		l.g.RedFlags = &guide.Page{Kind: guide.KindRedFlags, Slug: "red-flags", URL: "red-flags/", Title: "Warning signs"}
		return
	}
	fm := d.Front.(*front.RedFlags)
	p := &guide.Page{URL: "red-flags/", Title: fm.Title.V, Summary: fm.Summary.V, Reviewed: guide.Date{Time: fm.Reviewed.V}, Reviewer: fm.Reviewer.V}
	l.addPage(p, d)
	l.g.RedFlags = p
	for _, f := range fm.Flags {
		if !l.newID(d, f.ID, l.flags[f.ID.V] != nil, "warning sign", "cauda-equina") {
			continue
		}
		flag := &guide.Flag{ID: f.ID.V, Title: f.Title.V, Urgency: guide.Urgency(f.Urgency.V), Action: f.Action.V,
			Signs: values(f.Signs), Pos: guide.Pos{Path: d.Display, Line: f.ID.Line, Col: f.ID.Col}}
		l.flags[flag.ID] = flag
		l.g.Flags = append(l.g.Flags, flag)
	}
	sort.SliceStable(l.g.Flags, func(i, j int) bool { return l.g.Flags[i].Urgency.Rank() < l.g.Flags[j].Urgency.Rank() })
}
