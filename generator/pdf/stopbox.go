package pdf

import (
	"strings"

	"github.com/stretchguide/stretchguide/generator/guide"
)

// signLines is one warning sign laid out for the stop box.
type signLines struct {
	flag          *guide.Flag
	labelW        float64
	title, detail []string
}

// action is what to do about a sign, with the number to call for an emergency.
func (d *doc) action(f *guide.Flag) string {
	if f.Urgency != guide.Emergency {
		return f.Action
	}
	call := d.c.S("signs.call_local")
	if n := d.g.Site.EmergencyNumber; n != "" {
		call = d.c.S("signs.call", n) + "."
	}
	return strings.TrimSpace(f.Action + " " + call)
}

// earlySigns is a sign's early signs in one line, or "" when it lists none.
func (d *doc) earlySigns(f *guide.Flag) string {
	if len(f.Signs) == 0 {
		return ""
	}
	return d.c.S("signs.early") + " " + strings.Join(f.Signs, "; ") + "."
}

// urgency names how urgent a sign is, as the warning-signs page does.
func (d *doc) urgency(u guide.Urgency) string {
	if u != guide.Emergency && u != guide.Urgent {
		u = guide.Soon
	}
	return d.c.S("urgency." + string(u))
}

// sharpPain is the closing line of the "Stop and get help" box.
func (d *doc) sharpPain() string {
	return d.c.S("signs.sharp_pain") + " " + d.c.S("signs.gentle")
}

// stopBox draws the boxed warning signs that apply to the routine, emergencies
// first, each with what to do, and the line about sharp pain. Each sign's title
// reads as one line of text, "Emergency: Loss of ...", so text extraction and
// screen readers keep the urgency with its sign.
func (d *doc) stopBox() {
	const pad, bar = 3.0, 2.0
	inner := contentW - bar - 2*pad
	signs := d.g.RoutineSigns(d.r)
	lines := make([]signLines, len(signs))
	h := pad + lineH(12) + 0.3
	for i, fl := range signs {
		l := signLines{flag: fl}
		d.font("B", 10, colText)
		l.labelW = d.f.StringWidth(d.urgency(fl.Urgency)+":") + 1.5
		d.font("B", 10, colText)
		l.title = d.wrap(fl.Title, inner-l.labelW)
		d.font("", 8.5, colText)
		l.detail = d.wrap(d.earlySigns(fl), inner)
		l.detail = append(l.detail, d.wrap(d.action(fl), inner)...)
		h += float64(len(l.title))*lineH(10) + float64(len(l.detail))*lineH(8.5) + 0.6
		lines[i] = l
	}
	d.font("B", 10, colText)
	pain := d.wrap(d.sharpPain(), inner)
	d.font("", 8.5, colText)
	more := d.wrap(d.c.S("handout.all_signs", d.url(d.g.RedFlags.URL)), inner)
	h += 0.5 + float64(len(pain))*lineH(10) + float64(len(more))*lineH(8.5) + pad
	d.fits(h)

	f := d.f
	f.SetFillColor(colWarnBg.r, colWarnBg.g, colWarnBg.b)
	f.SetDrawColor(colWarn.r, colWarn.g, colWarn.b)
	f.SetLineWidth(0.5)
	f.Rect(marginX, d.y, contentW, h, "FD")
	f.SetFillColor(colEmergency.r, colEmergency.g, colEmergency.b)
	f.Rect(marginX, d.y, bar, h, "F")
	x := marginX + bar + pad
	d.font("B", 12, colText)
	y := d.text(x, d.y+pad, lineH(12), []string{d.c.S("signs.title")}) + 0.3
	for _, l := range lines {
		d.font("B", 10, urgencyColour(l.flag.Urgency))
		d.text(x, y, lineH(10), []string{d.urgency(l.flag.Urgency) + ":"})
		d.font("B", 10, colText)
		y = d.text(x+l.labelW, y, lineH(10), l.title)
		d.font("", 8.5, colText)
		y = d.text(x, y, lineH(8.5), l.detail) + 0.6
	}
	d.font("B", 10, colText)
	y = d.text(x, y+0.5, lineH(10), pain)
	d.font("", 8.5, colText)
	d.text(x, y, lineH(8.5), more)
	d.y += h + 3.5
}
