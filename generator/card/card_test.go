package card

import (
	"bytes"
	"image"
	"image/png"
	"testing"

	"golang.org/x/image/vector"
)

func TestPicturesHaveTheSizesAppsExpect(t *testing.T) {
	for _, c := range []struct {
		name string
		b    []byte
		w, h int
	}{
		{"preview", Preview("Stretching for back pain"), PreviewWidth, PreviewHeight},
		{"long title", Preview("A very long site title that needs more than one line to fit on the card at all"), 1200, 630},
		{"touch icon", TouchIcon(), 180, 180},
	} {
		img, err := png.Decode(bytes.NewReader(c.b))
		if err != nil {
			t.Fatalf("%s: not a PNG: %v", c.name, err)
		}
		if b := img.Bounds(); b.Dx() != c.w || b.Dy() != c.h {
			t.Errorf("%s is %dx%d, want %dx%d", c.name, b.Dx(), b.Dy(), c.w, c.h)
		}
	}
}

func TestPicturesAreTheSameEachTime(t *testing.T) {
	a := Preview("Stretching for back pain")
	cache.Clear()
	if b := Preview("Stretching for back pain"); !bytes.Equal(a, b) {
		t.Error("drawing the same card twice gave different bytes")
	}
	if bytes.Equal(a, Preview("Another title")) {
		t.Error("the card does not change with the title")
	}
	t1 := TouchIcon()
	cache.Clear()
	if !bytes.Equal(t1, TouchIcon()) {
		t.Error("drawing the touch icon twice gave different bytes")
	}
}

func TestPreviewShowsTheIconAndTheTitle(t *testing.T) {
	img, _ := png.Decode(bytes.NewReader(Preview("Stretching")))
	at := func(x, y int) [3]uint32 {
		r, g, b, _ := img.At(x, y).RGBA()
		return [3]uint32{r >> 8, g >> 8, b >> 8}
	}
	if c := at(100, 200); c != [3]uint32{0x1f, 0x6f, 0x8b} {
		t.Errorf("the icon's corner is %x, want the favicon's teal", c)
	}
	dark := 0
	for x := 460; x < 1110; x++ {
		for y := 200; y < 430; y++ {
			if c := at(x, y); c[0] < 0x60 {
				dark++
			}
		}
	}
	if dark < 1000 {
		t.Errorf("only %d dark pixels where the title should be", dark)
	}
}

// The figure is painted shape by shape over only each shape's bounding box (fill);
// painted over the whole picture instead, as the rasterizer is usually used, every
// pixel must come out the same.
func TestIconIsAsIfEachShapeCoveredThePicture(t *testing.T) {
	for _, size := range []int{32, TouchSize, 300, 512} {
		want := image.NewRGBA(image.Rect(0, 0, size, size))
		r := vector.NewRasterizer(size, size)
		roundRect(r, float32(size), 7*float32(size)/32)
		r.Draw(want, want.Bounds(), image.NewUniform(teal), image.Point{})
		whole := func(p polygon) {
			if len(p) == 0 {
				return
			}
			r.Reset(size, size)
			r.MoveTo(p[0].x, p[0].y)
			for _, q := range p[1:] {
				r.LineTo(q.x, q.y)
			}
			r.ClosePath()
			r.Draw(want, want.Bounds(), image.NewUniform(white), image.Point{})
		}
		s := float32(size) / 32
		for _, line := range strokes {
			for i, p := range line {
				whole(circle(p.x*s, p.y*s, strokeW*s/2))
				if i > 0 {
					whole(segment(line[i-1], p, s))
				}
			}
		}
		whole(circle(head.x*s, head.y*s, headRadius*s))
		if got := drawIcon(size, true); !bytes.Equal(got.Pix, want.Pix) {
			t.Errorf("the %d-pixel icon differs from the figure painted over the whole picture", size)
		}
	}
}
