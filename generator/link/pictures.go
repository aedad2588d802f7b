package link

import (
	"path"
	"strings"

	"github.com/stretchguide/stretchguide/generator/front"
	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/images"
	"github.com/stretchguide/stretchguide/generator/load"
)

// This file holds a stretch's pictures: the image/image_alt pair and the images
// list, each checked as image does, and the widths each photo is published in
// (package images). Render makes those widths (render/pictures.go).

// pictures reads a stretch's pictures: image first, then each of images.
func (l *linker) pictures(d *load.Document, fm *front.Stretch) []*guide.Image {
	var out []*guide.Image
	add := func(img *guide.Image) {
		if img != nil {
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

// sizePicture plans a photo's widths from the size loading read from its header; an
// SVG, or a picture whose size could not be read, keeps none.
func sizePicture(img *guide.Image, pf *load.PictureFile) {
	if !images.Raster(strings.ToLower(path.Ext(img.Source))) || !pf.Sized {
		return
	}
	for _, s := range images.Plan(img.URL, pf.Width) {
		img.Sizes = append(img.Sizes, guide.ImageSize{Width: s.Width, URL: s.URL})
	}
	// The size published at URL: the photo's own, or the widest of the srcset.
	img.Width = img.Sizes[len(img.Sizes)-1].Width
	img.Height = max(1, (pf.Height*img.Width+pf.Width/2)/pf.Width)
}
