package guide

import (
	"slices"
	"strings"
)

// Emergencies are the warning signs whose urgency is emergency, in file order. Every
// stretch page, routine page and handout shows them, whatever signs it names.
func (g *Guide) Emergencies() []*Flag {
	var fs []*Flag
	for _, f := range g.Flags {
		if f.Urgency == Emergency {
			fs = append(fs, f)
		}
	}
	return fs
}

// SignsFor is the warning box of a page whose own signs are own: every emergency
// first, then the other signs of own, most pressing first, each once.
func (g *Guide) SignsFor(own []*Flag) []*Flag {
	fs := g.Emergencies()
	rest := slices.Clone(own)
	slices.SortStableFunc(rest, func(a, b *Flag) int { return a.Urgency.Rank() - b.Urgency.Rank() })
	for _, f := range rest {
		if !slices.Contains(fs, f) {
			fs = append(fs, f)
		}
	}
	return fs
}

// Flags are the warning signs the routine's stretches name, in step order, each once.
func (r *Routine) Flags() []*Flag {
	var fs []*Flag
	for _, s := range r.Steps {
		for _, f := range s.Stretch.Flags {
			if !slices.Contains(fs, f) {
				fs = append(fs, f)
			}
		}
	}
	return fs
}

// RoutineSigns is the routine's warning box: the emergencies, then its stretches' signs.
func (g *Guide) RoutineSigns(r *Routine) []*Flag { return g.SignsFor(r.Flags()) }

// StretchSigns is the stretch's warning box: the emergencies, then its own signs.
func (g *Guide) StretchSigns(s *Stretch) []*Flag { return g.SignsFor(s.Flags) }

// Tel is the site's emergency number as a tel: address ("tel:+4420..."), or "" when
// the site has none.
func (s Site) Tel() string {
	if s.EmergencyNumber == "" {
		return ""
	}
	return "tel:" + strings.ReplaceAll(s.EmergencyNumber, " ", "")
}

// CallText is what an emergency action tells the reader to call: "Call 999." or,
// without a number, "Call your local emergency number."
func (s Site) CallText() string {
	if s.EmergencyNumber == "" {
		return "Call your local emergency number."
	}
	return "Call " + s.EmergencyNumber + "."
}

// CallLabel is the words of the link that calls the emergency number, "Call 999",
// with no-break spaces so that the number never wraps.
func (s Site) CallLabel() string {
	return strings.ReplaceAll("Call "+s.EmergencyNumber, " ", "\u00a0")
}

// ClinicallyReviewed reports whether a clinician is named as the page's reviewer.
func (p *Page) ClinicallyReviewed() bool { return strings.TrimSpace(p.Reviewer) != "" }

// WebTypes are the CSL types of web articles: these are not graded as evidence.
var WebTypes = []string{"webpage", "post-weblog", "post"}

// Web reports whether the reference is a web article rather than a study or a
// guideline.
func (r *Reference) Web() bool { return slices.Contains(WebTypes, r.Type) }

// GradeReasonOf is why the page's grade of r was given: the reference's own reason,
// when the page keeps the reference's grade; else "".
func (p *Page) GradeReasonOf(r *Reference) string {
	if p.GradeOf(r) != r.Grade {
		return ""
	}
	return r.GradeReason
}
