// Package pdf writes the printable handout of a routine as a PDF, at build time and
// without a browser: on page 1 the "Stop and get help" box (stopbox.go) with every
// emergency sign, then the routine's own, each with what to do; each step with its
// illustration (drawn as vectors from the SVG), name, dose, cues and a tick-box row for
// one week; the short references; the routine's address as text and as a QR code; the
// review date, or that no clinician has reviewed it; and on every page a version stamp
// (stamp.go). It holds the same content as the routine page printed from a browser,
// and says every word of its own in the guide's language, from that language's
// catalog of interface strings (package i18n; the keys are Keys).
//
// The text is set in the Go fonts, embedded (only the glyphs used), so curly quotes,
// dashes and accented names print and can be copied or read aloud. The PDF is written
// by package pdfdoc, which reads the fonts once per process. The same guide
// gives the same bytes: the creation date comes from the content's review dates and
// nothing depends on the clock or on map order.
package pdf

import (
	"bytes"
	"cmp"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"
	"time"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/i18n"
	"github.com/stretchguide/stretchguide/generator/images"
	"github.com/stretchguide/stretchguide/generator/pdfdoc"
)

// File is where the handout of r is written, relative to the site root.
func File(r *guide.Routine) string { return "routines/" + r.Slug + ".pdf" }

// Keys are the interface strings a handout prints, besides the durations, doses
// and dates of i18n.GoKeys; every catalog must hold them.
var Keys = []string{
	"routine.total", "routine.total_end", "routine.ticks", "routine.online", "evidence.title",
	"review.unreviewed", "review.reviewed_by", "review.last_updated",
	"signs.title", "signs.early", "signs.sharp_pain", "signs.gentle", "signs.call", "signs.call_local",
	"urgency.emergency", "urgency.urgent", "urgency.soon",
	"handout.note", "handout.all_signs", "handout.last_reviewed", "handout.page",
	"handout.stamp", "handout.stamp_reviewed", "handout.stamp_updated",
}

// The page is A4, with margins wide enough that the content also fits on US Letter
// (215.9 x 279.4 mm) when a printer centres it or shrinks it to fit.
const (
	pageW, pageH = 210.0, 297.0
	marginX      = 18.0
	marginTop    = 17.0
	marginBottom = 20.0 // the page footer sits in it
	contentW     = pageW - 2*marginX
	bottom       = pageH - marginBottom
	ptToMM       = 25.4 / 72
)

// prints keeps the print-sized copies of photos, by their content, for every
// handout this process writes.
var prints images.Cache

// noDate stands in for the creation date when no page gives a review date, so the
// bytes still do not depend on the clock.
var noDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

type rgb struct{ r, g, b int }

var (
	colText      = rgb{29, 29, 31}
	colMuted     = rgb{85, 85, 85}
	colAccent    = rgb{31, 111, 139}
	colWarn      = rgb{138, 75, 0}
	colWarnBg    = rgb{255, 244, 229}
	colEmergency = rgb{166, 27, 27}
	colLine      = rgb{170, 164, 150}
)

// goFonts are the Go fonts by style ("", "B", "I"), read once for every handout
// this process writes.
var goFonts = sync.OnceValues(func() (map[string]*pdfdoc.Font, error) {
	fonts := map[string]*pdfdoc.Font{}
	for _, f := range []struct {
		style, name string
		ttf         []byte
	}{
		{"", "GoRegular", goregular.TTF}, {"B", "GoBold", gobold.TTF}, {"I", "GoItalic", goitalic.TTF},
	} {
		font, err := pdfdoc.LoadFont(f.name, f.ttf)
		if err != nil {
			return nil, err
		}
		fonts[f.style] = font
	}
	return fonts, nil
})

