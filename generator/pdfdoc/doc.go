// Package pdfdoc holds a small PDF 1.7 writer for the handouts: pages of one size
// measured in millimetres from the top left, text in embedded TrueType fonts (each
// document carries a subset of the glyphs it uses), filled and stroked paths with
// their colours, widths, caps, joins, dashes and opacity, JPEG and PNG pictures, web
// links, and the document's information, language and opening view.
//
// Fonts are read once (LoadFont) and shared by every document; streams are
// compressed with pooled flate writers; the same calls give the same bytes.
package pdfdoc

import (
	"slices"
	"strconv"
)

// k is the number of PDF points in a millimetre.
const k = 72 / 25.4

// Doc is a PDF document being drawn. Its methods set state or draw on the current
// page, like a pen; a Doc is for one goroutine.
type Doc struct {
	w, h     float64 // page size in mm
	pages    []*page
	cur      *page
	compress bool
	info     Info

	// The pen: what the next drawing uses.
	font               *Font
	size               float64 // in points
	text, fill, stroke string  // colour operators, "r g b rg"
	lineWidth          float64 // in mm
	cap, join          int
	dash               string
	alpha              float64
	path               []byte // the path being built, flushed by DrawPath

	// The resources the pages use, in order of first use.
	fonts      []*usedFont
	images     []*Image
	alphas     []float64 // the opacities of the ExtGState resources /GS1...
	imageByKey map[string]*Image
}

// page is one page: its content stream, links, and the graphics state its content
// has set so far, so that only changes are written.
type page struct {
	content []byte
	links   []link
	state   state
}

// state is what a page's content has set last; the zero value is PDF's initial state
// as far as the writer cares (nothing set yet).
type state struct {
	fill, stroke string
	lineWidth    string
	cap, join    int
	dash         string
	alpha        int // index+1 of the ExtGState, 0 for none yet
	font         *usedFont
	size         float64
}

type link struct {
	x, y, w, h float64 // in points, from the bottom left
	uri        string
}

// Info is the document information and catalog settings.
type Info struct {
	Title, Subject, Author, Creator, Producer string
	// Lang is the document's language, a BCP 47 tag such as en-GB.
	Lang string
	// Created and Modified are dates, given as "D:20260309000000".
	Created, Modified string
}

// New starts a document whose pages are w by h millimetres, compressed.
func New(w, h float64) *Doc {
	return &Doc{w: w, h: h, compress: true, text: "0 g", fill: "0 g", stroke: "0 G",
		lineWidth: 0.2, dash: "[] 0 d", alpha: 1, imageByKey: map[string]*Image{}}
}

// SetCompression sets whether streams are compressed; tests read them plain.
func (d *Doc) SetCompression(on bool) { d.compress = on }

// SetInfo sets the title, author, language, dates and the rest.
func (d *Doc) SetInfo(i Info) { d.info = i }

// AddPage starts a new page and makes it the current one.
func (d *Doc) AddPage() {
	d.cur = &page{state: state{cap: -1, join: -1}}
	d.pages = append(d.pages, d.cur)
}

// PageCount is the number of pages so far.
func (d *Doc) PageCount() int { return len(d.pages) }

// SetPage makes page n (from 1) the current page again, to draw more on it.
func (d *Doc) SetPage(n int) { d.cur = d.pages[n-1] }

// out adds an operator line to the current page.
func (d *Doc) out(b ...[]byte) {
	for _, x := range b {
		d.cur.content = append(d.cur.content, x...)
	}
	d.cur.content = append(d.cur.content, '\n')
}

// num appends v with two decimals, the precision of every coordinate.
func num(b []byte, v float64) []byte { return strconv.AppendFloat(b, v, 'f', 2, 64) }

// colour is the operator that sets the colour r, g, b (0-255) for op "rg" or "RG".
func colour(r, g, b int, op string) string {
	var s []byte
	for _, c := range []int{r, g, b} {
		s = strconv.AppendFloat(s, float64(c)/255, 'f', 3, 64)
		s = append(s, ' ')
	}
	return string(append(s, op...))
}

// SetTextColor sets the colour of text, each part 0-255.
func (d *Doc) SetTextColor(r, g, b int) { d.text = colour(r, g, b, "rg") }

// SetFillColor sets the colour that fills shapes.
func (d *Doc) SetFillColor(r, g, b int) { d.fill = colour(r, g, b, "rg") }

// SetDrawColor sets the colour of lines and outlines.
func (d *Doc) SetDrawColor(r, g, b int) { d.stroke = colour(r, g, b, "RG") }

// SetLineWidth sets the width of lines in mm.
func (d *Doc) SetLineWidth(w float64) { d.lineWidth = w }

// SetLineCap sets how open lines end: "butt", "round" or "square".
func (d *Doc) SetLineCap(s string) { d.cap = index(s, "butt", "round", "square") }

// SetLineJoin sets how lines meet: "miter", "round" or "bevel".
func (d *Doc) SetLineJoin(s string) { d.join = index(s, "miter", "round", "bevel") }

// index is the place of s among names, 0 when it is none of them.
func index(s string, names ...string) int {
	for i, n := range names {
		if s == n {
			return i
		}
	}
	return 0
}

// SetDash sets the dash pattern of lines, lengths in mm; none draws solid lines.
func (d *Doc) SetDash(lengths []float64, phase float64) {
	if len(lengths) == 0 {
		d.dash = "[] 0 d"
		return
	}
	b := []byte{'['}
	for i, l := range lengths {
		if i > 0 {
			b = append(b, ' ')
		}
		b = num(b, l*k)
	}
	b = append(b, "] "...)
	d.dash = string(append(num(b, phase*k), " d"...))
}

// SetAlpha sets the opacity of what is drawn next, from 0 to 1.
func (d *Doc) SetAlpha(a float64) { d.alpha = a }

// setFill makes the page's fill colour c.
func (d *Doc) setFill(c string) {
	if d.cur.state.fill != c {
		d.cur.state.fill = c
		d.out([]byte(c))
	}
}

// setAlpha makes the page's opacity the pen's.
func (d *Doc) setAlpha() {
	if d.cur.state.alpha == 0 && d.alpha == 1 {
		return // nothing set yet: the page is opaque
	}
	i := slices.Index(d.alphas, d.alpha)
	if i < 0 {
		d.alphas = append(d.alphas, d.alpha)
		i = len(d.alphas) - 1
	}
	if d.cur.state.alpha != i+1 {
		d.cur.state.alpha = i + 1
		d.out([]byte("/GS"), strconv.AppendInt(nil, int64(i+1), 10), []byte(" gs"))
	}
}

// setStroke makes the page's stroke colour, width, cap, join and dash the pen's.
func (d *Doc) setStroke() {
	s := &d.cur.state
	if s.stroke != d.stroke {
		s.stroke = d.stroke
		d.out([]byte(d.stroke))
	}
	if w := string(num(nil, d.lineWidth*k)); s.lineWidth != w {
		s.lineWidth = w
		d.out([]byte(w), []byte(" w"))
	}
	if s.cap != d.cap {
		s.cap = d.cap
		d.out(strconv.AppendInt(nil, int64(d.cap), 10), []byte(" J"))
	}
	if s.join != d.join {
		s.join = d.join
		d.out(strconv.AppendInt(nil, int64(d.join), 10), []byte(" j"))
	}
	if s.dash != d.dash && (s.dash != "" || d.dash != "[] 0 d") {
		s.dash = d.dash
		d.out([]byte(d.dash))
	}
}
