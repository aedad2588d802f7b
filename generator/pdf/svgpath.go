package pdf

import (
	"math"
	"strconv"
	"strings"

	"github.com/stretchguide/stretchguide/generator/pdfdoc"
)

// shape is an outline in user space: segments of absolute coordinates.
type shape []segment

type segment struct {
	op  byte // 'M' move, 'L' line, 'C' cubic curve, 'Z' close
	pts [3][2]float64
}

func (p *shape) moveTo(x, y float64) { *p = append(*p, segment{op: 'M', pts: [3][2]float64{{x, y}}}) }
func (p *shape) lineTo(x, y float64) { *p = append(*p, segment{op: 'L', pts: [3][2]float64{{x, y}}}) }
func (p *shape) close()              { *p = append(*p, segment{op: 'Z'}) }
func (p *shape) cubicTo(x1, y1, x2, y2, x, y float64) {
	*p = append(*p, segment{op: 'C', pts: [3][2]float64{{x1, y1}, {x2, y2}, {x, y}}})
}

// emit traces the outline on the page through the transform m.
func (p shape) emit(f *pdfdoc.Doc, m matrix) {
	for _, s := range p {
		x0, y0 := m.apply(s.pts[0][0], s.pts[0][1])
		switch s.op {
		case 'M':
			f.MoveTo(x0, y0)
		case 'L':
			f.LineTo(x0, y0)
		case 'C':
			x1, y1 := m.apply(s.pts[1][0], s.pts[1][1])
			x2, y2 := m.apply(s.pts[2][0], s.pts[2][1])
			f.CurveTo(x0, y0, x1, y1, x2, y2)
		case 'Z':
			f.ClosePath()
		}
	}
}

// kappa places the control points of a cubic curve that draws a quarter circle.
const kappa = 0.5522847498

func (p *shape) ellipse(cx, cy, rx, ry float64) {
	if rx <= 0 || ry <= 0 {
		return
	}
	kx, ky := rx*kappa, ry*kappa
	p.moveTo(cx+rx, cy)
	p.cubicTo(cx+rx, cy+ky, cx+kx, cy+ry, cx, cy+ry)
	p.cubicTo(cx-kx, cy+ry, cx-rx, cy+ky, cx-rx, cy)
	p.cubicTo(cx-rx, cy-ky, cx-kx, cy-ry, cx, cy-ry)
	p.cubicTo(cx+kx, cy-ry, cx+rx, cy-ky, cx+rx, cy)
	p.close()
}

// rect adds a rectangle, with rounded corners when rx or ry is given (either one
// stands for both when the other is missing, as in SVG).
func (p *shape) rect(x, y, w, h, rx, ry float64, hasRx, hasRy bool) {
	if w <= 0 || h <= 0 {
		return
	}
	switch {
	case hasRx && !hasRy:
		ry = rx
	case hasRy && !hasRx:
		rx = ry
	}
	rx, ry = math.Min(math.Max(rx, 0), w/2), math.Min(math.Max(ry, 0), h/2)
	if rx == 0 || ry == 0 {
		p.moveTo(x, y)
		p.lineTo(x+w, y)
		p.lineTo(x+w, y+h)
		p.lineTo(x, y+h)
		p.close()
		return
	}
	kx, ky := rx*kappa, ry*kappa
	p.moveTo(x+rx, y)
	p.lineTo(x+w-rx, y)
	p.cubicTo(x+w-rx+kx, y, x+w, y+ry-ky, x+w, y+ry)
	p.lineTo(x+w, y+h-ry)
	p.cubicTo(x+w, y+h-ry+ky, x+w-rx+kx, y+h, x+w-rx, y+h)
	p.lineTo(x+rx, y+h)
	p.cubicTo(x+rx-kx, y+h, x, y+h-ry+ky, x, y+h-ry)
	p.lineTo(x, y+ry)
	p.cubicTo(x, y+ry-ky, x+rx-kx, y, x+rx, y)
	p.close()
}

// parsePath reads the d attribute of a path. It stops at the first error, keeping
// what came before it, as browsers do.
func parsePath(d string) shape {
	sc := pathScanner{s: d}
	var pn pen
	var cmd byte
	for {
		sc.skipSpace()
		if sc.done() {
			return pn.p
		}
		if c := sc.peek(); isCommand(c) {
			cmd = c
			sc.i++
		} else if cmd == 0 || upper(cmd) == 'Z' {
			return pn.p // numbers with no command to repeat
		}
		args, ok := sc.args(upper(cmd))
		if !ok {
			return pn.p
		}
		rel := cmd >= 'a'
		ox, oy := 0.0, 0.0
		if rel {
			ox, oy = pn.x, pn.y
		}
		pn.step(upper(cmd), ox, oy, args)
		if upper(cmd) == 'M' { // further pairs after a moveto are linetos
			cmd = map[bool]byte{true: 'l', false: 'L'}[rel]
		}
	}
}

