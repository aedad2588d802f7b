package pdfdoc

// This file draws shapes: rectangles, lines and paths of lines and curves.

// pt appends the point x, y (mm from the top left) in points from the bottom left.
func (d *Doc) pt(b []byte, x, y float64) []byte {
	b = num(b, x*k)
	b = append(b, ' ')
	return num(b, (d.h-y)*k)
}

// paintOp is the PDF operator that paints a path as op says: "S" (or "D") strokes,
// "F" fills, "F*" fills by the even-odd rule, "B" and "B*" (or "FD", "DF") fill then
// stroke.
func paintOp(op string) (string, bool, bool) {
	switch op {
	case "F":
		return "f", true, false
	case "F*":
		return "f*", true, false
	case "B", "FD", "DF":
		return "B", true, true
	case "B*":
		return "B*", true, true
	}
	return "S", false, true
}

// paint sets the state the painting operator of op needs, writes the path, then
// the operator on its own line.
func (d *Doc) paint(op string, path []byte) {
	pdfOp, fill, stroke := paintOp(op)
	d.setAlpha()
	if fill {
		d.setFill(d.fill)
	}
	if stroke {
		d.setStroke()
	}
	d.cur.content = append(d.cur.content, path...)
	d.out([]byte(pdfOp))
}

// Rect draws a rectangle with its top left corner at x, y, painted as op says (see
// DrawPath; "D" strokes, "F" fills, "FD" does both).
func (d *Doc) Rect(x, y, w, h float64, op string) {
	b := d.pt(nil, x, y)
	b = append(b, ' ')
	b = num(b, w*k)
	b = append(b, ' ')
	b = num(b, -h*k)
	d.paint(op, append(b, " re\n"...))
}

// Line draws a straight line from x1, y1 to x2, y2.
func (d *Doc) Line(x1, y1, x2, y2 float64) {
	b := append(d.pt(nil, x1, y1), " m\n"...)
	b = append(d.pt(b, x2, y2), " l\n"...)
	d.paint("S", b)
}

// MoveTo starts a new part of the path at x, y.
func (d *Doc) MoveTo(x, y float64) { d.path = append(d.pt(d.path, x, y), " m\n"...) }

// LineTo adds a straight line to x, y to the path.
func (d *Doc) LineTo(x, y float64) { d.path = append(d.pt(d.path, x, y), " l\n"...) }

// CurveTo adds a cubic Bézier curve to x, y, with control points x1, y1 and x2, y2.
func (d *Doc) CurveTo(x1, y1, x2, y2, x, y float64) {
	b := append(d.pt(d.path, x1, y1), ' ')
	b = append(d.pt(b, x2, y2), ' ')
	d.path = append(d.pt(b, x, y), " c\n"...)
}

// ClosePath closes the current part of the path with a line to its start.
func (d *Doc) ClosePath() { d.path = append(d.path, "h\n"...) }

// DrawPath paints the path built so far and starts a new one. op is "S" to stroke,
// "F" to fill (nonzero winding rule), "F*" to fill by the even-odd rule, "B" or "B*"
// to fill and stroke.
func (d *Doc) DrawPath(op string) {
	d.paint(op, d.path)
	d.path = d.path[:0]
}

// Link makes the box at x, y (top left) of w by h mm on the current page a link to
// the web address uri.
func (d *Doc) Link(x, y, w, h float64, uri string) {
	d.cur.links = append(d.cur.links, link{x * k, (d.h - y - h) * k, w * k, h * k, uri})
}
