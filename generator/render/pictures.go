package render

import (
	"bytes"
	"image"
	_ "image/jpeg" // the sizes of JPEG photos
	_ "image/png"  // and of PNG ones
	"io/fs"
	"sync"

	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/images"
)

// This file makes the widths of each photo that link planned (link/pictures.go) for
// its srcset (package images). A photo is resized once and kept by content hash, in
// memory and, when Options.PictureCache names a folder, in files there, so rebuilds
// do not resize again.

// addSizes writes each width of photo img, whose bytes are src, to out. The largest
// replaces the photo itself when the photo is wider.
func (r *run) addSizes(out map[string][]byte, img *guide.Image, src []byte) error {
	if len(img.Sizes) == 0 {
		return nil
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(src))
	if err != nil {
		return &fs.PathError{Op: "read", Path: img.Source, Err: err}
	}
	c := pictureCache(r.opts.PictureCache)
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

// The caches of resized photos: one in memory for renders without a cache folder
// (check, serve, tests of render), one per cache folder otherwise.
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
