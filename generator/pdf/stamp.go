package pdf

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/i18n"
)

// Stamp is the version of routine r's handout in the language of catalog c:
// "Version 3f9a2c1d · reviewed 2026-11-25". The hash is of everything the handout
// prints, so any change to the text changes it; the date is the latest review of
// the routine or its stretches, called "last updated" when one of them names no
// reviewer, and written as numbers, which read the same in every language. The
// printed routine page shows the same stamp.
func Stamp(g *guide.Guide, r *guide.Routine, c *i18n.Catalog) string {
	h := sha256.New()
	for _, s := range printed(g, r, c) {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	v := hex.EncodeToString(h.Sum(nil))[:8]
	date := created(r)
	switch {
	case date.Equal(noDate):
		return c.S("handout.stamp", v)
	case allReviewed(r):
		return c.S("handout.stamp_reviewed", v, date.Format("2006-01-02"))
	}
	return c.S("handout.stamp_updated", v, date.Format("2006-01-02"))
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
func printed(g *guide.Guide, r *guide.Routine, c *i18n.Catalog) []string {
	d := &doc{g: g, r: r, c: c}
	p := []string{g.Site.Title, r.Title, r.Summary, c.Words(r.Total()), d.reviewNote(&r.Page)}
	for _, f := range g.RoutineSigns(r) {
		p = append(p, d.urgency(f.Urgency)+":", f.Title, d.earlySigns(f), d.action(f))
	}
	p = append(p, d.sharpPain(), d.url(g.RedFlags.URL))
	for _, s := range r.Steps {
		p = append(p, fmt.Sprint(s.Number), s.Stretch.Title, d.dose(s.Dose), d.reviewNote(&s.Stretch.Page))
		p = append(p, s.Stretch.Cues...)
		if s.Stretch.Image != nil {
			p = append(p, s.Stretch.Image.Source)
		}
	}
	for _, ref := range r.Citations {
		p = append(p, refText(ref, d.numbered()))
	}
	return append(p, d.url(r.URL), d.reviewedLine(&r.Page))
}

// reviewNote is the notice that no clinician has reviewed a page, on a page that
// names no reviewer, else "".
func (d *doc) reviewNote(p *guide.Page) string {
	if p.ClinicallyReviewed() {
		return ""
	}
	return d.c.S("review.unreviewed")
}

// reviewedLine says who reviewed the routine and when, or that no clinician has,
// with the day it was last updated.
func (d *doc) reviewedLine(p *guide.Page) string {
	c := d.c
	switch {
	case p.ClinicallyReviewed() && !p.Reviewed.IsZero():
		return c.S("handout.last_reviewed", c.Date(p.Reviewed.Time), p.Reviewer)
	case p.ClinicallyReviewed():
		return c.S("review.reviewed_by", p.Reviewer)
	case !p.Reviewed.IsZero():
		return c.S("review.unreviewed") + " " + c.S("review.last_updated") + " " + c.Date(p.Reviewed.Time)
	}
	return c.S("review.unreviewed")
}
