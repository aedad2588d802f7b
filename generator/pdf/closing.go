package pdf

import (
	"github.com/stretchguide/stretchguide/generator/qrcode"
)

// closing draws the last block, kept together: the note that this is general
// information, the routine's address with its QR code, and the review date.
func (d *doc) closing() error {
	const qrSide = 26.0
	u := d.url(d.r.URL)
	var code *qrcode.Code
	if d.g.Site.BaseURL != "" {
		var err error
		if code, err = qrcode.Encode(u); err != nil {
			return err
		}
	}
	tx, tw := marginX, contentW
	if code != nil {
		tx, tw = marginX+qrSide+4, contentW-qrSide-4
	}
	note := d.c.S("handout.note")
	d.font("I", 9, colMuted)
	noteLines := d.wrap(note, tw)
	d.font("", 10, colAccent)
	urlLines := d.wrap(u, tw)
	reviewed := d.reviewedLine(&d.r.Page)
	d.font("", 9, colMuted)
	revLines := d.wrap(reviewed, tw)
	h := float64(len(noteLines))*lineH(9) + 2 + lineH(10) + float64(len(urlLines))*lineH(10) + 2 + float64(len(revLines))*lineH(9)
	if code != nil {
		h = max(h, qrSide)
	}
	d.fits(h + 3)
	d.rule(d.y)
	d.y += 3
	top := d.y
	if code != nil {
		d.qr(code, marginX, top, qrSide)
	}
	d.font("I", 9, colMuted)
	y := d.text(tx, top, lineH(9), noteLines) + 2
	d.font("B", 10, colText)
	y = d.text(tx, y, lineH(10), []string{d.c.S("routine.online")})
	d.font("", 10, colAccent)
	urlTop := y
	y = d.text(tx, y, lineH(10), urlLines)
	if d.g.Site.BaseURL != "" {
		d.f.Link(tx, urlTop, tw, y-urlTop, u)
	}
	d.font("", 9, colMuted)
	d.text(tx, y+2, lineH(9), revLines)
	d.y = top + h
	return nil
}

// qr draws a QR code with its quiet border in a square of side mm at x, y.
func (d *doc) qr(code *qrcode.Code, x, y, side float64) {
	m := side / float64(code.Size()+2*qrcode.Quiet)
	d.f.SetFillColor(0, 0, 0)
	code.Runs(func(cx, cy, n int) {
		d.f.Rect(x+float64(cx+qrcode.Quiet)*m, y+float64(cy+qrcode.Quiet)*m, float64(n)*m, m, "F")
	})
}

// footer writes the routine's name, the page number and the version stamp at the
// foot of page n of total.
func (d *doc) footer(n, total int) {
	d.font("", 8, colMuted)
	y := pageH - 16 // two lines, both 8 mm or more above the paper edge
	d.text(marginX, y, lineH(8), d.wrap(d.r.Title+" · "+d.g.Site.Title, contentW-30)[:1])
	// Set right-aligned as if the total were one digit, so each page's number sits
	// in the same place.
	x := pageW - marginX - d.f.StringWidth(d.c.S("handout.page", n, 9))
	d.text(x, y, lineH(8), []string{d.c.S("handout.page", n, total)})
	d.text(marginX, y+lineH(8), lineH(8), []string{d.stamp})
}
