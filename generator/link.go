package generator

import (
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/front"
	"github.com/stretchguide/stretchguide/generator/guide"
)

// linked is the checked guide plus what the render step needs that the model does not
// hold: the parsed body behind each page, and the image files to copy.
type linked struct {
	guide  *guide.Guide
	docs   map[*guide.Page]*document
	images []*guide.Image
	files  fs.FS
}

// dropMatter lets the syntax trees of the front matter go once link has read them.
// Build needs only the decoded values from then on, and in a big guide the trees are a
// large part of the memory it holds; Check keeps them, to point at review dates.
func (ln *linked) dropMatter() {
	for _, d := range ln.docs {
		d.matter = nil
	}
}

// linker carries the indexes built while linking.
type linker struct {
	c        *content
	problems *diag.List
	g        *guide.Guide
	docs     map[*guide.Page]*document
	byPath   map[string]*guide.Page // source path -> page
	areas    map[string]*guide.Area
	flags    map[string]*guide.Flag
	refs     map[string]*guide.Reference
	slugs    map[string]*guide.Stretch
	images   []*guide.Image
	gradeAt  map[gradeUse]front.At // where front matter gives a citation's grade
	order    []*guide.Page         // pagesInOrder, once the guide is sorted
}

// link turns loaded content into one checked guide: every area, flag, reference,
// stretch and link resolved, every problem reported. baseURL, when not empty,
// overrides the base_url of content/_index.md.
func link(c *content, baseURL string, problems *diag.List) *linked {
	l := &linker{c: c, problems: problems, g: &guide.Guide{}, docs: map[*guide.Page]*document{},
		byPath: map[string]*guide.Page{}, areas: map[string]*guide.Area{}, flags: map[string]*guide.Flag{},
		refs: map[string]*guide.Reference{}, slugs: map[string]*guide.Stretch{}, gradeAt: map[gradeUse]front.At{}}
	l.site(baseURL)
	l.references()
	l.redFlags()
	for _, d := range c.stretches {
		l.stretch(d)
	}
	for _, d := range c.routines {
		l.routine(d)
	}
	for _, d := range c.pages {
		l.page(d)
	}
	l.sort()
	l.bodies(l.pagesInOrder())
	l.backlinks()
	l.positions()
	l.readability()
	l.reviewDates()
	l.gradesPage()
	l.todos()
	return &linked{guide: l.g, docs: l.docs, images: l.images, files: c.files}
}

func (l *linker) errorAt(d *document, at front.At, hint, format string, args ...any) {
	l.problems.Errorf(d.display, at.Line, at.Col, hint, format, args...)
}

// addPage registers a page built from document d.
func (l *linker) addPage(p *guide.Page, d *document) {
	p.Kind, p.Slug, p.Source = d.kind, d.slug, d.path
	if d.kind != guide.KindHome && !idRE.MatchString(d.slug) {
		l.problems.Errorf(d.display, 0, 0, "rename the file using lowercase letters, digits and hyphens, like cat-cow.md",
			"the file name %q cannot be used in a web address", d.slug)
	}
	l.docs[p] = d
	l.byPath[d.path] = p
}

var idRE = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

