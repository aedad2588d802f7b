package images

import (
	"bytes"
	"image"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// photo is a JPEG of w x h with soft shapes and fine grain, as a camera gives.
func photo(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		row := img.Pix[y*img.Stride:]
		for x := 0; x < w; x++ {
			grain := (x*x*7 + y*13) % 9
			row[4*x] = uint8(x*200/w + grain)
			row[4*x+1] = uint8(y*200/h + grain)
			row[4*x+2] = uint8(((x/97)+(y/89))%2*120 + grain)
			row[4*x+3] = 255
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestPlanNeverUpscales(t *testing.T) {
	for _, c := range []struct {
		w    int
		want []Size
	}{
		{4032, []Size{{480, "s/b-480w.jpg"}, {800, "s/b-800w.jpg"}, {1200, "s/b.jpg"}}},
		{1000, []Size{{480, "s/b-480w.jpg"}, {800, "s/b-800w.jpg"}, {1000, "s/b.jpg"}}},
		{600, []Size{{480, "s/b-480w.jpg"}, {600, "s/b.jpg"}}},
		{300, []Size{{300, "s/b.jpg"}}},
		{0, nil},
	} {
		if got := Plan("s/b.jpg", c.w); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Plan(%d) = %v, want %v", c.w, got, c.want)
		}
	}
}

func TestPhoneSizedPhoto(t *testing.T) {
	src := photo(t, 4032, 3024)
	dir := filepath.Join(t.TempDir(), "cache")
	c := &Cache{Dir: dir}
	for _, w := range Widths {
		b, err := c.Resize(src, w)
		if err != nil {
			t.Fatal(err)
		}
		img, format, err := image.Decode(bytes.NewReader(b))
		if err != nil || format != "jpeg" {
			t.Fatalf("width %d: %v %s", w, err, format)
		}
		if got := img.Bounds(); got.Dx() != w || got.Dy() != w*3024/4032 {
			t.Errorf("resized to %dx%d, want %dx%d", got.Dx(), got.Dy(), w, w*3024/4032)
		}
	}
	p, err := c.Print(src)
	if err != nil {
		t.Fatal(err)
	}
	if cfg, err := jpeg.DecodeConfig(bytes.NewReader(p)); err != nil || cfg.Width != PrintWidth {
		t.Errorf("the print copy is %d wide (%v), want %d", cfg.Width, err, PrintWidth)
	}
	if len(p) > 200<<10 {
		t.Errorf("the print copy is %d kB", len(p)>>10)
	}
	// Same bytes again, from a fresh cache reading the folder, and from scratch.
	again, _ := (&Cache{Dir: dir}).Print(src)
	fresh, _ := (&Cache{}).Print(src)
	if !bytes.Equal(p, again) || !bytes.Equal(p, fresh) {
		t.Error("the print copy is not the same bytes each time")
	}
	files, _ := os.ReadDir(dir)
	if len(files) != len(Widths)+1 {
		t.Errorf("the cache folder holds %d files, want %d", len(files), len(Widths)+1)
	}
}

func TestCacheFolderIsUsed(t *testing.T) {
	src := photo(t, 900, 600)
	dir := t.TempDir()
	if _, err := (&Cache{Dir: dir}).Resize(src, 480); err != nil {
		t.Fatal(err)
	}
	files, _ := os.ReadDir(dir)
	if len(files) != 1 {
		t.Fatalf("%d files in the cache folder", len(files))
	}
	// A rebuild in a new process reads the file instead of resizing.
	marked := []byte("from the cache")
	if err := os.WriteFile(filepath.Join(dir, files[0].Name()), marked, 0o644); err != nil {
		t.Fatal(err)
	}
	if b, _ := (&Cache{Dir: dir}).Resize(src, 480); !bytes.Equal(b, marked) {
		t.Error("a fresh cache resized again instead of reading its folder")
	}
}

func TestPNGStaysPNGWithTransparency(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 1000, 500))
	var b bytes.Buffer
	_ = png.Encode(&b, img)
	out, err := (&Cache{}).Resize(b.Bytes(), 480)
	if err != nil {
		t.Fatal(err)
	}
	if _, format, _ := image.Decode(bytes.NewReader(out)); format != "png" {
		t.Errorf("a PNG became %s", format)
	}
	p, _ := (&Cache{}).Print(b.Bytes())
	if _, format, _ := image.Decode(bytes.NewReader(p)); format != "jpeg" {
		t.Errorf("the print copy is %s, want jpeg", format)
	}
}
