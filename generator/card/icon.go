package card

import (
	"image"
	"math"

	"golang.org/x/image/vector"
)

// The favicon's figure in its 32 x 32 view box (layouts/favicon.svg): a stretching
// person as three round-capped strokes and a head.
var (
	strokes = [][]pt{
		{{10, 28}, {14, 20}, {18, 28}},
		quad(pt{14, 20}, pt{14, 14}, pt{18, 11}),
		quad(pt{15.5, 15}, pt{12.5, 4}, pt{25.5, 5}),
	}
	head       = pt{20.5, 9.5}
	headRadius = float32(2.8)
	strokeW    = float32(2.8)
)

type pt struct{ x, y float32 }

// quad samples the quadratic curve from a through control c to b as a polyline.
func quad(a, c, b pt) []pt {
	const steps = 16
	ps := make([]pt, 0, steps+1)
	for i := 0; i <= steps; i++ {
		t := float32(i) / steps
		u := 1 - t
		ps = append(ps, pt{u*u*a.x + 2*u*t*c.x + t*t*b.x, u*u*a.y + 2*u*t*c.y + t*t*b.y})
	}
	return ps
}

// drawIcon draws the favicon at size x size pixels: a teal square (with the
// favicon's rounded corners when rounded) and the white figure.
func drawIcon(size int, rounded bool) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	s := float32(size) / 32
	r := vector.NewRasterizer(size, size)
	radius := float32(0)
	if rounded {
		radius = 7 * s
	}
	roundRect(r, float32(size), radius)
	r.Draw(img, img.Bounds(), image.NewUniform(teal), image.Point{})
	w := image.NewUniform(white)
	for _, line := range strokes {
		for i, p := range line {
			fill(r, img, circle(p.x*s, p.y*s, strokeW*s/2), w)
			if i > 0 {
				fill(r, img, segment(line[i-1], p, s), w)
			}
		}
	}
	fill(r, img, circle(head.x*s, head.y*s, headRadius*s), w)
	return img
}

// polygon is a closed shape of straight edges, in pixels.
type polygon []pt

// fill paints polygon p with c on img, through r, over only the pixels of p's
// bounding box: the figure is some 70 small shapes, and painting each over the
// whole picture (a pixel outside a shape is left as it is) was close to half of
// what a build of a small guide took. Moved by whole pixels, a shape covers each
// pixel exactly as much as before.
func fill(r *vector.Rasterizer, img *image.RGBA, p polygon, c image.Image) {
	if len(p) == 0 {
		return
	}
	lo, hi := p[0], p[0]
	for _, q := range p[1:] {
		lo.x, lo.y = min(lo.x, q.x), min(lo.y, q.y)
		hi.x, hi.y = max(hi.x, q.x), max(hi.y, q.y)
	}
	box := image.Rect(int(math.Floor(float64(lo.x))), int(math.Floor(float64(lo.y))),
		int(math.Ceil(float64(hi.x))), int(math.Ceil(float64(hi.y)))).Intersect(img.Bounds())
	if box.Empty() {
		return
	}
	r.Reset(box.Dx(), box.Dy()) // as new: one rasterizer for all the shapes, not one each
	dx, dy := float32(box.Min.X), float32(box.Min.Y)
	r.MoveTo(p[0].x-dx, p[0].y-dy)
	for _, q := range p[1:] {
		r.LineTo(q.x-dx, q.y-dy)
	}
	r.ClosePath()
	r.Draw(img, box, c, image.Point{})
}

// segment is the stroke's body between a and b (view box units, scaled by s).
func segment(a, b pt, s float32) polygon {
	dx, dy := b.x-a.x, b.y-a.y
	n := float32(math.Hypot(float64(dx), float64(dy)))
	if n == 0 {
		return nil
	}
	ox, oy := -dy/n*strokeW/2, dx/n*strokeW/2
	return polygon{{(a.x + ox) * s, (a.y + oy) * s}, {(b.x + ox) * s, (b.y + oy) * s},
		{(b.x - ox) * s, (b.y - oy) * s}, {(a.x - ox) * s, (a.y - oy) * s}}
}

// circle is a circle as a 48-sided polygon.
func circle(cx, cy, radius float32) polygon {
	const sides = 48
	p := make(polygon, sides)
	for i := range p {
		a := 2 * math.Pi * float64(i) / sides
		p[i] = pt{cx + radius*float32(math.Cos(a)), cy + radius*float32(math.Sin(a))}
	}
	return p
}

// roundRect adds a size x size square whose corners are rounded by radius.
func roundRect(r *vector.Rasterizer, size, radius float32) {
	k := radius * 0.5523 // control distance for a quarter circle
	r.MoveTo(radius, 0)
	r.LineTo(size-radius, 0)
	r.CubeTo(size-radius+k, 0, size, radius-k, size, radius)
	r.LineTo(size, size-radius)
	r.CubeTo(size, size-radius+k, size-radius+k, size, size-radius, size)
	r.LineTo(radius, size)
	r.CubeTo(radius-k, size, 0, size-radius+k, 0, size-radius)
	r.LineTo(0, radius)
	r.CubeTo(0, radius-k, radius-k, 0, radius, 0)
	r.ClosePath()
}
