package generator

import (
	"bytes"
	"image"
	"image/jpeg"
	"image/png"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/link"
	"github.com/stretchguide/stretchguide/generator/load"
)

// phonePhoto is a JPEG the size of a phone camera's photo, 4032 x 3024.
func phonePhoto(t *testing.T) []byte {
	t.Helper()
	const w, h = 4032, 3024
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		row := img.Pix[y*img.Stride:]
		for x := 0; x < w; x++ {
			grain := (x*x*7 + y*13) % 9
			row[4*x], row[4*x+1], row[4*x+2], row[4*x+3] = uint8(x*200/w+grain), uint8(y*200/h+grain), uint8(((x/97)+(y/89))%2*120+grain), 255
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// siteWithPhotos gives the test site's bridge a start and an end picture: a phone
// photo and the SVG it had.
func siteWithPhotos(t *testing.T, images string) string {
	t.Helper()
	dir := copySite(t)
	if err := os.WriteFile(filepath.Join(dir, "stretches", "bridge-start.jpg"), phonePhoto(t), 0o644); err != nil {
		t.Fatal(err)
	}
	md := filepath.Join(dir, "stretches", "bridge.md")
	b, _ := os.ReadFile(md)
	s := strings.Replace(string(b), "image: bridge.svg\nimage_alt: Lying on your back with hips lifted.\n", images, 1)
	if err := os.WriteFile(md, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

const twoPictures = "images:\n  - {file: bridge-start.jpg, alt: Lying on your back with knees bent.}\n  - {file: bridge.svg, alt: Lying on your back with hips lifted.}\n"

// A phone's photo is published in a few widths with srcset, never at its full size,
// and the handout that shows it stays small.
func TestPhotoResizedWithSrcsetAndSmallHandout(t *testing.T) {
	dir := siteWithPhotos(t, twoPictures)
	outDir := buildContent(t, dir, Options{BaseURL: handoutBase})
	out := readTree(t, outDir)
	page := string(out["stretches/bridge/index.html"])
	for _, want := range []string{
		`<img src="../../stretches/bridge/bridge-start.jpg" srcset="../../stretches/bridge/bridge-start-480w.jpg 480w, ../../stretches/bridge/bridge-start-800w.jpg 800w, ../../stretches/bridge/bridge-start.jpg 1200w" sizes="(min-width: 34rem) 30rem, 100vw" alt="Lying on your back with knees bent." width="1200" height="900">`,
		`<img src="../../stretches/bridge/bridge.svg" alt="Lying on your back with hips lifted." width="480" height="320">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the bridge page lacks %s", want)
		}
	}
	// A link preview shows the photo, at the size published.
	if want := `<meta property="og:image" content="` + handoutBase + `stretches/bridge/bridge-start.jpg">
<meta property="og:image:width" content="1200">
<meta property="og:image:height" content="900">`; !strings.Contains(page, want) {
		t.Errorf("the bridge page lacks %s", want)
	}
	for file, width := range map[string]int{"bridge-start-480w.jpg": 480, "bridge-start-800w.jpg": 800, "bridge-start.jpg": 1200} {
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(out["stretches/bridge/"+file]))
		if err != nil || cfg.Width != width {
			t.Errorf("%s is %d wide (%v), want %d", file, cfg.Width, err, width)
		}
	}
	if n := len(out["routines/bedtime.pdf"]); n == 0 || n > 200<<10 {
		t.Errorf("the bedtime handout, which shows the photo, is %d kB, want under 200 kB", n>>10)
	}
	cache := filepath.Join(filepath.Dir(outDir), ".public.stretchguide-cache", "images")
	if files, _ := os.ReadDir(cache); len(files) == 0 {
		t.Errorf("no resized photo kept in %s", cache)
	}
	for p := range out {
		if strings.Contains(p, "stretchguide-cache") {
			t.Errorf("the cache is published: %s", p)
		}
	}
}

func TestEachPictureIsChecked(t *testing.T) {
	for _, c := range []struct{ name, images, want string }{
		{"no alt", "images:\n  - {file: bridge-start.jpg}\n", "alt"},
		{"missing file", "images:\n  - {file: bridge-end.png, alt: Hips up.}\n", `"bridge-end.png" does not exist`},
		{"hidden file", "images:\n  - {file: .secret.png, alt: Hips up.}\n", "hidden"},
		{"outside", "images:\n  - {file: ../../x.png, alt: Hips up.}\n", "outside the content folder"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := siteWithPhotos(t, c.images)
			var b bytes.Buffer
			_ = png.Encode(&b, image.NewGray(image.Rect(0, 0, 4, 4)))
			_ = os.WriteFile(filepath.Join(dir, "stretches", ".secret.png"), b.Bytes(), 0o644)
			list := Check(Options{Content: dir, Out: filepath.Join(t.TempDir(), "public")})
			found := false
			for _, d := range list {
				if strings.HasSuffix(d.Path, "bridge.md") && strings.Contains(d.Message, c.want) {
					found = true
				}
			}
			if list.Errors() == 0 || !found {
				t.Errorf("want an error at bridge.md mentioning %s, got %v", c.want, list)
			}
		})
	}
}

// noPictures is a folder whose pictures can no longer be read.
type noPictures struct{ fs.FS }

func (f noPictures) Open(name string) (fs.File, error) {
	if ext := path.Ext(name); ext == ".jpg" || ext == ".svg" {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f.FS.Open(name)
}

// Loading checks the pictures and reads the sizes of photos, once for each change of
// the file: linking, which runs after every save, reads no picture again.
func TestLinkReadsNoPicture(t *testing.T) {
	dir := siteWithPhotos(t, twoPictures)
	var problems diag.List
	c := load.Load(os.DirFS(dir), "content", load.NewParser(), &problems)
	c.Files = noPictures{c.Files}
	ln := link.Link(c, "", &problems)
	if problems.Errors() > 0 {
		t.Fatalf("linking read the pictures again:\n%s", list(problems))
	}
	for _, img := range ln.Images {
		if img.Source == "stretches/bridge-start.jpg" && img.Width != 1200 {
			t.Errorf("the photo is published %d wide, want 1200", img.Width)
		}
	}
}