// args reads the numbers of one path command op (an upper-case letter).
func (sc *pathScanner) args(op byte) ([]float64, bool) {
	n := map[byte]int{'M': 2, 'L': 2, 'H': 1, 'V': 1, 'C': 6, 'S': 4, 'Q': 4, 'T': 2, 'A': 7, 'Z': 0}[op]
	args := make([]float64, n)
	for i := range args {
		var ok bool
		if op == 'A' && (i == 3 || i == 4) {
			args[i], ok = sc.flag()
		} else {
			args[i], ok = sc.number()
		}
		if !ok {
			return nil, false
		}
	}
	return args, true
}

// pen draws a path command by command.
type pen struct {
	p                    shape
	x, y, startX, startY float64 // current point and start of the subpath
	lastCtrlX, lastCtrlY float64 // last control point, for S and T
	lastOp               byte
}

// step draws command op with its args, relative to (ox, oy).
func (pn *pen) step(op byte, ox, oy float64, args []float64) {
	switch op {
	case 'M':
		pn.x, pn.y = ox+args[0], oy+args[1]
		pn.startX, pn.startY = pn.x, pn.y
		pn.p.moveTo(pn.x, pn.y)
	case 'L':
		pn.x, pn.y = ox+args[0], oy+args[1]
		pn.p.lineTo(pn.x, pn.y)
	case 'H':
		pn.x = ox + args[0]
		pn.p.lineTo(pn.x, pn.y)
	case 'V':
		pn.y = oy + args[0]
		pn.p.lineTo(pn.x, pn.y)
	case 'C', 'S':
		pn.cubic(op, ox, oy, args)
	case 'Q', 'T':
		pn.quadratic(op, ox, oy, args)
	case 'A':
		ex, ey := ox+args[5], oy+args[6]
		pn.p.arc(pn.x, pn.y, args[0], args[1], args[2], args[3] != 0, args[4] != 0, ex, ey)
		pn.x, pn.y = ex, ey
	case 'Z':
		pn.p.close()
		pn.x, pn.y = pn.startX, pn.startY
	}
	pn.lastOp = op
}

func (pn *pen) cubic(op byte, ox, oy float64, args []float64) {
	x, y := pn.x, pn.y
	var x1, y1 float64
	rest := args
	if op == 'C' {
		x1, y1, rest = ox+args[0], oy+args[1], args[2:]
	} else if pn.lastOp == 'C' || pn.lastOp == 'S' {
		x1, y1 = 2*x-pn.lastCtrlX, 2*y-pn.lastCtrlY
	} else {
		x1, y1 = x, y
	}
	x2, y2 := ox+rest[0], oy+rest[1]
	pn.x, pn.y = ox+rest[2], oy+rest[3]
	pn.p.cubicTo(x1, y1, x2, y2, pn.x, pn.y)
	pn.lastCtrlX, pn.lastCtrlY = x2, y2
}

func (pn *pen) quadratic(op byte, ox, oy float64, args []float64) {
	x, y := pn.x, pn.y
	var qx, qy float64
	rest := args
	if op == 'Q' {
		qx, qy, rest = ox+args[0], oy+args[1], args[2:]
	} else if pn.lastOp == 'Q' || pn.lastOp == 'T' {
		qx, qy = 2*x-pn.lastCtrlX, 2*y-pn.lastCtrlY
	} else {
		qx, qy = x, y
	}
	ex, ey := ox+rest[0], oy+rest[1]
	// A quadratic curve is the cubic with control points 2/3 of the way from each
	// end to the quadratic's one.
	pn.p.cubicTo(x+2*(qx-x)/3, y+2*(qy-y)/3, ex+2*(qx-ex)/3, ey+2*(qy-ey)/3, ex, ey)
	pn.x, pn.y = ex, ey
	pn.lastCtrlX, pn.lastCtrlY = qx, qy
}

