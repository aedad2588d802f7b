package pdf

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/stretchguide/stretchguide/generator/pdfdoc"
)

// This file draws the illustrations as vectors. It knows the part of SVG that simple
// line drawings use: line, polyline, polygon, rect, circle, ellipse and path (every
// command, arcs included) inside nested g elements, with stroke and fill colours,
// widths, caps, joins, dashes, opacities and transforms, given as attributes or in a
// style attribute. Anything else (text, gradients, images, use, clip paths) is left
// out of the drawing rather than guessed at.

// drawSVG draws the SVG image src into the box at x, y (top left) of size w by h, in
// the document's units, centred and scaled to fit as a browser would
// (preserveAspectRatio xMidYMid meet). It returns an error only when src is not
// well-formed XML or has no svg root; unknown elements are skipped.
func drawSVG(f *pdfdoc.Doc, src []byte, x, y, w, h float64) error {
	root, err := parseSVG(src)
	if err != nil {
		return err
	}
	vx, vy, vw, vh := viewBox(root)
	if vw <= 0 || vh <= 0 {
		return errors.New("the SVG has no usable viewBox, width or height")
	}
	s := math.Min(w/vw, h/vh)
	m := matrix{s, 0, 0, s, x + (w-vw*s)/2 - vx*s, y + (h-vh*s)/2 - vy*s}
	d := &drawer{f: f}
	d.children(root, m, defaultStyle)
	// Leave the document's state as drawing found it.
	f.SetAlpha(1)
	f.SetDash(nil, 0)
	f.SetLineCap("butt")
	f.SetLineJoin("miter")
	return nil
}

// node is one element of the SVG tree.
type node struct {
	name     string
	attr     map[string]string
	children []*node
}