// Handout writes the PDF handout of routine r of guide g, every word of its own in
// the language of c, the catalog of the guide's language. files is the content
// folder, from which the stretches' illustrations are read.
func Handout(g *guide.Guide, r *guide.Routine, c *i18n.Catalog, files fs.FS) ([]byte, error) {
	fonts, err := goFonts()
	if err != nil {
		return nil, fmt.Errorf("PDF handout %s: %w", File(r), err)
	}
	f := pdfdoc.New(pageW, pageH)
	date := "D:" + created(r).Format("20060102150405")
	f.SetInfo(pdfdoc.Info{
		Title: r.Title + " | " + g.Site.Title, Subject: r.Summary, Author: g.Site.Title,
		Creator: "stretchguide", Producer: "stretchguide", Lang: cmp.Or(g.Site.Language, "en"),
		Created: date, Modified: date,
	})
	d := &doc{f: f, fonts: fonts, g: g, r: r, c: c, files: files, stamp: Stamp(g, r, c)}
	f.AddPage()
	d.y = marginTop
	d.header()
	d.stopBox()
	for _, s := range r.Steps {
		if err := d.step(s); err != nil {
			return nil, err
		}
	}
	d.evidence()
	if err := d.closing(); err != nil {
		return nil, err
	}
	for n := 1; n <= f.PageCount(); n++ {
		f.SetPage(n)
		d.footer(n, f.PageCount())
	}
	var b bytes.Buffer
	if err := f.Output(&b); err != nil {
		return nil, fmt.Errorf("PDF handout %s: %w", File(r), err)
	}
	return b.Bytes(), nil
}

