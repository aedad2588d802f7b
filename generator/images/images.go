// Package images makes the sizes of a stretch's photo that pages and handouts need: a
// few widths for a page's srcset (never wider than the photo) and one print-sized
// JPEG for the PDF handouts. SVG pictures need none of this and are left alone.
// Resampling uses golang.org/x/image/draw (Catmull-Rom) and the standard encoders, so
// the same photo always gives the same bytes. Results are kept by a hash of the
// photo's bytes, in memory and, when a folder is given, on disk, so a rebuild does
// not resize again.
package images

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"image/color"
	stddraw "image/draw"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"sync"

	"golang.org/x/image/draw"
)

// Widths are the widths, in pixels, a page's srcset offers.
var Widths = []int{480, 800, 1200}

// PrintWidth and PrintQuality make the handouts' copy: sharp on A4 at the size a
// step's picture prints, and small.
const (
	PrintWidth   = 1000
	PrintQuality = 80
	webQuality   = 82
)

// Size is one width of a photo on the site.
type Size struct {
	Width int
	URL   string // address relative to the site root
}

// Raster reports whether a picture file is a photo this package resizes, by its
// ending.
func Raster(ext string) bool {
	switch ext {
	case ".png", ".jpg", ".jpeg":
		return true
	}
	return false
}

// Plan gives the sizes a photo of width w gets on a page: each of Widths narrower
// than the photo, named after url ("bridge.jpg" -> "bridge-480w.jpg"), and the
// largest, the photo's width up to the widest of Widths, at url itself. A wider
// photo is never published at its full size.
func Plan(url string, w int) []Size {
	if w <= 0 {
		return nil
	}
	ext := filepath.Ext(url)
	base := url[:len(url)-len(ext)]
	largest := min(w, Widths[len(Widths)-1])
	var sizes []Size
	for _, width := range Widths {
		if width < largest {
			sizes = append(sizes, Size{Width: width, URL: base + "-" + strconv.Itoa(width) + "w" + ext})
		}
	}
	return append(sizes, Size{Width: largest, URL: url})
}

// Cache keeps resized photos by the hash of their source and the size asked for. The
// zero value keeps them in memory only; with Dir set, also in files there, which
// must not be inside the published folder.
type Cache struct {
	Dir string
	mem sync.Map // key -> []byte

	// last is the last photo decoded, already scaled to the widest of Widths: each
	// size of a photo is asked for in a row, and decoding and scaling a phone's
	// 12-megapixel photo once, not once per size, is most of the time saved.
	mu   sync.Mutex
	last struct {
		sum    [32]byte
		img    image.Image
		format string
	}
}

// decoded returns src decoded and scaled down to the widest of Widths.
func (c *Cache) decoded(src []byte, sum [32]byte) (image.Image, string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.last.img != nil && c.last.sum == sum {
		return c.last.img, c.last.format, nil
	}
	img, format, err := image.Decode(bytes.NewReader(src))
	if err != nil {
		return nil, "", fmt.Errorf("the picture cannot be read: %w", err)
	}
	img = scale(img, Widths[len(Widths)-1])
	c.last.sum, c.last.img, c.last.format = sum, img, format
	return img, format, nil
}

// Resize returns src (a PNG or JPEG) scaled to width, in src's own format (a PNG
// stays a PNG, for its transparency). It never makes a photo wider.
func (c *Cache) Resize(src []byte, width int) ([]byte, error) {
	return c.get(src, "w"+strconv.Itoa(width), func(img image.Image, format string) ([]byte, error) {
		img = scale(img, width)
		var b bytes.Buffer
		var err error
		if format == "png" {
			err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&b, img)
		} else {
			err = jpeg.Encode(&b, img, &jpeg.Options{Quality: webQuality})
		}
		return b.Bytes(), err
	})
}

// Print returns the handouts' copy of src: a JPEG PrintWidth wide (or narrower when
// the photo is), transparency laid on white.
func (c *Cache) Print(src []byte) ([]byte, error) {
	return c.get(src, "print", func(img image.Image, _ string) ([]byte, error) {
		img = scale(img, PrintWidth)
		flat := image.NewRGBA(img.Bounds())
		stddraw.Draw(flat, flat.Bounds(), image.NewUniform(color.White), image.Point{}, stddraw.Src)
		stddraw.Draw(flat, flat.Bounds(), img, img.Bounds().Min, stddraw.Over)
		var b bytes.Buffer
		err := jpeg.Encode(&b, flat, &jpeg.Options{Quality: PrintQuality})
		return b.Bytes(), err
	})
}

// get returns the cached result of make for src and what, or makes and keeps it.
func (c *Cache) get(src []byte, what string, make func(image.Image, string) ([]byte, error)) ([]byte, error) {
	sum := sha256.Sum256(src)
	key := hex.EncodeToString(sum[:16]) + "-" + what
	if b, ok := c.mem.Load(key); ok {
		return b.([]byte), nil
	}
	file := ""
	if c.Dir != "" {
		file = filepath.Join(c.Dir, key)
		if b, err := os.ReadFile(file); err == nil {
			c.mem.Store(key, b)
			return b, nil
		}
	}
	img, format, err := c.decoded(src, sum)
	if err != nil {
		return nil, err
	}
	b, err := make(img, format)
	if err != nil {
		return nil, err
	}
	c.mem.Store(key, b)
	if file != "" {
		// The disk copy only saves time: a folder that cannot be written is no error.
		if os.MkdirAll(c.Dir, 0o755) == nil {
			tmp := file + ".tmp" + strconv.Itoa(os.Getpid())
			if os.WriteFile(tmp, b, 0o644) == nil {
				_ = os.Rename(tmp, file)
			}
		}
	}
	return b, nil
}

// scale returns img at width pixels wide, keeping its proportions; img itself when
// it is not wider.
func scale(img image.Image, width int) image.Image {
	b := img.Bounds()
	if b.Dx() <= width {
		return img
	}
	h := max(1, (b.Dy()*width+b.Dx()/2)/b.Dx())
	dst := image.NewRGBA(image.Rect(0, 0, width, h))
	draw.CatmullRom.Scale(dst, dst.Bounds(), img, b, draw.Src, nil)
	return dst
}
