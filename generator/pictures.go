package generator

import (
	"bytes"
	"image"
	_ "image/jpeg" // the sizes of JPEG photos
	_ "image/png"  // and of PNG ones
	"io/fs"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/stretchguide/stretchguide/generator/front"
	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/images"
)

// This file holds a stretch's pictures: the image/image_alt pair and the images
// list, each checked as link.image does (picture.go), and the sizes of each photo
// (package images): a srcset of a few widths, resized when the site is rendered and
// kept by content hash beside the output, so rebuilds do not resize again.

// pictures reads a stretch's pictures: image first, then each of images.
func (l *linker) pictures(d *document, fm front.Stretch) []*guide.Image {
	var out []*guide.Image
	add := func(img *guide.Image) {
		if img != nil {
			l.sizePicture(img)
			out = append(out, img)
		}
	}
	if fm.Image.Set() {
		add(l.image(d, fm.Image, fm.ImageAlt))
	}
	for _, p := range fm.Images {
		if p.Alt.V == "" {
			l.errorAt(d, p.File.At, "add alt: with the position in words, such as `alt: Lying on your back with both knees bent`",
				"the picture %q needs a description in alt for people who cannot see it", p.File.V)
			continue
		}
		add(l.image(d, p.File, p.Alt))
	}
	return out
}

// sizePicture reads a photo's size from its header and plans its widths; an SVG, or
// a picture whose size cannot be read, keeps none.
func (l *linker) sizePicture(img *guide.Image) {
	if !images.Raster(strings.ToLower(path.Ext(img.Source))) {
		return
	}
	f, err := l.c.files.Open(img.Source)
	if err != nil {
		return
	}
	defer f.Close()
	cfg, _, err := image.DecodeConfig(f)
	if err != nil {
		return
	}
	for _, s := range images.Plan(img.URL, cfg.Width) {
		img.Sizes = append(img.Sizes, guide.ImageSize{Width: s.Width, URL: s.URL})
	}
	// The size published at URL: the photo's own, or the widest of the srcset.
	img.Width = img.Sizes[len(img.Sizes)-1].Width
	img.Height = max(1, (cfg.Height*img.Width+cfg.Width/2)/cfg.Width)
}

// addSizes writes each width of photo img, whose bytes are src, to out. The largest
// replaces the photo itself when the photo is wider.
func (ln *linked) addSizes(out output, img *guide.Image, src []byte) error {
	if len(img.Sizes) == 0 {
		return nil
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(src))
	if err != nil {
		return &fs.PathError{Op: "read", Path: img.Source, Err: err}
	}
	c := pictureCache(ln.pictureDir)
	for _, s := range img.Sizes {
		if s.Width == cfg.Width {
			continue // the photo as it is, already at its URL
		}
		b, err := c.Resize(src, s.Width)
		if err != nil {
			return &fs.PathError{Op: "resize", Path: img.Source, Err: err}
		}
		out[s.URL] = b
	}
	return nil
}

// The caches of resized photos: one in memory for builds without an output folder
// (check, tests of render), one per cache folder otherwise.
var (
	memPictures  images.Cache
	diskPictures sync.Map // folder -> *images.Cache
)

func pictureCache(dir string) *images.Cache {
	if dir == "" {
		return &memPictures
	}
	c, _ := diskPictures.LoadOrStore(dir, &images.Cache{Dir: dir})
	return c.(*images.Cache)
}

// pictureCacheDir is the folder beside the output folder out that keeps resized
// photos: .<out>.stretchguide-cache/images, next to the build's manifest and never
// inside what is published; "" when there is no output folder.
func pictureCacheDir(out string) string {
	if out == "" {
		return ""
	}
	out = filepath.Clean(out)
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".stretchguide-cache", "images")
}
