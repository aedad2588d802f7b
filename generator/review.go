package generator

import (
	"time"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/front"
	"github.com/stretchguide/stretchguide/generator/guide"
)

// governance reads the site's readability limit and review cycle from the home
// page's front matter fm into s, with their defaults.
func (l *linker) governance(d *document, fm front.Site, s *guide.Site) {
	s.ReadabilityGrade, s.ReviewCycleMonths = defaultReadabilityGrade, defaultReviewCycleMonths
	// The decoder has refused values outside their range (the min and max tags).
	if v := fm.ReadabilityGrade; v.Valid() {
		s.ReadabilityGrade = v.V
	}
	if v := fm.ReviewCycleMonths; v.Valid() {
		s.ReviewCycleMonths = v.V
	}
}

// reviewDates sets each reviewed page's next review date from the site's cycle.
func (l *linker) reviewDates() {
	for _, p := range l.pagesInOrder() {
		if !p.Reviewed.IsZero() {
			p.NextReview = guide.Date{Time: p.Reviewed.AddDate(0, l.g.Site.ReviewCycleMonths, 0)}
		}
	}
}

// reviewWarning is how close to its next review date a page is flagged.
const reviewWarning = 60 * 24 * time.Hour

// reviewProblems reports the pages whose review is due within reviewWarning of today,
// or overdue; overdue pages are errors when strict is set. Only check runs it, since
// a build must not depend on the day it runs.
func reviewProblems(ln *linked, today time.Time, strict bool) diag.List {
	var list diag.List
	today = time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	for p, d := range ln.docs {
		if p.NextReview.IsZero() {
			continue
		}
		line, col := matterValueAt(d, "reviewed")
		due := p.NextReview.Human()
		switch {
		case !today.Before(p.NextReview.Time):
			sev := diag.Warning
			if strict {
				sev = diag.Error
			}
			list.Add(diag.Diagnostic{Path: d.display, Line: line, Col: col, Severity: sev,
				Message: "the page's review is overdue: it was due on " + due,
				Hint:    "have a clinician review the page, then set reviewed to the day they did"})
		case p.NextReview.Sub(today) <= reviewWarning:
			list.Warnf(d.display, line, col, "plan the review; then set reviewed to the day it was done",
				"the page is due for review on %s", due)
		}
	}
	return list
}

// matterValueAt finds where the value of a top-level front-matter field is written.
func matterValueAt(d *document, key string) (line, col int) {
	n := d.matter
	for i := 0; n != nil && i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1].Line, n.Content[i+1].Column
		}
	}
	return 0, 0
}
