package pdf

import (
	"strconv"
	"strings"

	"github.com/stretchguide/stretchguide/generator/guide"
)

// evidence lists the routine's references in short form, each kept on one page.
func (d *doc) evidence() {
	refs := d.r.Citations
	if len(refs) == 0 {
		return
	}
	d.font("B", 8.5, colText)
	first := d.wrap(refText(refs[0], d.numbered()), contentW)
	d.fits(lineH(12) + float64(len(first))*lineH(8.5))
	d.font("B", 12, colText)
	d.y = d.text(marginX, d.y, lineH(12), []string{d.c.S("evidence.title")})
	for _, ref := range refs {
		d.font("", 8.5, colText)
		lines := d.wrap(refText(ref, d.numbered()), contentW)
		d.fits(float64(len(lines)) * lineH(8.5))
		d.y = d.text(marginX, d.y, lineH(8.5), lines) + 0.8
	}
	d.y += 4
}

// numbered reports whether the site cites by number (Vancouver, AMA).
func (d *doc) numbered() bool {
	return d.g.Site.CitationStyle == "vancouver" || d.g.Site.CitationStyle == "ama"
}

// refText is a reference in the site's citation style: numbered styles write
// "[1] " and the whole entry, as their reference lists do; author-year the short
// form of the routine page's evidence list.
func refText(ref *guide.Reference, numbered bool) string {
	if numbered && len(ref.Entry) > 0 {
		return "[" + strconv.Itoa(ref.Number) + "] " + ref.EntryText()
	}
	s := ref.InText() + ": " + strings.TrimRight(ref.Title, ".")
	if l := ref.Link(); l != "" {
		s += ". " + l
	}
	return s
}
