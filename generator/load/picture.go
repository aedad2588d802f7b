package load

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // the sizes of JPEG photos
	_ "image/png"  // and of PNG ones
	"io/fs"
	"path"
	"strings"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/front"
	"github.com/stretchguide/stretchguide/generator/images"
	"github.com/stretchguide/stretchguide/generator/svgsafe"
)

// pictureTypes maps the endings a picture may have to the name of its type.
var pictureTypes = map[string]string{".svg": "SVG", ".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WebP"}

// PictureFile is what loading found in a picture file of content/ (an .svg, .png,
// .jpg, .jpeg or .webp file), so that linking, which checks every picture a page
// names, reads none of them again while they stay the same.
type PictureFile struct {
	err    error // from reading it
	size   int64
	magic  bool              // its bytes start as its ending says (not for an SVG)
	unsafe []svgsafe.Problem // what package svgsafe finds in an SVG
	// Sized says that Width and Height, a PNG or JPEG photo's size, were read from
	// its header.
	Sized         bool
	Width, Height int
	data          []byte // the file's bytes, when it could be read
}

// Bytes returns the picture file's bytes as loading read them, or nil when it could
// not read them. The bytes must not be changed.
func (pf *PictureFile) Bytes() []byte {
	if pf == nil {
		return nil
	}
	return pf.data
}

// isPicture says whether a content path has the ending of a picture.
func isPicture(p string) bool { _, ok := pictureTypes[strings.ToLower(path.Ext(p))]; return ok }

// readPicture reads and checks the picture file p of fsys.
func readPicture(fsys fs.FS, p string) *PictureFile {
	ext := strings.ToLower(path.Ext(p))
	b, size, err := ReadFile(fsys, p)
	pf := &PictureFile{err: err, size: size}
	if err != nil || size > MaxFileSize {
		return pf
	}
	pf.data = b
	if kind := pictureTypes[ext]; kind == "SVG" {
		pf.unsafe = svgsafe.Check(b)
	} else {
		pf.magic = hasMagic(kind, b)
	}
	if images.Raster(ext) {
		if cfg, _, err := image.DecodeConfig(bytes.NewReader(b)); err == nil {
			pf.Sized, pf.Width, pf.Height = true, cfg.Width, cfg.Height
		}
	}
	return pf
}

// Picture checks the picture src (below content/) that the image field file of d
// names: a visible file inside content/, an image by its ending and by its bytes,
// and, for an SVG, safe to publish as it is (package svgsafe). It reports each
// problem at the image line, and an SVG's own problems at their place in the SVG.
// It takes what loading found from c.Pictures, and reads fsys only for a picture
// loading did not list. It returns nil when the picture cannot be published.
func Picture(c *Content, d *Document, file front.Str, src string, problems *diag.List) *PictureFile {
	errorAt := func(hint, format string, args ...any) {
		problems.Errorf(d.Display, file.Line, file.Col, hint, format, args...)
	}
	for _, seg := range strings.Split(src, "/") {
		if strings.HasPrefix(seg, ".") {
			errorAt("move the picture out of the hidden folder, next to the page, and give a name without a leading dot", "the image %q is a hidden file; hidden files are never published", file.V)
			return nil
		}
	}
	kind, ok := pictureTypes[strings.ToLower(path.Ext(src))]
	if !ok {
		errorAt("use a picture saved as .svg, .png, .jpg or .webp", "the image %q is not a picture file", file.V)
		return nil
	}
	pf := c.Pictures[src]
	if pf == nil {
		pf = readPicture(c.Files, src)
	}
	switch err := pf.err; {
	case errors.Is(err, fs.ErrNotExist):
		errorAt("check the file name; the picture goes in the same folder as the page", "the image %q does not exist", file.V)
		return nil
	case errors.Is(err, ErrOutside):
		errorAt("copy the picture into the content folder instead of linking to it", "the image %q is a link to a file outside the content folder", file.V)
		return nil
	case errors.Is(err, ErrNotRegular):
		errorAt("replace it with an ordinary picture file", "the image %q is not a regular file", file.V)
		return nil
	case err != nil:
		errorAt("check the file's permissions", "cannot read the image %q: %v", file.V, err)
		return nil
	case pf.size > MaxFileSize:
		errorAt("make the picture smaller; a few hundred kB is plenty", "the image %q is %d MB; pictures over %d MB are not published", file.V, pf.size>>20, MaxFileSize>>20)
		return nil
	}
	if kind == "SVG" {
		if !safeSVG(d, file, src, pf.unsafe, problems) {
			return nil
		}
		return pf
	}
	if !pf.magic {
		errorAt("save it again as "+kind+" from your drawing program, or give the file the ending of its real type",
			"the image %q is not a %s picture: its bytes are something else", file.V, kind)
		return nil
	}
	return pf
}

// safeSVG reports what package svgsafe finds in an SVG picture, at its place in the
// picture, and once at the image line.
func safeSVG(d *Document, file front.Str, src string, found []svgsafe.Problem, problems *diag.List) bool {
	if len(found) == 0 {
		return true
	}
	shown := strings.TrimSuffix(d.Display, d.Path) + src
	for _, p := range found {
		problems.Errorf(shown, p.Line, p.Col, p.Fix, "%s", p.Message)
	}
	problems.Errorf(d.Display, file.Line, file.Col, "fix the problems reported in "+shown+", then build again", "the image %q is not a safe SVG picture, so it is not published", file.V)
	return false
}

// hasMagic says whether b starts as a picture of the kind does.
func hasMagic(kind string, b []byte) bool {
	switch kind {
	case "PNG":
		return bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n"))
	case "JPEG":
		return bytes.HasPrefix(b, []byte{0xff, 0xd8, 0xff})
	case "WebP":
		return len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WEBP"
	}
	return false
}

// PictureError says in plain words why b, the bytes of the picture file name, would
// not be published: not a picture by its ending or its bytes, too large, or an SVG
// that package svgsafe refuses (its first problem, at its line). It is nil when the
// build would publish it. serve checks a picture with it before saving one from the
// browser editor.
func PictureError(name string, b []byte) error {
	kind, ok := pictureTypes[strings.ToLower(path.Ext(name))]
	switch {
	case !ok:
		return fmt.Errorf("%s is not a picture file; use a picture saved as .svg, .png, .jpg or .webp", name)
	case len(b) > MaxFileSize:
		return fmt.Errorf("%s is %d MB; pictures over %d MB are not published: make it smaller", name, len(b)>>20, MaxFileSize>>20)
	case kind == "SVG":
		if found := svgsafe.Check(b); len(found) > 0 {
			p := found[0]
			return fmt.Errorf("%s:%d:%d: %s; %s", name, p.Line, p.Col, p.Message, p.Fix)
		}
	case !hasMagic(kind, b):
		return fmt.Errorf("%s is not a %s picture: its bytes are something else; save it again as %s, or give it the ending of its real type", name, kind, kind)
	}
	return nil
}