func parseSVG(src []byte) (*node, error) {
	dec := xml.NewDecoder(bytes.NewReader(src))
	dec.Strict = true
	var stack []*node
	var root *node
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("the SVG is not well-formed: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &node{name: t.Name.Local, attr: map[string]string{}}
			for _, a := range t.Attr {
				if a.Name.Space == "" || a.Name.Space == "http://www.w3.org/2000/svg" {
					n.attr[a.Name.Local] = a.Value
				}
			}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.children = append(p.children, n)
			} else if root == nil {
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
	if root == nil || root.name != "svg" {
		return nil, errors.New("the file has no <svg> element at its root")
	}
	return root, nil
}

// viewBox is the area of user space the image shows.
func viewBox(root *node) (x, y, w, h float64) {
	if vb := numbers(root.attr["viewBox"]); len(vb) == 4 {
		return vb[0], vb[1], vb[2], vb[3]
	}
	return 0, 0, length(root.attr["width"]), length(root.attr["height"])
}

// style is the paint state an element inherits from its ancestors.
type style struct {
	fill, stroke               paint
	fillOpacity, strokeOpacity float64
	opacity                    float64 // group opacity, multiplied down the tree
	width                      float64
	linecap, linejoin          string
	dash                       []float64
	dashOffset                 float64
	evenOdd                    bool
}

var defaultStyle = style{
	fill: paint{set: true}, fillOpacity: 1, strokeOpacity: 1, opacity: 1,
	width: 1, linecap: "butt", linejoin: "miter",
}

// paint is a colour, or no paint when set is false.
type paint struct {
	set     bool
	r, g, b int
}

// properties lists the presentation attributes that can also be given in style="".
var properties = []string{"fill", "stroke", "fill-opacity", "stroke-opacity", "opacity", "stroke-width",
	"stroke-linecap", "stroke-linejoin", "stroke-dasharray", "stroke-dashoffset", "fill-rule", "display", "visibility"}

// styleOf applies an element's presentation attributes, then its style attribute,
// to the style it inherits. It reports false when the element is not displayed.
func styleOf(n *node, st style) (style, bool) {
	props := map[string]string{}
	for _, p := range properties {
		if v, ok := n.attr[p]; ok {
			props[p] = v
		}
	}
	for _, decl := range strings.Split(n.attr["style"], ";") {
		if k, v, ok := strings.Cut(decl, ":"); ok {
			props[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	if props["display"] == "none" || props["visibility"] == "hidden" {
		return st, false
	}
	for k, v := range props {
		v = strings.TrimSpace(v)
		switch k {
		case "fill":
			st.fill = parsePaint(v, st.fill)
		case "stroke":
			st.stroke = parsePaint(v, st.stroke)
		case "fill-opacity":
			st.fillOpacity = unit(v, st.fillOpacity)
		case "stroke-opacity":
			st.strokeOpacity = unit(v, st.strokeOpacity)
		case "opacity":
			st.opacity *= unit(v, 1)
		case "stroke-width":
			if w := length(v); w >= 0 {
				st.width = w
			}
		case "stroke-linecap":
			st.linecap = v
		case "stroke-linejoin":
			st.linejoin = v
		case "stroke-dasharray":
			st.dash = nil
			if v != "none" {
				st.dash = numbers(v)
			}
		case "stroke-dashoffset":
			st.dashOffset = length(v)
		case "fill-rule":
			st.evenOdd = v == "evenodd"
		}
	}
	return st, true
}

// unit reads an opacity between 0 and 1, keeping def when v is not a number.
func unit(v string, def float64) float64 {
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return def
	}
	return math.Max(0, math.Min(1, f))
}

var namedColours = map[string][3]int{
	"black": {0, 0, 0}, "white": {255, 255, 255}, "red": {255, 0, 0}, "green": {0, 128, 0},
	"blue": {0, 0, 255}, "gray": {128, 128, 128}, "grey": {128, 128, 128}, "orange": {255, 165, 0},
	"currentcolor": {0, 0, 0},
}

// parsePaint reads a paint: none, a #rgb or #rrggbb colour, rgb(r, g, b) or a few
// colour names. A value it cannot read leaves the inherited paint.
func parsePaint(v string, inherited paint) paint {
	v = strings.ToLower(v)
	switch {
	case v == "none" || v == "transparent":
		return paint{}
	case strings.HasPrefix(v, "#"):
		h := v[1:]
		if len(h) == 3 {
			h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
		}
		if len(h) != 6 {
			return inherited
		}
		n, err := strconv.ParseUint(h, 16, 32)
		if err != nil {
			return inherited
		}
		return paint{true, int(n >> 16), int(n >> 8 & 0xff), int(n & 0xff)}
	case strings.HasPrefix(v, "rgb(") && strings.HasSuffix(v, ")"):
		c := numbers(v[4 : len(v)-1])
		if len(c) != 3 {
			return inherited
		}
		return paint{true, clampByte(c[0]), clampByte(c[1]), clampByte(c[2])}
	}
	if c, ok := namedColours[v]; ok {
		return paint{true, c[0], c[1], c[2]}
	}
	return inherited
}

func clampByte(f float64) int { return int(math.Max(0, math.Min(255, math.Round(f)))) }

// matrix is an affine transform [a c e; b d f], as SVG writes it.
type matrix struct{ a, b, c, d, e, f float64 }

func (m matrix) apply(x, y float64) (float64, float64) {
	return m.a*x + m.c*y + m.e, m.b*x + m.d*y + m.f
}

// then returns the transform that applies n first, then m.
func (m matrix) then(n matrix) matrix {
	return matrix{
		m.a*n.a + m.c*n.b, m.b*n.a + m.d*n.b,
		m.a*n.c + m.c*n.d, m.b*n.c + m.d*n.d,
		m.a*n.e + m.c*n.f + m.e, m.b*n.e + m.d*n.f + m.f,
	}
}

// scale is how much the transform stretches lengths on average, for line widths.
func (m matrix) scale() float64 { return math.Sqrt(math.Abs(m.a*m.d - m.b*m.c)) }

// parseTransform reads a transform attribute: matrix, translate, scale, rotate, skewX
// and skewY, in any number. It reports false for anything else.
func parseTransform(v string) (matrix, bool) {
	m := matrix{1, 0, 0, 1, 0, 0}
	v = strings.TrimSpace(v)
	for v != "" {
		open := strings.IndexByte(v, '(')
		end := strings.IndexByte(v, ')')
		if open < 0 || end < open {
			return m, false
		}
		name := strings.TrimSpace(strings.Trim(v[:open], ", \t\n"))
		args := numbers(v[open+1 : end])
		v = strings.TrimSpace(strings.TrimLeft(v[end+1:], ", \t\n"))
		var n matrix
		switch {
		case name == "matrix" && len(args) == 6:
			n = matrix{args[0], args[1], args[2], args[3], args[4], args[5]}
		case name == "translate" && len(args) == 1:
			n = matrix{1, 0, 0, 1, args[0], 0}
		case name == "translate" && len(args) == 2:
			n = matrix{1, 0, 0, 1, args[0], args[1]}
		case name == "scale" && len(args) == 1:
			n = matrix{args[0], 0, 0, args[0], 0, 0}
		case name == "scale" && len(args) == 2:
			n = matrix{args[0], 0, 0, args[1], 0, 0}
		case name == "rotate" && (len(args) == 1 || len(args) == 3):
			s, c := math.Sincos(args[0] * math.Pi / 180)
			n = matrix{c, s, -s, c, 0, 0}
			if len(args) == 3 {
				cx, cy := args[1], args[2]
				n = matrix{1, 0, 0, 1, cx, cy}.then(n).then(matrix{1, 0, 0, 1, -cx, -cy})
			}
		case name == "skewX" && len(args) == 1:
			n = matrix{1, 0, math.Tan(args[0] * math.Pi / 180), 1, 0, 0}
		case name == "skewY" && len(args) == 1:
			n = matrix{1, math.Tan(args[0] * math.Pi / 180), 0, 1, 0, 0}
		default:
			return m, false
		}
		m = m.then(n)
	}
	return m, true
}

// drawer walks the tree and paints each shape.
type drawer struct{ f *pdfdoc.Doc }

func (d *drawer) children(n *node, m matrix, st style) {
	for _, c := range n.children {
		d.element(c, m, st)
	}
}

func (d *drawer) element(n *node, m matrix, st style) {
	st, shown := styleOf(n, st)
	if !shown {
		return
	}
	if t, ok := n.attr["transform"]; ok {
		tm, ok := parseTransform(t)
		if !ok {
			return // drawing it in the wrong place would be worse than leaving it out
		}
		m = m.then(tm)
	}
	a := func(name string) float64 { return length(n.attr[name]) }
	var p shape
	switch n.name {
	case "g", "a":
		d.children(n, m, st)
		return
	case "line":
		p.moveTo(a("x1"), a("y1"))
		p.lineTo(a("x2"), a("y2"))
		st.fill = paint{} // a line has no inside
	case "polyline", "polygon":
		pts := numbers(n.attr["points"])
		for i := 0; i+1 < len(pts); i += 2 {
			if i == 0 {
				p.moveTo(pts[0], pts[1])
			} else {
				p.lineTo(pts[i], pts[i+1])
			}
		}
		if n.name == "polygon" {
			p.close()
		}
	case "rect":
		p.rect(a("x"), a("y"), a("width"), a("height"), a("rx"), a("ry"), n.attr["rx"] != "", n.attr["ry"] != "")
	case "circle":
		p.ellipse(a("cx"), a("cy"), a("r"), a("r"))
	case "ellipse":
		p.ellipse(a("cx"), a("cy"), a("rx"), a("ry"))
	case "path":
		p = parsePath(n.attr["d"])
	default:
		return // title, desc, defs, text, image, use...: not drawn
	}
	d.paint(p, m, st)
}

// paint fills, then strokes, a path. Fill and stroke are painted separately when
// their opacities differ, since the PDF state holds one opacity for both here.
func (d *drawer) paint(p shape, m matrix, st style) {
	if len(p) == 0 {
		return
	}
	f := d.f
	fillA, strokeA := st.fillOpacity*st.opacity, st.strokeOpacity*st.opacity
	fill := st.fill.set && fillA > 0
	stroke := st.stroke.set && strokeA > 0 && st.width > 0
	if fill {
		f.SetFillColor(st.fill.r, st.fill.g, st.fill.b)
	}
	if stroke {
		f.SetDrawColor(st.stroke.r, st.stroke.g, st.stroke.b)
		f.SetLineWidth(st.width * m.scale())
		f.SetLineCap(st.linecap)
		f.SetLineJoin(st.linejoin)
		dash := make([]float64, 0, len(st.dash)*2)
		for _, v := range st.dash {
			dash = append(dash, v*m.scale())
		}
		if len(dash)%2 == 1 { // SVG repeats an odd list to make it even
			dash = append(dash, dash...)
		}
		f.SetDash(dash, st.dashOffset*m.scale())
	}
	fillOp := "F"
	if st.evenOdd {
		fillOp = "F*"
	}
	switch {
	case fill && stroke && fillA == strokeA:
		f.SetAlpha(fillA)
		p.emit(f, m)
		f.DrawPath(map[string]string{"F": "B", "F*": "B*"}[fillOp])
	default:
		if fill {
			f.SetAlpha(fillA)
			p.emit(f, m)
			f.DrawPath(fillOp)
		}
		if stroke {
			f.SetAlpha(strokeA)
			p.emit(f, m)
			f.DrawPath("S")
		}
	}
}
