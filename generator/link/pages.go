package link

import (
	"fmt"
	"path"
	"strings"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/front"
	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/load"
)

func (l *linker) stretch(d *load.Document) {
	fm := d.Front.(*front.Stretch)
	s := &guide.Stretch{Page: guide.Page{URL: "stretches/" + d.Slug + "/", Title: fm.Title.V, Summary: fm.Summary.V,
		Reviewed: guide.Date{Time: fm.Reviewed.V}, Reviewer: fm.Reviewer.V, AlsoKnownAs: values(fm.AlsoKnownAs)},
		Position: fm.Position.V, Equipment: values(fm.Equipment), Cues: values(fm.Cues), Cautions: values(fm.Cautions)}
	l.addPage(&s.Page, d)
	l.slugs[d.Slug] = s
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
		l.errorAt(d, front.At{Line: d.MatterLine}, "add a line like `hold: 30s` or `reps: 10`", "the stretch needs a hold or a number of reps")
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
	s.Images = l.pictures(d, fm) // pictures.go
	if len(s.Images) > 0 {
		s.Image = s.Images[0]
	}
}

// image checks a picture beside a page: it must be inside content/, exist, be a
// safe picture (picture.go), and be described in words.
func (l *linker) image(d *load.Document, file, alt front.Str) *guide.Image {
	src := path.Join(path.Dir(d.Path), file.V)
	if path.IsAbs(file.V) || strings.HasPrefix(src, "../") || src == ".." {
		l.errorAt(d, file.At, "put the picture in the same folder as the page and give just its file name", "the image %q is outside the content folder", file.V)
		return nil
	}
	pf := load.Picture(l.c, d, file, src, l.problems)
	if pf == nil {
		return nil
	}
	if alt.V == "" {
		l.errorAt(d, file.At, "add a line like `image_alt: Lying on your back with both knees bent`", "the image needs a description in image_alt for people who cannot see it")
	}
	img := &guide.Image{Source: src, URL: "stretches/" + d.Slug + "/" + path.Base(src), Alt: alt.V}
	l.images = append(l.images, img)
	sizePicture(img, pf)
	return img
}

func (l *linker) routine(d *load.Document) {
	fm := d.Front.(*front.Routine)
	r := &guide.Routine{Page: guide.Page{URL: "routines/" + d.Slug + "/", Title: fm.Title.V, Summary: fm.Summary.V,
		Reviewed: guide.Date{Time: fm.Reviewed.V}, Reviewer: fm.Reviewer.V, AlsoKnownAs: values(fm.AlsoKnownAs)}, When: fm.When.V}
	l.addPage(&r.Page, d)
	l.g.Routines = append(l.g.Routines, r)
	for i, st := range fm.Steps {
		s, ok := l.slugs[st.Stretch.V]
		if !ok {
			l.unknownStep(d, st.Stretch)
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

func (l *linker) page(d *load.Document) {
	fm := d.Front.(*front.Page)
	if reservedSlugs[d.Slug] {
		l.problems.Errorf(d.Display, 0, 0, "rename the file", "the name %q is used by the site itself", d.Slug)
	}
	p := &guide.Page{URL: d.Slug + "/", Title: fm.Title.V, Summary: fm.Summary.V, Reviewed: guide.Date{Time: fm.Reviewed.V}, Reviewer: fm.Reviewer.V,
		AlsoKnownAs: values(fm.AlsoKnownAs), ForAuthors: fm.Audience.V == "authors"}
	l.addPage(p, d)
	l.g.Pages = append(l.g.Pages, p)
	l.citations(p, d, fm.Citations)
}

// citations resolves the reference keys of a page's front matter into p.Citations,
// and the evidence grades given with them into p.Grades.
func (l *linker) citations(p *guide.Page, d *load.Document, cs []front.Citation) {
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
		}
	}
	p.Citations = appendNew(p.Citations, refs)
}

func (l *linker) ref(d *load.Document, key string, at front.At) *guide.Reference {
	r, ok := l.refs[key]
	if !ok {
		l.errorAt(d, at, diag.DidYouMean(key, keys(l.refs), "add the reference to a file in content/references/"), "unknown reference %q", key)
	}
	return r
}

// gradesSlug is the free page that explains the evidence grades; grade badges link
// to its sections, whose ids are the grades (## High, ## Very low, ...). Package
// check warns of grades it does not explain.
const gradesSlug = "evidence-grades"

// gradesPage finds the page explaining evidence grades.
func (l *linker) gradesPage() {
	for _, p := range l.g.Pages {
		if p.Slug == gradesSlug {
			l.g.GradesPage = p
		}
	}
}

// unknownStep reports a routine's step that names no stretch of this guide. In a
// guide in another language, a stretch that exists only in the default language is
// named as untranslated, at the translation's steps, or at its first line when it
// takes its steps from the original (whose lines the step's position counts).
func (l *linker) unknownStep(d *load.Document, name front.Str) {
	if _, ok := l.c.Elsewhere["stretches/"+name.V+".md"]; !ok {
		l.errorAt(d, name.At, diag.DidYouMean(name.V, keys(l.slugs), "use the file name of a stretch in content/stretches, without .md"), "unknown stretch %q", name.V)
		return
	}
	at, lang := name.At, l.g.Site.Language
	if line, _ := d.MatterValueAt("steps"); line == 0 {
		at = front.At{Line: 1, Col: 1}
	}
	l.errorAt(d, at, fmt.Sprintf("translate it too: add content/stretches/%s.%s.md", name.V, lang),
		"the stretch %q has no translation into %s, so this routine cannot be published in %s", name.V, lang, lang)
}
