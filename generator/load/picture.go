package load

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/front"
	"github.com/stretchguide/stretchguide/generator/svgsafe"
)

// pictureTypes maps the endings a picture may have to the name of its type.
var pictureTypes = map[string]string{".svg": "SVG", ".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WebP"}

// Picture checks the picture src (below content/) that the image field file of d
// names: a visible file inside content/, an image by its ending and by its bytes,
// and, for an SVG, safe to publish as it is (package svgsafe). It reports each
// problem at the image line, and an SVG's own problems at their place in the SVG.
func Picture(fsys fs.FS, d *Document, file front.Str, src string, problems *diag.List) bool {
	errorAt := func(hint, format string, args ...any) {
		problems.Errorf(d.Display, file.Line, file.Col, hint, format, args...)
	}
	for _, seg := range strings.Split(src, "/") {
		if strings.HasPrefix(seg, ".") {
			errorAt("move the picture out of the hidden folder, next to the page, and give a name without a leading dot", "the image %q is a hidden file; hidden files are never published", file.V)
			return false
		}
	}
	kind, ok := pictureTypes[strings.ToLower(path.Ext(src))]
	if !ok {
		errorAt("use a picture saved as .svg, .png, .jpg or .webp", "the image %q is not a picture file", file.V)
		return false
	}
	b, size, err := ReadFile(fsys, src)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		errorAt("check the file name; the picture goes in the same folder as the page", "the image %q does not exist", file.V)
		return false
	case errors.Is(err, ErrOutside):
		errorAt("copy the picture into the content folder instead of linking to it", "the image %q is a link to a file outside the content folder", file.V)
		return false
	case errors.Is(err, ErrNotRegular):
		errorAt("replace it with an ordinary picture file", "the image %q is not a regular file", file.V)
		return false
	case err != nil:
		errorAt("check the file's permissions", "cannot read the image %q: %v", file.V, err)
		return false
	case size > MaxFileSize:
		errorAt("make the picture smaller; a few hundred kB is plenty", "the image %q is %d MB; pictures over %d MB are not published", file.V, size>>20, MaxFileSize>>20)
		return false
	}
	if kind == "SVG" {
		return safeSVG(d, file, src, b, problems)
	}
	if !hasMagic(kind, b) {
		errorAt("save it again as "+kind+" from your drawing program, or give the file the ending of its real type",
			"the image %q is not a %s picture: its bytes are something else", file.V, kind)
		return false
	}
	return true
}

// safeSVG reports what package svgsafe finds in an SVG picture, at its place in the
// picture, and once at the image line.
func safeSVG(d *Document, file front.Str, src string, b []byte, problems *diag.List) bool {
	found := svgsafe.Check(b)
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
