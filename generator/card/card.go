// Package card draws the site's pictures for other apps: the link preview card
// (og:image, 1200 x 630 PNG, the site title beside the icon) and the icon a phone puts
// on its home screen (apple-touch-icon, 180 x 180 PNG). Both are drawn in Go, with the
// Go fonts, so the same title always gives the same bytes.
package card

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// The sizes link previews and phones expect.
const (
	PreviewWidth  = 1200
	PreviewHeight = 630
	TouchSize     = 180
)

// The colours of the default look: the favicon's teal, its white figure, and a pale
// page behind the title.
var (
	teal  = color.RGBA{0x1f, 0x6f, 0x8b, 0xff}
	white = color.RGBA{0xff, 0xff, 0xff, 0xff}
	pale  = color.RGBA{0xee, 0xf6, 0xf8, 0xff}
	ink   = color.RGBA{0x1a, 0x2b, 0x33, 0xff}
)

// cache keeps each drawn picture, so a dev server's rebuilds draw it only once.
var cache sync.Map // key string -> []byte

func cached(key string, draw func() []byte) []byte {
	if b, ok := cache.Load(key); ok {
		return b.([]byte)
	}
	b := draw()
	cache.Store(key, b)
	return b
}

// Preview is the link preview card for a site called title: a PNG of PreviewWidth x
// PreviewHeight with the icon on the left and the title on the right.
func Preview(title string) []byte {
	return cached("preview\x00"+title, func() []byte {
		img := image.NewRGBA(image.Rect(0, 0, PreviewWidth, PreviewHeight))
		draw.Draw(img, img.Bounds(), image.NewUniform(pale), image.Point{}, draw.Src)
		const iconSize, margin = 300, 90
		icon := drawIcon(iconSize, true)
		top := (PreviewHeight - iconSize) / 2
		draw.Draw(img, image.Rect(margin, top, margin+iconSize, top+iconSize), icon, image.Point{}, draw.Over)
		left := margin + iconSize + 70
		writeTitle(img, title, left, PreviewWidth-margin-left)
		return encode(img)
	})
}

// TouchIcon is the home-screen icon: the favicon's figure filling a TouchSize square
// (phones round the corners themselves).
func TouchIcon() []byte {
	return cached("touch", func() []byte { return encode(drawIcon(TouchSize, false)) })
}

// writeTitle sets title in bold, wrapped to width, centred on the card's height.
func writeTitle(img *image.RGBA, title string, left, width int) {
	face := titleFace(72)
	lines := wrap(face, title, width)
	if len(lines) > 3 {
		face = titleFace(52)
		lines = wrap(face, title, width)
	}
	m := face.Metrics()
	lineHeight := (m.Ascent + m.Descent).Ceil() + 12
	y := (PreviewHeight-lineHeight*len(lines))/2 + m.Ascent.Ceil()
	d := font.Drawer{Dst: img, Src: image.NewUniform(ink), Face: face}
	for _, line := range lines {
		d.Dot = fixed.P(left, y)
		d.DrawString(line)
		y += lineHeight
	}
}

// titleFace is Go Bold at size points (72 dpi, so points are pixels).
func titleFace(size float64) font.Face {
	f, err := opentype.Parse(gobold.TTF)
	if err != nil {
		panic(err) // the font is compiled in
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		panic(err)
	}
	return face
}

// wrap breaks s into lines no wider than width, at spaces; a word wider than the
// line stands alone.
func wrap(face font.Face, s string, width int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		try := strings.TrimSpace(line + " " + word)
		if line != "" && font.MeasureString(face, try).Ceil() > width {
			lines = append(lines, line)
			try = word
		}
		line = try
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// encode writes img as a PNG; the encoder is deterministic.
func encode(img image.Image) []byte {
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.DefaultCompression}
	if err := enc.Encode(&b, img); err != nil {
		panic(err) // writing to memory does not fail
	}
	return b.Bytes()
}
