package check

import (
	"slices"
	"strings"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/link"
)

// reviewedKinds are the pages whose advice a clinician must check: each names its
// reviewer, or says on the page that no clinician has reviewed it yet.
var reviewedKinds = []guide.Kind{guide.KindStretch, guide.KindRoutine, guide.KindRedFlags}

// Reviewers reports the clinical pages that name no reviewer (errors when
// strict is set), and reviewers written without their role. Only check runs it.
func Reviewers(ln *link.Linked, strict bool) diag.List {
	var list diag.List
	for p, d := range ln.Docs {
		if !slices.Contains(reviewedKinds, p.Kind) {
			continue
		}
		line, col := d.MatterValueAt("reviewer")
		switch {
		case !p.ClinicallyReviewed():
			if line == 0 {
				line = d.MatterLine
			}
			sev := diag.Warning
			if strict {
				sev = diag.Error
			}
			list.Add(diag.Diagnostic{Path: d.Display, Line: line, Col: col, Severity: sev,
				Message: "no clinician has reviewed the page: it shows \"Not yet reviewed by a clinician\"",
				Hint:    "add reviewer: Name, role once a clinician has checked this page"})
		case !strings.Contains(p.Reviewer, ","):
			list.Warnf(d.Display, line, col, `write the person and their role, such as "A. Name, physiotherapist"`,
				"reviewer should name a person and their role")
		}
	}
	return list
}

// Grades reports the studies and guidelines (every reference that is not a
// web article) that give no evidence grade, or no reason for it. Only check runs it.
func Grades(g *guide.Guide) diag.List {
	var list diag.List
	const hint = "give grade and grade_reason: how sure the evidence is (high, moderate, low or very-low) and why, in one line"
	for _, r := range g.References {
		switch {
		case r.Web():
		case r.Grade == "":
			list.Warnf(r.Pos.Path, r.Pos.Line, r.Pos.Col, hint, "reference %q has no evidence grade", r.Key)
		case strings.TrimSpace(r.GradeReason) == "":
			list.Warnf(r.Pos.Path, r.Pos.Line, r.Pos.Col, hint, "reference %q gives no reason for its grade", r.Key)
		}
	}
	return list
}
