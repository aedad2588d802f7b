package generator

import (
	"html/template"
	"regexp"
	"slices"
	"strings"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/front"
	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/pdf"
)

// phoneRE matches an emergency number as authors write it: digits, an optional
// leading +, and spaces between groups.
var phoneRE = regexp.MustCompile(`^\+?[0-9][0-9 ]*$`)

// emergencyNumber reads the site's emergency_number into s.
func (l *linker) emergencyNumber(d *document, v front.Str, s *guide.Site) {
	n := strings.TrimSpace(v.V)
	if n == "" {
		return
	}
	if !phoneRE.MatchString(n) {
		l.errorAt(d, v.At, "write only the number people dial, such as 999 or 911, or leave it out to say \"your local emergency number\"",
			"emergency_number %q is not a phone number", n)
		return
	}
	s.EmergencyNumber = n
}

// clinicalFuncs are the template functions of the safety and evidence partials.
var clinicalFuncs = template.FuncMap{
	"sign":   func(v view, f *guide.Flag) part { return part{View: v, Flag: f} },
	"graded": func(v view, r *guide.Reference) part { return part{View: v, Ref: r} },
	// tel is the tel: address of the site's emergency number, or "" without one;
	// link reads only digits, + and spaces into it, so the address is safe.
	"tel": func(s guide.Site) template.URL { return template.URL(s.Tel()) },
}

// Signs are the warning signs of the page's "Stop and get help" box: every
// emergency, then the stretch's own signs or those of the routine's stretches.
func (v view) Signs() []*guide.Flag {
	switch {
	case v.Stretch != nil:
		return v.Guide.StretchSigns(v.Stretch)
	case v.Routine != nil:
		return v.Guide.RoutineSigns(v.Routine)
	}
	return v.Guide.Emergencies()
}

// Stamp is the version of a routine's handout, which its printed page shows too;
// "" on other pages.
func (v view) Stamp() string {
	if v.Routine == nil {
		return ""
	}
	return pdf.Stamp(v.Guide, v.Routine)
}

// reviewedKinds are the pages whose advice a clinician must check: each names its
// reviewer, or says on the page that no clinician has reviewed it yet.
var reviewedKinds = []guide.Kind{guide.KindStretch, guide.KindRoutine, guide.KindRedFlags}

// reviewerProblems reports the clinical pages that name no reviewer (errors when
// strict is set), and reviewers written without their role. Only check runs it.
func reviewerProblems(ln *linked, strict bool) diag.List {
	var list diag.List
	for p, d := range ln.docs {
		if !slices.Contains(reviewedKinds, p.Kind) {
			continue
		}
		line, col := matterValueAt(d, "reviewer")
		switch {
		case !p.ClinicallyReviewed():
			if line == 0 && d.matter != nil {
				line = d.matter.Line
			}
			sev := diag.Warning
			if strict {
				sev = diag.Error
			}
			list.Add(diag.Diagnostic{Path: d.display, Line: line, Col: col, Severity: sev,
				Message: "no clinician has reviewed the page: it shows \"Not yet reviewed by a clinician\"",
				Hint:    "add reviewer: Name, role once a clinician has checked this page"})
		case !strings.Contains(p.Reviewer, ","):
			list.Warnf(d.display, line, col, `write the person and their role, such as "A. Name, physiotherapist"`,
				"reviewer should name a person and their role")
		}
	}
	return list
}

// gradeProblems reports the studies and guidelines (every reference that is not a
// web article) that give no evidence grade, or no reason for it. Only check runs it.
func gradeProblems(g *guide.Guide) diag.List {
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