// created is the handout's date: the latest review of the routine or one of its
// stretches, which is when its content last changed.
func created(r *guide.Routine) time.Time {
	t := r.Reviewed.Time
	for _, s := range r.Steps {
		if s.Stretch.Reviewed.After(t) {
			t = s.Stretch.Reviewed.Time
		}
	}
	if t.IsZero() {
		return noDate
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// doc is a handout being laid out: y is where the next block starts on the page.
type doc struct {
	f     *pdfdoc.Doc
	fonts map[string]*pdfdoc.Font
	g     *guide.Guide
	r     *guide.Routine
	c     *i18n.Catalog // the words of the guide's language
	files fs.FS
	y     float64
	stamp string // the version line of every page's footer
}

// url is the absolute address of site page u when the site has a base URL, else its
// path from the site root.
func (d *doc) url(u string) string {
	if d.g.Site.BaseURL != "" {
		return d.g.Site.BaseURL + u
	}
	return cmp.Or(d.g.Site.BasePath, "/") + u
}

// font sets the font: style "", "B" or "I", size in points, and colour.
func (d *doc) font(style string, size float64, c rgb) {
	d.f.SetFont(d.fonts[style], size)
	d.f.SetTextColor(c.r, c.g, c.b)
}

// lineH is the height of a line of text at size points.
func lineH(size float64) float64 { return size * ptToMM * 1.3 }

// wrap breaks text into lines no wider than w in the current font. A word too long
// for a line is broken inside, so nothing runs past the margin.
func (d *doc) wrap(text string, w float64) []string {
	if text == "" {
		return nil
	}
	return d.f.SplitText(text, w)
}

// text draws lines from the top y, each lh high, and returns the y below them.
func (d *doc) text(x, y, lh float64, lines []string) float64 {
	size := d.f.FontSize()
	for _, l := range lines {
		// The baseline sits so that the line's capitals are centred in its height.
		d.f.Text(x, y+lh/2+size*ptToMM*0.35, l)
		y += lh
	}
	return y
}

// fits reports whether a block h high fits on the page; if not, it starts a new page.
func (d *doc) fits(h float64) {
	if d.y+h > bottom && d.y > marginTop {
		d.f.AddPage()
		d.y = marginTop
	}
}

func (d *doc) rule(y float64) {
	d.f.SetDrawColor(colLine.r, colLine.g, colLine.b)
	d.f.SetLineWidth(0.3)
	d.f.Line(marginX, y, pageW-marginX, y)
}

func (d *doc) header() {
	d.font("", 9, colMuted)
	d.y = d.text(marginX, d.y, lineH(9), d.wrap(d.g.Site.Title, contentW))
	d.font("B", 20, colText)
	d.y = d.text(marginX, d.y, lineH(20)*0.95, d.wrap(d.r.Title, contentW))
	d.y += 1
	d.font("", 11, colText)
	d.y = d.text(marginX, d.y, lineH(11), d.wrap(d.r.Summary, contentW))
	d.font("", 10, colMuted)
	total := d.c.S("routine.total") + " " + d.c.Words(d.r.Total()) + d.c.S("routine.total_end")
	d.y = d.text(marginX, d.y, lineH(10), d.wrap(total, contentW))
	if note := d.reviewNote(&d.r.Page); note != "" {
		d.font("B", 10, colWarn)
		d.y = d.text(marginX, d.y, lineH(10), d.wrap(note, contentW))
	}
	d.y += 2
	d.rule(d.y)
	d.y += 4
}

// Step layout: the picture on the left, the words on the right.
const (
	imgW    = 46.0
	imgH    = imgW * 2 / 3
	textX   = marginX + imgW + 6
	textW   = pageW - marginX - textX
	boxSize = 5.5
	stepGap = 3.5
)

// step draws one step, on a new page if it does not fit whole on this one.
func (d *doc) step(s *guide.Step) error {
	st := s.Stretch
	d.font("B", 13, colText)
	name := d.wrap(fmt.Sprintf("%d. %s", s.Number, st.Title), textW)
	d.font("B", 10.5, colAccent)
	dose := d.wrap(d.dose(s.Dose), textW)
	d.font("", 10, colText)
	var cues [][]string
	for _, c := range st.Cues {
		cues = append(cues, d.wrap(c, textW-4))
	}
	d.font("I", 9, colWarn)
	note := d.wrap(d.reviewNote(&st.Page), textW)
	h := float64(len(name))*lineH(13) + float64(len(dose))*lineH(10.5) + 1.5 + float64(len(note))*lineH(9)
	for _, c := range cues {
		h += float64(len(c)) * lineH(10)
	}
	h += 2 + boxSize + 3.5 // the tick-box row and the day numbers under it
	h = max(h, imgH)
	d.fits(h)

	top := d.y
	if st.Image != nil {
		if err := d.image(st.Image, marginX, top, imgW, imgH); err != nil {
			return err
		}
	}
	d.font("B", 13, colText)
	y := d.text(textX, top, lineH(13), name)
	if d.g.Site.BaseURL != "" {
		d.f.Link(textX, top, textW, y-top, d.url(st.URL))
	}
	d.font("B", 10.5, colAccent)
	y = d.text(textX, y, lineH(10.5), dose) + 1.5
	d.font("", 10, colText)
	for _, c := range cues {
		d.text(textX, y, lineH(10), []string{"•"})
		y = d.text(textX+4, y, lineH(10), c)
	}
	d.font("I", 9, colWarn)
	y = d.text(textX, y, lineH(9), note)
	d.ticks(textX, y+2)
	d.y = top + h + stepGap
	return nil
}

// ticks draws the row of seven boxes a patient ticks on each day of a week.
func (d *doc) ticks(x, y float64) {
	d.font("", 8.5, colMuted)
	label := d.c.S("routine.ticks")
	d.text(x, y, boxSize, []string{label})
	x += d.f.StringWidth(label) + 3
	d.f.SetDrawColor(colText.r, colText.g, colText.b)
	d.f.SetLineWidth(0.3)
	d.font("", 6.5, colMuted)
	for i := 1; i <= 7; i++ {
		d.f.Rect(x, y, boxSize, boxSize, "D")
		n := fmt.Sprint(i)
		d.f.Text(x+(boxSize-d.f.StringWidth(n))/2, y+boxSize+2.6, n)
		x += boxSize + 2.5
	}
}

// image draws a stretch's picture: SVG as vectors, PNG and JPEG as their print-sized
// JPEG copy (package images), so a phone's photo does not make a heavy handout.
// Other kinds are left out.
func (d *doc) image(img *guide.Image, x, y, w, h float64) error {
	b, err := fs.ReadFile(d.files, img.Source)
	if err != nil {
		return fmt.Errorf("PDF handout %s: %w", File(d.r), err)
	}
	switch strings.ToLower(path.Ext(img.Source)) {
	case ".svg":
		if err := drawSVG(d.f, b, x, y, w, h); err != nil {
			return fmt.Errorf("%s: %w", img.Source, err)
		}
	case ".png", ".jpg", ".jpeg":
		kind := strings.TrimPrefix(strings.ToLower(path.Ext(img.Source)), ".")
		if small, err := prints.Print(b); err == nil {
			b, kind = small, "jpg"
		}
		pic, err := d.f.RegisterImage(kind, b)
		if err != nil {
			return fmt.Errorf("%s: %w", img.Source, err)
		}
		// Fit the picture in the box, keeping its shape.
		iw, ih := float64(pic.Width), float64(pic.Height)
		s := min(w/iw, h/ih)
		d.f.DrawImage(pic, x+(w-iw*s)/2, y+(h-ih*s)/2, iw*s, ih*s)
	}
	return nil
}

// dose says a step's dose in the guide's language.
func (d *doc) dose(s guide.Dose) string { return d.c.Dose(s.Hold, s.Reps, s.Sets, s.Sides) }

func urgencyColour(u guide.Urgency) rgb {
	switch u {
	case guide.Emergency:
		return colEmergency
	case guide.Urgent:
		return colWarn
	}
	return colText
}
