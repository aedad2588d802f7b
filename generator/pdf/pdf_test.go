package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/i18n"
	"github.com/stretchguide/stretchguide/internal/pdftest"
	"github.com/stretchguide/stretchguide/layouts"
)

// en and es are the built-in interface strings in English and Spanish.
var en, es = builtInCatalog("en"), builtInCatalog("es")

func builtInCatalog(lang string) *i18n.Catalog {
	file := "i18n/" + lang + ".yaml"
	b, err := layouts.FS.ReadFile(file)
	if err != nil {
		panic(err)
	}
	c, err := i18n.Parse("layouts/"+file, lang, b)
	if err != nil {
		panic(err)
	}
	return c
}

// smallGuide is a guide of one routine of two steps, with its pictures in files.
func smallGuide(baseURL string, image string) (*guide.Guide, *guide.Routine, fstest.MapFS) {
	files := fstest.MapFS{
		"stretches/a.svg": {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 16"><circle cx="12" cy="8" r="4"/></svg>`)},
	}
	day := func(d int) guide.Date { return guide.Date{Time: time.Date(2026, 3, d, 0, 0, 0, 0, time.UTC)} }
	a := &guide.Stretch{Page: guide.Page{Slug: "a", URL: "stretches/a/", Title: "Knee hug", Reviewed: day(9)},
		Dose: guide.Dose{Hold: 30 * time.Second, Sets: 1}, Cues: []string{"Hug both knees"},
		Image: &guide.Image{Source: "stretches/" + image, URL: "stretches/a/" + image, Alt: "A figure."}}
	b := &guide.Stretch{Page: guide.Page{Slug: "b", URL: "stretches/b/", Title: "Pelvic tilt"},
		Dose: guide.Dose{Reps: 10, Sets: 2, Sides: true}}
	r := &guide.Routine{Page: guide.Page{Kind: guide.KindRoutine, Slug: "r", URL: "routines/r/", Title: "Short", Summary: "Two steps.", Reviewed: day(2),
		Reviewer: "A. Name, physiotherapist"},
		Steps: []*guide.Step{{Number: 1, Stretch: a, Dose: a.Dose}, {Number: 2, Stretch: b, Dose: b.Dose}}}
	site := guide.Site{Title: "Test guide", Language: "en-GB", BaseURL: baseURL, BasePath: "/"}
	if baseURL != "" {
		site.BasePath = "/guide/"
	}
	g := &guide.Guide{Site: site, RedFlags: &guide.Page{URL: "red-flags/", Title: "Warning signs"},
		Flags:    []*guide.Flag{{ID: "ce", Title: "Loss of bladder control", Urgency: guide.Emergency}},
		Routines: []*guide.Routine{r}, Stretches: []*guide.Stretch{a, b}}
	return g, r, files
}

// TestHandoutIsDeterministic writes the same handout several times in one process,
// where map order and font subsetting could differ between runs.
func TestHandoutIsDeterministic(t *testing.T) {
	g, r, files := smallGuide("https://example.org/guide/", "a.svg")
	first, err := Handout(g, r, en, files)
	if err != nil {
		t.Fatal(err)
	}
	for range 4 {
		b, err := Handout(g, r, en, files)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b, first) {
			t.Fatal("two handouts of the same routine differ")
		}
	}
	for _, want := range []string{"/Lang (en-GB)", "/CreationDate (D:20260309000000)"} {
		if !bytes.Contains(first, []byte(want)) {
			t.Errorf("the PDF lacks %s", want)
		}
	}
}

func TestCreatedFromContent(t *testing.T) {
	_, r, _ := smallGuide("", "a.svg")
	if got := created(r); !got.Equal(time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("created %v, want the latest review, 2026-03-09", got)
	}
	r.Reviewed = guide.Date{}
	r.Steps[0].Stretch.Reviewed = guide.Date{}
	if got := created(r); !got.Equal(noDate) {
		t.Errorf("created %v without review dates, want the fixed %v", got, noDate)
	}
}

func TestHandoutText(t *testing.T) {
	g, r, files := smallGuide("", "a.svg")
	b, err := Handout(g, r, en, files)
	if err != nil {
		t.Fatal(err)
	}
	text := pdftest.Read(t, b).Text()
	for _, want := range []string{
		"Knee hug", "Hold 30 seconds", "Hug both knees",
		"Pelvic tilt", "10 repetitions, 2 times, each side",
		"Stop and get help if… Emergency: Loss of bladder control",
		"All warning signs: /red-flags/",
		"This routine online: /routines/r/", "Last reviewed: 2 March 2026",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the handout lacks %q:\n%s", want, text)
		}
	}
	if codes := bytes.Count(b, []byte("/Link")); codes != 0 {
		t.Errorf("%d links to a site without a base URL", codes)
	}
}

