package check

import (
	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/front"
	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/link"
	"github.com/stretchguide/stretchguide/generator/load"
)

// gradesExplained warns at the first use of each evidence grade the evidence-grades
// page does not explain (link found the page: guide.GradesPage), or at the first use
// of any grade when there is no such page. Grade badges link to the page's sections,
// whose ids are the grades (## High, ## Very low, ...).
func gradesExplained(ln *link.Linked) diag.List {
	var list diag.List
	page := ln.Guide.GradesPage
	reported := map[guide.Grade]bool{}
	for _, p := range ln.Order {
		for _, r := range p.Citations {
			g := p.GradeOf(r)
			if g == "" || reported[g] || (page != nil && ln.HasAnchor(page, string(g))) {
				continue
			}
			path, line, col := r.Pos.Path, r.Pos.Line, r.Pos.Col
			if at, own := gradeAt(ln.Docs[p], r.Key); own {
				path, line, col = ln.Docs[p].Display, at.Line, at.Col
			}
			if page == nil {
				list.Warnf(path, line, col, "add content/pages/evidence-grades.md with a section for each grade: ## High, ## Moderate, ## Low and ## Very low",
					"evidence grades are used, but no page explains them to readers")
				return list
			}
			reported[g] = true
			list.Warnf(path, line, col, "add a section \"## "+headingOf(g)+"\" to "+ln.Docs[page].Display,
				"the evidence-grades page does not explain the grade %q", string(g))
		}
	}
	return list
}

// gradeAt finds where the front matter of d gives its own grade to the reference
// key; the last such place when it gives it twice, as link keeps the last grade.
func gradeAt(d *load.Document, key string) (at front.At, own bool) {
	var cs []front.Citation
	switch fm := d.Front.(type) {
	case *front.Stretch:
		cs = fm.Citations
	case *front.Routine:
		cs = fm.Citations
	case *front.Page:
		cs = fm.Citations
	}
	for _, c := range cs {
		if c.Key.V == key && guide.Grade(c.Grade.V).Valid() {
			at, own = c.Grade.At, true
		}
	}
	return at, own
}

// headingOf is the heading whose automatic id is the grade: "Very low" for very-low.
func headingOf(g guide.Grade) string {
	if g == guide.VeryLow {
		return "Very low"
	}
	s := string(g)
	return string(s[0]-'a'+'A') + s[1:]
}
