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
	fill := func(shape func(r *vector.Rasterizer), c image.Image) {
		r.Reset(size, size) // as new: one rasterizer for all ~70 shapes, not one each
		shape(r)
		r.Draw(img, img.Bounds(), c, image.Point{})
	}
	radius := float32(0)
	if rounded {
		radius = 7 * s
	}
	fill(func(r *vector.Rasterizer) { roundRect(r, float32(size), radius) }, image.NewUniform(teal))
	w := image.NewUniform(white)
	for _, line := range strokes {
		for i, p := range line {
			fill(func(r *vector.Rasterizer) { circle(r, p.x*s, p.y*s, strokeW*s/2) }, w)
			if i > 0 {
				q := line[i-1]
				fill(func(r *vector.Rasterizer) { segment(r, q, p, s) }, w)
			}
		}
	}
	fill(func(r *vector.Rasterizer) { circle(r, head.x*s, head.y*s, headRadius*s) }, w)
	return img
}

// segment adds the stroke's body between a and b (view box units, scaled by s).
func segment(r *vector.Rasterizer, a, b pt, s float32) {
	dx, dy := b.x-a.x, b.y-a.y
	n := float32(math.Hypot(float64(dx), float64(dy)))
	if n == 0 {
		return
	}
	ox, oy := -dy/n*strokeW/2, dx/n*strokeW/2
	r.MoveTo((a.x+ox)*s, (a.y+oy)*s)
	r.LineTo((b.x+ox)*s, (b.y+oy)*s)
	r.LineTo((b.x-ox)*s, (b.y-oy)*s)
	r.LineTo((a.x-ox)*s, (a.y-oy)*s)
	r.ClosePath()
}

// circle adds a circle as a 48-sided polygon.
func circle(r *vector.Rasterizer, cx, cy, radius float32) {
	const sides = 48
	for i := 0; i < sides; i++ {
		a := 2 * math.Pi * float64(i) / sides
		x, y := cx+radius*float32(math.Cos(a)), cy+radius*float32(math.Sin(a))
		if i == 0 {
			r.MoveTo(x, y)
		} else {
			r.LineTo(x, y)
		}
	}
	r.ClosePath()
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
