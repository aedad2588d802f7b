package link

import (
	"github.com/stretchguide/stretchguide/generator/guide"
)

// gradesSlug is the free page that explains the evidence grades; grade badges link
// to its sections, whose ids are the grades (## High, ## Very low, ...).
const gradesSlug = "evidence-grades"

// gradeUse is a page's citation of a reference, for finding where its grade is given.
type gradeUse struct {
	page *guide.Page
	key  string
}

// gradesPage finds the page explaining evidence grades, and warns at the first use of
// a grade it does not explain (or of any grade, when there is no such page).
func (l *linker) gradesPage() {
	for _, p := range l.g.Pages {
		if p.Slug == gradesSlug {
			l.g.GradesPage = p
		}
	}
	reported := map[guide.Grade]bool{}
	for _, p := range l.pagesInOrder() {
		for _, r := range p.Citations {
			g := p.GradeOf(r)
			if g == "" || reported[g] || (l.g.GradesPage != nil && l.hasAnchor(l.g.GradesPage, string(g))) {
				continue
			}
			path, line, col := r.Pos.Path, r.Pos.Line, r.Pos.Col
			if at, own := l.gradeAt[gradeUse{p, r.Key}]; own {
				path, line, col = l.docs[p].Display, at.Line, at.Col
			}
			if l.g.GradesPage == nil {
				l.problems.Warnf(path, line, col, "add content/pages/evidence-grades.md with a section for each grade: ## High, ## Moderate, ## Low and ## Very low",
					"evidence grades are used, but no page explains them to readers")
				return
			}
			reported[g] = true
			l.problems.Warnf(path, line, col, "add a section \"## "+headingOf(g)+"\" to "+l.docs[l.g.GradesPage].Display,
				"the evidence-grades page does not explain the grade %q", string(g))
		}
	}
}

// headingOf is the heading whose automatic id is the grade: "Very low" for very-low.
func headingOf(g guide.Grade) string {
	if g == guide.VeryLow {
		return "Very low"
	}
	s := string(g)
	return string(s[0]-'a'+'A') + s[1:]
}