func TestHandoutDrawsPNG(t *testing.T) {
	g, r, files := smallGuide("", "a.png")
	img := image.NewRGBA(image.Rect(0, 0, 30, 20))
	img.Set(3, 3, color.Black)
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	files["stretches/a.png"] = &fstest.MapFile{Data: b.Bytes()}
	out, err := Handout(g, r, en, files)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(out, []byte("/Subtype /Image")) {
		t.Error("the PNG picture is not in the PDF")
	}
}

func TestHandoutReportsBrokenPictures(t *testing.T) {
	for _, tc := range []struct {
		name, data, want string
	}{
		{"not XML", "<svg", "not well-formed"},
		{"not SVG", "<html></html>", "no <svg> element"},
		{"no size", `<svg xmlns="http://www.w3.org/2000/svg"/>`, "no usable viewBox"},
	} {
		g, r, files := smallGuide("", "a.svg")
		files["stretches/a.svg"] = &fstest.MapFile{Data: []byte(tc.data)}
		_, err := Handout(g, r, en, files)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "stretches/a.svg") {
			t.Errorf("%s: error %v, want one naming the file and saying %q", tc.name, err, tc.want)
		}
	}
	g, r, files := smallGuide("", "missing.svg")
	if _, err := Handout(g, r, en, files); err == nil {
		t.Error("a missing picture gave no error")
	}
}

// TestUnsupportedElementsAreSkipped: text, images and unknown transforms are left
// out, and the shapes around them are still drawn.
func TestUnsupportedElementsAreSkipped(t *testing.T) {
	src := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
<text x="1" y="10">label</text><image href="x.png" width="5" height="5"/>
<g transform="perspective(3)"><circle cx="5" cy="5" r="2"/></g>
<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>
<rect x="10" y="10" width="20" height="20" style="fill:#f00;display:none"/>
<line x1="0" y1="50" x2="100" y2="50" stroke="black"/>
</svg>`
	f := newPage()
	if err := drawSVG(f, []byte(src), 10, 10, 50, 50); err != nil {
		t.Fatal(err)
	}
	if n := paintOps(content(t, f)); n != 1 {
		t.Errorf("%d shapes painted, want only the line", n)
	}
}

func TestStyleAndTransforms(t *testing.T) {
	src := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
<g stroke="#1f6f8b" stroke-width="2" opacity="0.5"><path d="M0 0 L10 10" stroke-dasharray="3" stroke-opacity="0.5" fill="none"/></g>
<rect width="10" height="10" transform="translate(50 50) scale(2)" fill="rgb(255, 0, 0)"/>
</svg>`
	f := newPage()
	if err := drawSVG(f, []byte(src), 0, 0, 100, 100); err != nil {
		t.Fatal(err)
	}
	out := content(t, f)
	for _, want := range []string{
		"0.122 0.435 0.545 RG", // the stroke colour #1f6f8b
		"[8.50 8.50] 0.00 d",   // dash "3": 3 user units = 3 mm = 8.5 pt, repeated to an even count
		"1.000 0.000 0.000 rg", // the fill colour
		"/ca 0.25",             // group opacity times stroke opacity
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the drawing lacks %q", want)
		}
	}
	// The rect moved to (50,50) and doubled: its far corner is at (70,70) mm.
	if !strings.Contains(out, "198.43 643.46 l") && !strings.Contains(out, "198.43 643.47 l") {
		t.Errorf("the transformed rect is not where it belongs:\n%s", out)
	}
}

// TestHandoutReadsFontsOnce: the fonts are read once per process, not once per
// handout, so a small handout allocates little (reading and subsetting the three
// Go fonts for each one took about 15 MB).
func TestHandoutReadsFontsOnce(t *testing.T) {
	g, r, files := smallGuide("https://example.org/guide/", "a.svg")
	if _, err := Handout(g, r, en, files); err != nil {
		t.Fatal(err)
	}
	const n = 5
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range n {
		if _, err := Handout(g, r, en, files); err != nil {
			t.Fatal(err)
		}
	}
	runtime.ReadMemStats(&after)
	if per := (after.TotalAlloc - before.TotalAlloc) / n; per > 3<<20 {
		t.Errorf("a small handout allocates %.1f MB, want under 3 MB", float64(per)/(1<<20))
	}
}

// BenchmarkHandout measures one small handout: most of the time goes to
// compressing its streams, the font subsets first.
func BenchmarkHandout(b *testing.B) {
	g, r, files := smallGuide("https://example.org/guide/", "a.svg")
	for b.Loop() {
		if _, err := Handout(g, r, en, files); err != nil {
			b.Fatal(err)
		}
	}
}