// arc adds an elliptical arc from (x1, y1) to (x2, y2) given in SVG's endpoint form,
// as cubic curves of at most a quarter turn each (SVG 1.1, appendix F.6).
func (p *shape) arc(x1, y1, rx, ry, angle float64, large, sweep bool, x2, y2 float64) {
	if x1 == x2 && y1 == y2 {
		return
	}
	rx, ry = math.Abs(rx), math.Abs(ry)
	if rx == 0 || ry == 0 {
		p.lineTo(x2, y2)
		return
	}
	sinPhi, cosPhi := math.Sincos(angle * math.Pi / 180)
	dx, dy := (x1-x2)/2, (y1-y2)/2
	x1p := cosPhi*dx + sinPhi*dy
	y1p := -sinPhi*dx + cosPhi*dy
	// Radii too small to reach the end point are scaled up.
	if l := x1p*x1p/(rx*rx) + y1p*y1p/(ry*ry); l > 1 {
		rx, ry = rx*math.Sqrt(l), ry*math.Sqrt(l)
	}
	num := rx*rx*ry*ry - rx*rx*y1p*y1p - ry*ry*x1p*x1p
	den := rx*rx*y1p*y1p + ry*ry*x1p*x1p
	co := math.Sqrt(math.Max(0, num/den))
	if large == sweep {
		co = -co
	}
	cxp, cyp := co*rx*y1p/ry, -co*ry*x1p/rx
	cx := cosPhi*cxp - sinPhi*cyp + (x1+x2)/2
	cy := sinPhi*cxp + cosPhi*cyp + (y1+y2)/2
	vecAngle := func(ux, uy, vx, vy float64) float64 {
		return math.Atan2(ux*vy-uy*vx, ux*vx+uy*vy)
	}
	theta := vecAngle(1, 0, (x1p-cxp)/rx, (y1p-cyp)/ry)
	delta := vecAngle((x1p-cxp)/rx, (y1p-cyp)/ry, (-x1p-cxp)/rx, (-y1p-cyp)/ry)
	if !sweep && delta > 0 {
		delta -= 2 * math.Pi
	} else if sweep && delta < 0 {
		delta += 2 * math.Pi
	}
	n := int(math.Ceil(math.Abs(delta) / (math.Pi / 2)))
	step := delta / float64(n)
	k := 4.0 / 3 * math.Tan(step/4)
	point := func(t float64) (float64, float64, float64, float64) {
		s, c := math.Sincos(t)
		// The point on the ellipse and its derivative, rotated into place.
		px, py := rx*c, ry*s
		dx, dy := -rx*s, ry*c
		return cosPhi*px - sinPhi*py + cx, sinPhi*px + cosPhi*py + cy, cosPhi*dx - sinPhi*dy, sinPhi*dx + cosPhi*dy
	}
	for i := 0; i < n; i++ {
		t0, t1 := theta+float64(i)*step, theta+float64(i+1)*step
		ax, ay, adx, ady := point(t0)
		bx, by, bdx, bdy := point(t1)
		if i == n-1 {
			bx, by = x2, y2 // land exactly on the end point
		}
		p.cubicTo(ax+k*adx, ay+k*ady, bx-k*bdx, by-k*bdy, bx, by)
	}
}

func isCommand(c byte) bool { return strings.IndexByte("MmLlHhVvCcSsQqTtAaZz", c) >= 0 }

func upper(c byte) byte {
	if c >= 'a' {
		return c - 'a' + 'A'
	}
	return c
}

// pathScanner reads the numbers and flags of path data.
type pathScanner struct {
	s string
	i int
}

func (sc *pathScanner) done() bool { return sc.i >= len(sc.s) }
func (sc *pathScanner) peek() byte { return sc.s[sc.i] }

func (sc *pathScanner) skipSpace() {
	for !sc.done() && strings.IndexByte(" \t\r\n,", sc.peek()) >= 0 {
		sc.i++
	}
}

// number reads one number: sign, digits, a fraction and an exponent, each optional
// as SVG allows ("-1.5.5" is -1.5 then .5).
func (sc *pathScanner) number() (float64, bool) {
	sc.skipSpace()
	start := sc.i
	if !sc.done() && (sc.peek() == '+' || sc.peek() == '-') {
		sc.i++
	}
	digits := func() int {
		n := 0
		for !sc.done() && sc.peek() >= '0' && sc.peek() <= '9' {
			sc.i++
			n++
		}
		return n
	}
	n := digits()
	if !sc.done() && sc.peek() == '.' {
		sc.i++
		n += digits()
	}
	if n == 0 {
		sc.i = start
		return 0, false
	}
	if !sc.done() && (sc.peek() == 'e' || sc.peek() == 'E') {
		save := sc.i
		sc.i++
		if !sc.done() && (sc.peek() == '+' || sc.peek() == '-') {
			sc.i++
		}
		if digits() == 0 {
			sc.i = save
		}
	}
	v, err := strconv.ParseFloat(sc.s[start:sc.i], 64)
	return v, err == nil
}

// flag reads an arc flag, a single 0 or 1 that needs no separator.
func (sc *pathScanner) flag() (float64, bool) {
	sc.skipSpace()
	if sc.done() || (sc.peek() != '0' && sc.peek() != '1') {
		return 0, false
	}
	sc.i++
	return float64(sc.s[sc.i-1] - '0'), true
}

// numbers reads a list of numbers separated by spaces or commas.
func numbers(s string) []float64 {
	var out []float64
	sc := pathScanner{s: s}
	for {
		v, ok := sc.number()
		if !ok {
			return out
		}
		out = append(out, v)
	}
}

// length reads a length in user units; "px" is accepted, other units and
// percentages read as 0.
func length(s string) float64 {
	s = strings.TrimSuffix(strings.TrimSpace(s), "px")
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0
	}
	return v
}
