package pdf

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/stretchguide/stretchguide/generator/guide"
)

// Unreviewed is the notice on a page, or a step of a handout, that names no
// clinician as its reviewer.
const Unreviewed = "Not yet reviewed by a clinician."

// Stamp is the version of routine r's handout: "Version 3f9a2c1d · reviewed
// 2026-11-25". The hash is of everything the handout prints, so any change to the
// text changes it; the date is the latest review of the routine or its stretches,
// called "last updated" when one of them names no reviewer. The printed routine page
// shows the same stamp.
func Stamp(g *guide.Guide, r *guide.Routine) string {
	h := sha256.New()
	for _, s := range printed(g, r) {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	v := "Version " + hex.EncodeToString(h.Sum(nil))[:8]
	if date := created(r); !date.Equal(noDate) {
		word := "reviewed"
		if !allReviewed(r) {
			word = "last updated"
		}
		v += " · " + word + " " + date.Format("2006-01-02")
	}
	return v
}

// allReviewed reports whether the routine and each of its stretches name a reviewer.
func allReviewed(r *guide.Routine) bool {
	if !r.ClinicallyReviewed() {
		return false
	}
	for _, s := range r.Steps {
		if !s.Stretch.ClinicallyReviewed() {
			return false
		}
	}
	return true
}

// printed lists every piece of text the handout of r prints, in order, for Stamp.
func printed(g *guide.Guide, r *guide.Routine) []string {
	d := &doc{g: g, r: r}
	p := []string{g.Site.Title, r.Title, r.Summary, guide.Words(r.Total()), reviewNote(&r.Page)}
	for _, f := range g.RoutineSigns(r) {
		p = append(p, f.Urgency.Label()+":", f.Title, earlySigns(f), action(g.Site, f))
	}
	p = append(p, SharpPain, d.url(g.RedFlags.URL))
	for _, s := range r.Steps {
		p = append(p, fmt.Sprint(s.Number), s.Stretch.Title, s.Dose.String(), reviewNote(&s.Stretch.Page))
		p = append(p, s.Stretch.Cues...)
		if s.Stretch.Image != nil {
			p = append(p, s.Stretch.Image.Source)
		}
	}
	for _, ref := range r.Citations {
		p = append(p, refText(ref))
	}
	return append(p, d.url(r.URL), reviewedLine(&r.Page))
}

// reviewNote is Unreviewed for a page that names no reviewer, else "".
func reviewNote(p *guide.Page) string {
	if p.ClinicallyReviewed() {
		return ""
	}
	return Unreviewed
}

// reviewedLine says who reviewed the routine and when, or that no clinician has,
// with the day it was last updated.
func reviewedLine(p *guide.Page) string {
	switch {
	case p.ClinicallyReviewed() && !p.Reviewed.IsZero():
		return "Last reviewed: " + p.Reviewed.Human() + " by " + p.Reviewer
	case p.ClinicallyReviewed():
		return "Reviewed by " + p.Reviewer
	case !p.Reviewed.IsZero():
		return Unreviewed + " Last updated: " + p.Reviewed.Human()
	}
	return Unreviewed
}
