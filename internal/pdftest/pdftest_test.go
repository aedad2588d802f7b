package pdftest

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/image/font/gofont/goregular"

	"github.com/stretchguide/stretchguide/generator/pdfdoc"
)

// onePage makes a one-page A4 PDF with text at x, y (mm).
func onePage(t *testing.T, x, y float64, text string) []byte {
	t.Helper()
	font, err := pdfdoc.LoadFont("GoRegular", goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	f := pdfdoc.New(210, 297)
	f.AddPage()
	f.SetFont(font, 12)
	f.Text(x, y, text)
	var b bytes.Buffer
	if err := f.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestReadFindsWordsAndTheirBoxes(t *testing.T) {
	d := Read(t, onePage(t, 20, 30, "Hello handout"))
	if len(d.Pages) != 1 {
		t.Fatalf("%d pages", len(d.Pages))
	}
	if got := d.Text(); got != "Hello handout" {
		t.Errorf("text %q", got)
	}
	p := d.Pages[0]
	if p.Width < 595 || p.Width > 596 || p.Height < 841 || p.Height > 842 {
		t.Errorf("page size %v x %v, want A4", p.Width, p.Height)
	}
	if w := p.Words[0]; w.XMin < 56 || w.XMin > 58 { // 20 mm = 56.7 pt
		t.Errorf("first word starts at x %v, want about 56.7", w.XMin)
	}
	if bad := d.Outside(20); len(bad) != 0 {
		t.Errorf("text well inside the page reported outside: %v", bad)
	}
}

// TestOutsideCatchesOverflow is the check the handout tests rely on: text that runs
// past the right edge, or sits in the margin at the foot of the page, is reported.
func TestOutsideCatchesOverflow(t *testing.T) {
	for _, tc := range []struct {
		name string
		x, y float64
	}{
		{"past the right edge", 190, 100},
		{"at the foot", 20, 294},
	} {
		d := Read(t, onePage(t, tc.x, tc.y, "Side-lying upper-back rotation"))
		if bad := d.Outside(14); len(bad) == 0 {
			t.Errorf("%s: no word reported", tc.name)
		} else if !strings.Contains(bad[0], "page 1") {
			t.Errorf("%s: report %q does not name the page", tc.name, bad[0])
		}
	}
}

func TestInfo(t *testing.T) {
	info := Info(t, onePage(t, 20, 30, "x"))
	if info["Pages"] != "1" {
		t.Errorf("Pages = %q", info["Pages"])
	}
}
