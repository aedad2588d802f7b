package check

import (
	"time"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/link"
)

// reviewWarning is how close to its next review date a page is flagged.
const reviewWarning = 60 * 24 * time.Hour

// Reviews reports the pages whose review is due within reviewWarning of today,
// or overdue; overdue pages are errors when strict is set. Only check runs it, since
// a build must not depend on the day it runs.
func Reviews(ln *link.Linked, today time.Time, strict bool) diag.List {
	var list diag.List
	today = time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	for p, d := range ln.Docs {
		if p.NextReview.IsZero() {
			continue
		}
		line, col := d.MatterValueAt("reviewed")
		due := p.NextReview.Human()
		switch {
		case !today.Before(p.NextReview.Time):
			sev := diag.Warning
			if strict {
				sev = diag.Error
			}
			list.Add(diag.Diagnostic{Path: d.Display, Line: line, Col: col, Severity: sev,
				Message: "the page's review is overdue: it was due on " + due,
				Hint:    "have a clinician review the page, then set reviewed to the day they did"})
		case p.NextReview.Sub(today) <= reviewWarning:
			list.Warnf(d.Display, line, col, "plan the review; then set reviewed to the day it was done",
				"the page is due for review on %s", due)
		}
	}
	return list
}