func (l *linker) site(baseURL string) {
	d := l.c.home
	if d == nil {
		l.problems.Errorf("content/_index.md", 0, 0, "create it with a title field: it holds the home page text and the site settings", "the home page file is missing")
		l.g.Site = guide.Site{Title: "Stretching guide", Language: "en", BasePath: "/",
			ReadabilityGrade: defaultReadabilityGrade, ReviewCycleMonths: defaultReviewCycleMonths}
		l.g.Home = &guide.Page{Kind: guide.KindHome, Title: l.g.Site.Title}
		return
	}
	var fm front.Site
	d.decode(&fm, l.problems)
	s := guide.Site{Title: fm.Title.V, Language: fm.Language.V, BaseURL: fm.BaseURL.V, BasePath: "/", Description: fm.Description.V}
	s.CMSRepo = fm.CMSRepo.V // issue 18: the browser editor's repository
	if s.Language == "" {
		s.Language = "en"
	}
	l.governance(d, fm, &s)
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
func (l *linker) newID(d *document, id front.Str, taken bool, what, example string) bool {
	switch {
	case !idRE.MatchString(id.V):
		l.errorAt(d, id.At, "use lowercase letters, digits and hyphens, like "+example, "%s id %q cannot be used in a web address", what, id.V)
	case taken:
		l.errorAt(d, id.At, "give each "+what+" its own id", "%s %q is listed twice", what, id.V)
	default:
		return true
	}
	return false
}

func (l *linker) references() {
	for _, r := range l.c.references {
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
}

func (l *linker) redFlags() {
	d := l.c.redFlags
	if d == nil {
		l.problems.Errorf("content/red-flags.md", 0, 0, "create it: every stretch and routine page links to the warning signs", "the warning-signs page is missing")
		l.g.RedFlags = &guide.Page{Kind: guide.KindRedFlags, Slug: "red-flags", URL: "red-flags/", Title: "Warning signs"}
		return
	}
	var fm front.RedFlags
	d.decode(&fm, l.problems)
	p := &guide.Page{URL: "red-flags/", Title: fm.Title.V, Summary: fm.Summary.V, Reviewed: guide.Date{Time: fm.Reviewed.V}, Reviewer: fm.Reviewer.V}
	l.addPage(p, d)
	l.g.RedFlags = p
	for _, f := range fm.Flags {
		if !l.newID(d, f.ID, l.flags[f.ID.V] != nil, "warning sign", "cauda-equina") {
			continue
		}
		flag := &guide.Flag{ID: f.ID.V, Title: f.Title.V, Urgency: guide.Urgency(f.Urgency.V), Action: f.Action.V,
			Pos: guide.Pos{Path: d.display, Line: f.ID.Line, Col: f.ID.Col}}
		l.flags[flag.ID] = flag
		l.g.Flags = append(l.g.Flags, flag)
	}
	sort.SliceStable(l.g.Flags, func(i, j int) bool { return l.g.Flags[i].Urgency.Rank() < l.g.Flags[j].Urgency.Rank() })
}

func (l *linker) stretch(d *document) {
	var fm front.Stretch
	d.decode(&fm, l.problems)
	s := &guide.Stretch{Page: guide.Page{URL: "stretches/" + d.slug + "/", Title: fm.Title.V, Summary: fm.Summary.V,
		Reviewed: guide.Date{Time: fm.Reviewed.V}, Reviewer: fm.Reviewer.V},
		Position: fm.Position.V, Equipment: values(fm.Equipment), Cues: values(fm.Cues), Cautions: values(fm.Cautions)}
	l.addPage(&s.Page, d)
	l.slugs[d.slug] = s
	l.g.Stretches = append(l.g.Stretches, s)
	for _, a := range fm.Areas {
		area, ok := l.areas[a.V]
		if !ok {
			l.errorAt(d, a.At, diag.DidYouMean(a.V, keys(l.areas), "add it to the areas list in content/_index.md"), "unknown area %q", a.V)
			continue
		}
		s.Areas = append(s.Areas, area)
		area.Stretches = append(area.Stretches, s)
	}
	s.Dose = guide.Dose{Hold: fm.Hold.V, Reps: fm.Reps.V, Sets: 1, Sides: fm.Sides.V == "both"}
	switch {
	case fm.Hold.Set() && fm.Reps.Set():
		l.errorAt(d, fm.Reps.At, "keep hold for a stretch you hold still, or reps for one you repeat", "give either hold or reps, not both")
	case !fm.Hold.Set() && !fm.Reps.Set():
		l.errorAt(d, front.At{Line: d.matter.Line}, "add a line like `hold: 30s` or `reps: 10`", "the stretch needs a hold or a number of reps")
	}
	if fm.Sets.Valid() { // from 1 to 20: the decoder refuses the rest
		s.Dose.Sets = fm.Sets.V
	}
	for _, f := range fm.RedFlags {
		if flag, ok := l.flags[f.V]; ok {
			s.Flags = append(s.Flags, flag)
		} else {
			l.errorAt(d, f.At, diag.DidYouMean(f.V, keys(l.flags), "use an id from the flags list in content/red-flags.md"), "unknown warning sign %q", f.V)
		}
	}
	l.citations(&s.Page, d, fm.Citations)
	if fm.Image.Set() {
		s.Image = l.image(d, fm.Image, fm.ImageAlt)
	}
}

// image checks a picture beside a page: it must be inside content/, exist, be a
// safe picture (picture.go), and be described in words.
func (l *linker) image(d *document, file, alt front.Str) *guide.Image {
	src := path.Join(path.Dir(d.path), file.V)
	if path.IsAbs(file.V) || strings.HasPrefix(src, "../") || src == ".." {
		l.errorAt(d, file.At, "put the picture in the same folder as the page and give just its file name", "the image %q is outside the content folder", file.V)
		return nil
	}
	if !l.picture(d, file, src) {
		return nil
	}
	if alt.V == "" {
		l.errorAt(d, file.At, "add a line like `image_alt: Lying on your back with both knees bent`", "the image needs a description in image_alt for people who cannot see it")
	}
	img := &guide.Image{Source: src, URL: "stretches/" + d.slug + "/" + path.Base(src), Alt: alt.V}
	l.images = append(l.images, img)
	return img
}

func (l *linker) routine(d *document) {
	var fm front.Routine
	d.decode(&fm, l.problems)
	r := &guide.Routine{Page: guide.Page{URL: "routines/" + d.slug + "/", Title: fm.Title.V, Summary: fm.Summary.V,
		Reviewed: guide.Date{Time: fm.Reviewed.V}, Reviewer: fm.Reviewer.V}, When: fm.When.V}
	l.addPage(&r.Page, d)
	l.g.Routines = append(l.g.Routines, r)
	for i, st := range fm.Steps {
		s, ok := l.slugs[st.Stretch.V]
		if !ok {
			l.errorAt(d, st.Stretch.At, diag.DidYouMean(st.Stretch.V, keys(l.slugs), "use the file name of a stretch in content/stretches, without .md"), "unknown stretch %q", st.Stretch.V)
			continue
		}
		dose := s.Dose
		if st.Hold.Set() && st.Reps.Set() {
			l.errorAt(d, st.Reps.At, "", "a step gives either hold or reps, not both")
		}
		if st.Hold.Set() {
			dose.Hold, dose.Reps = st.Hold.V, 0
		}
		if st.Reps.Set() {
			dose.Hold, dose.Reps = 0, st.Reps.V
		}
		if st.Sets.Valid() {
			dose.Sets = st.Sets.V
		}
		r.Steps = append(r.Steps, &guide.Step{Number: i + 1, Stretch: s, Dose: dose})
		if len(s.UsedIn) == 0 || s.UsedIn[len(s.UsedIn)-1] != r {
			s.UsedIn = append(s.UsedIn, r)
		}
	}
	l.citations(&r.Page, d, fm.Citations)
}

// reservedSlugs are top-level folders the build writes itself.
var reservedSlugs = map[string]bool{"stretches": true, "routines": true, "areas": true, "red-flags": true, "bibliography": true, "assets": true, "schema": true, "positions": true}

func (l *linker) page(d *document) {
	var fm front.Page
	d.decode(&fm, l.problems)
	if reservedSlugs[d.slug] {
		l.problems.Errorf(d.display, 0, 0, "rename the file", "the name %q is used by the site itself", d.slug)
	}
	p := &guide.Page{URL: d.slug + "/", Title: fm.Title.V, Summary: fm.Summary.V, Reviewed: guide.Date{Time: fm.Reviewed.V}, Reviewer: fm.Reviewer.V}
	l.addPage(p, d)
	l.g.Pages = append(l.g.Pages, p)
	l.citations(p, d, fm.Citations)
}

// citations resolves the reference keys of a page's front matter into p.Citations,
// and the evidence grades given with them into p.Grades.
func (l *linker) citations(p *guide.Page, d *document, cs []front.Citation) {
	var refs []*guide.Reference
	for _, c := range cs {
		r := l.ref(d, c.Key.V, c.Key.At)
		if r == nil {
			continue
		}
		refs = append(refs, r)
		if g := guide.Grade(c.Grade.V); g.Valid() { // the decoder reported any other word
			if p.Grades == nil {
				p.Grades = map[string]guide.Grade{}
			}
			p.Grades[r.Key] = g
			l.gradeAt[gradeUse{p, r.Key}] = c.Grade.At
		}
	}
	p.Citations = appendNew(p.Citations, refs)
}

func (l *linker) ref(d *document, key string, at front.At) *guide.Reference {
	r, ok := l.refs[key]
	if !ok {
		l.errorAt(d, at, diag.DidYouMean(key, keys(l.refs), "add the reference to a file in content/references/"), "unknown reference %q", key)
	}
	return r
}

// backlinks fills each reference's CitedBy in the site's page order.
func (l *linker) backlinks() {
	for _, p := range l.pagesInOrder() {
		for _, r := range p.Citations {
			r.CitedBy = append(r.CitedBy, p)
		}
	}
	for _, r := range l.g.References {
		if len(r.CitedBy) == 0 {
			l.problems.Warnf(r.Pos.Path, r.Pos.Line, r.Pos.Col, "cite it from a page, or remove it", "reference %q is not cited by any page", r.Key)
		}
	}
	relate(l.g.Stretches)
}

// pagesInOrder lists every page written from a Markdown file, in the order pages are
// listed on the site. The guide must be sorted (link sorts it first); the list is
// made once.
func (l *linker) pagesInOrder() []*guide.Page {
	if l.order != nil {
		return l.order
	}
	var ps []*guide.Page
	if l.docs[l.g.Home] != nil {
		ps = append(ps, l.g.Home)
	}
	for _, s := range l.g.Stretches {
		ps = append(ps, &s.Page)
	}
	for _, r := range l.g.Routines {
		ps = append(ps, &r.Page)
	}
	if l.docs[l.g.RedFlags] != nil {
		ps = append(ps, l.g.RedFlags)
	}
	l.order = append(ps, l.g.Pages...)
	return l.order
}

// sort puts the guide's lists in the order the site shows them.
func (l *linker) sort() {
	sortByTitle(l.g.Stretches, func(s *guide.Stretch) *guide.Page { return &s.Page })
	sortByTitle(l.g.Routines, func(r *guide.Routine) *guide.Page { return &r.Page })
	sortByTitle(l.g.Pages, func(p *guide.Page) *guide.Page { return p })
	sort.SliceStable(l.g.Areas, func(i, j int) bool { return strings.ToLower(l.g.Areas[i].Title) < strings.ToLower(l.g.Areas[j].Title) })
	// Each area's stretches, by title: the sorted stretches dealt out to their areas.
	for _, a := range l.g.Areas {
		a.Stretches = a.Stretches[:0]
	}
	for _, s := range l.g.Stretches {
		for _, a := range s.Areas {
			a.Stretches = append(a.Stretches, s)
		}
	}
	l.order = nil
}

// sortByTitle sorts pages by title, ignoring case, then by address (as byTitle),
// lowering each title once rather than at every comparison.
func sortByTitle[T any](xs []T, page func(T) *guide.Page) {
	type keyed struct {
		title, url string
		v          T
	}
	ks := make([]keyed, len(xs))
	for i, x := range xs {
		p := page(x)
		ks[i] = keyed{strings.ToLower(p.Title), p.URL, x}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		if c := strings.Compare(a.title, b.title); c != 0 {
			return c
		}
		return strings.Compare(a.url, b.url)
	})
	for i := range ks {
		xs[i] = ks[i].v
	}
}

// disambiguate gives works that would share an author-year label the letters a, b,
// c... after the year, in bibliography order, as author-year styles do.
func disambiguate(refs []*guide.Reference) {
	same := map[string][]*guide.Reference{}
	for _, r := range refs {
		if r.Year > 0 {
			same[r.Label()] = append(same[r.Label()], r)
		}
	}
	for _, group := range same {
		if len(group) > 1 {
			for i, r := range group {
				r.YearSuffix = string(rune('a' + i%26))
			}
		}
	}
}

func byTitle(a, b *guide.Page) bool {
	ta, tb := strings.ToLower(a.Title), strings.ToLower(b.Title)
	if ta != tb {
		return ta < tb
	}
	return a.URL < b.URL
}

// appendNew appends to refs, in order, each of more that it does not hold yet.
func appendNew(refs, more []*guide.Reference) []*guide.Reference {
	if len(more) == 0 {
		return refs
	}
	if len(more) == 1 && len(refs) < 16 { // the usual case, with no map to make
		if slices.Contains(refs, more[0]) {
			return refs
		}
		return append(refs, more[0])
	}
	seen := make(map[*guide.Reference]bool, len(refs)+len(more))
	for _, r := range refs {
		seen[r] = true
	}
	for _, r := range more {
		if !seen[r] {
			seen[r] = true
			refs = append(refs, r)
		}
	}
	return refs
}

func values(ss []front.Str) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		out = append(out, s.V)
	}
	return out
}

func keys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

var _ = fmt.Sprintf
