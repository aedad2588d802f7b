package pdfdoc

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"sync"
	"testing"

	"github.com/stretchguide/stretchguide/internal/pdftest"
)

// picture encodes a small picture as PNG (with a transparent corner when alpha)
// or JPEG.
func picture(t testing.TB, kind string, alpha bool) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 30, 20))
	for y := range 20 {
		for x := range 30 {
			img.SetNRGBA(x, y, color.NRGBA{uint8(8 * x), uint8(12 * y), 90, 255})
		}
	}
	if alpha {
		img.SetNRGBA(0, 0, color.NRGBA{})
	}
	var b bytes.Buffer
	var err error
	if kind == "png" {
		err = png.Encode(&b, img)
	} else {
		err = jpeg.Encode(&b, img, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// sample draws two pages with each thing the writer does, and a footer added to
// page 1 after page 2 was drawn, as the handouts do.
func sample(t testing.TB, fonts map[string]*Font, pictures [][]byte) []byte {
	t.Helper()
	d := New(210, 297)
	d.SetInfo(Info{Title: "Knee hug | Guide für alle", Subject: "Two steps.", Author: "Guide",
		Creator: "stretchguide", Producer: "stretchguide", Lang: "en-GB",
		Created: "D:20260309000000", Modified: "D:20260309000000"})
	d.AddPage()
	d.SetFont(fonts[""], 12)
	d.SetTextColor(29, 29, 31)
	d.Text(20, 30, "Hello “handout” – café")
	d.SetFont(fonts["B"], 10)
	d.Text(20, 40, "Bold line")
	d.SetFont(fonts["I"], 9)
	d.SetTextColor(138, 75, 0)
	d.Text(20, 50, "Italic line")
	d.Link(20, 45, 40, 6, "https://example.org/guide/(a)")
	d.SetFillColor(255, 244, 229)
	d.SetDrawColor(138, 75, 0)
	d.SetLineWidth(0.5)
	d.Rect(20, 60, 100, 20, "FD")
	d.Line(20, 90, 190, 90)
	d.SetAlpha(0.5)
	d.SetDash([]float64{1, 2}, 0.5)
	d.SetLineCap("round")
	d.SetLineJoin("bevel")
	d.MoveTo(30, 100)
	d.LineTo(60, 100)
	d.CurveTo(70, 110, 70, 120, 60, 130)
	d.ClosePath()
	d.DrawPath("B*")
	d.SetAlpha(1)
	for i, p := range pictures {
		kind := "png"
		if p[0] == 0xFF {
			kind = "jpg"
		}
		img, err := d.RegisterImage(kind, p)
		if err != nil {
			t.Fatal(err)
		}
		d.DrawImage(img, 20+float64(i)*35, 150, 30, 20)
	}
	d.AddPage()
	d.SetFont(fonts[""], 12)
	d.Text(20, 30, "Page two")
	d.SetPage(1)
	d.SetFont(fonts[""], 8)
	d.Text(20, 280, "Footer of page 1 of 2")
	var b bytes.Buffer
	if err := d.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestSameBytes: the same drawing gives the same bytes, also when documents are
// made on many goroutines at once from the shared fonts.
func TestSameBytes(t *testing.T) {
	fonts := goFonts(t)
	pics := [][]byte{picture(t, "png", true), picture(t, "jpg", false)}
	first := sample(t, fonts, pics)
	if !bytes.Equal(first, sample(t, fonts, pics)) {
		t.Fatal("the same drawing gave different bytes")
	}
	var wg sync.WaitGroup
	outs := make([][]byte, 8)
	for i := range outs {
		wg.Go(func() { outs[i] = sample(t, fonts, pics) })
	}
	wg.Wait()
	for i, b := range outs {
		if !bytes.Equal(b, first) {
			t.Errorf("document %d made in parallel differs from the one made alone", i)
		}
	}
}

// TestPopplerReadsIt reads a document as pdfinfo and pdftotext do: pages, size,
// metadata, and the text as it was drawn, with each word where it was put.
func TestPopplerReadsIt(t *testing.T) {
	b := sample(t, goFonts(t), [][]byte{picture(t, "png", false)})
	info := pdftest.Info(t, b)
	for key, want := range map[string]string{
		"Title": "Knee hug | Guide für alle", "Subject": "Two steps.", "Author": "Guide",
		"Creator": "stretchguide", "Producer": "stretchguide", "Pages": "2",
		"Page size": "595.28 x 841.89 pts (A4)", "PDF version": "1.7",
	} {
		if info[key] != want {
			t.Errorf("pdfinfo %s: %q, want %q", key, info[key], want)
		}
	}
	if !strings.Contains(info["CreationDate"], "Mar  9") || !strings.Contains(info["CreationDate"], "2026") {
		t.Errorf("pdfinfo CreationDate %q, want 9 March 2026", info["CreationDate"])
	}
	d := pdftest.Read(t, b)
	want := []string{"Hello “handout” – café Bold line Italic line Footer of page 1 of 2", "Page two"}
	for i, p := range d.Pages {
		if p.Text != want[i] {
			t.Errorf("page %d reads %q, want %q", i+1, p.Text, want[i])
		}
	}
	if w := d.Pages[0].Words[0]; w.XMin < 56.6 || w.XMin > 56.8 || w.YMax < 80 || w.YMax > 88 {
		t.Errorf("the first word is at x %.1f, bottom %.1f pt; want 56.7 (20 mm) and about 85 (30 mm)", w.XMin, w.YMax)
	}
	for _, s := range []string{"/Lang (en-GB)", "/URI (https://example.org/guide/\\(a\\))", "/CreationDate (D:20260309000000)"} {
		if !bytes.Contains(b, []byte(s)) {
			t.Errorf("the file lacks %s", s)
		}
	}
}

func TestImages(t *testing.T) {
	d := New(210, 297)
	d.SetCompression(false)
	jpg := picture(t, "jpg", false)
	a, err := d.RegisterImage("jpg", jpg)
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := d.RegisterImage("jpg", jpg); again != a {
		t.Error("the same picture was registered twice")
	}
	if a.Width != 30 || a.Height != 20 {
		t.Errorf("JPEG size %dx%d, want 30x20", a.Width, a.Height)
	}
	if _, err := d.RegisterImage("png", picture(t, "png", true)); err != nil {
		t.Fatal(err)
	}
	if _, err := d.RegisterImage("gif", jpg); err == nil || !strings.Contains(err.Error(), "JPEG or PNG") {
		t.Errorf("a GIF gave %v, want an error that names JPEG and PNG", err)
	}
	if _, err := d.RegisterImage("png", jpg); err == nil {
		t.Error("JPEG bytes read as PNG gave no error")
	}
	d.AddPage()
	d.DrawImage(a, 10, 10, 30, 20)
	var b bytes.Buffer
	if err := d.Output(&b); err != nil {
		t.Fatal(err)
	}
	out := b.Bytes()
	if !bytes.Contains(out, jpg) || !bytes.Contains(out, []byte("/Filter /DCTDecode")) {
		t.Error("the JPEG is not embedded as it is")
	}
	if n := bytes.Count(out, []byte("/SMask")); n != 1 {
		t.Errorf("%d soft masks, want 1 for the PNG with a transparent pixel", n)
	}
	if !bytes.Contains(out, []byte("q 85.04 0 0 56.69 28.35 756.85 cm /I1 Do Q")) {
		t.Errorf("the picture is not drawn at 10, 10 mm, 30 by 20 mm:\n%s", out)
	}
}
