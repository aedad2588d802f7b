package generator

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/i18n"
	"github.com/stretchguide/stretchguide/generator/pdf"
	"github.com/stretchguide/stretchguide/generator/render"
	"github.com/stretchguide/stretchguide/internal/pdftest"
	"github.com/stretchguide/stretchguide/layouts"
)

// english is the built-in interface strings in English, the language of the guides
// whose handouts these tests read.
var english = func() *i18n.Catalog {
	ls, err := render.ParseLayouts(layouts.FS)
	if err != nil {
		panic(err)
	}
	c, err := ls.Catalog("en")
	if err != nil {
		panic(err)
	}
	return c
}()

// handoutSites are the content folders whose routines the print and handout tests
// check: the bundled guide, and fixtures with a 30-character stretch name, a routine
// of 8 steps and one of 12, and authors whose names are not plain ASCII.
var handoutSites = []string{"../content", "pdf/testdata/site"}

const handoutBase = "https://example.org/guide/"

// linkSite loads and links a content folder, for what the tests expect to see.
func linkSite(t *testing.T, dir, baseURL string) *guide.Guide {
	t.Helper()
	var problems diag.List
	ln := loadAndLink(os.DirFS(dir), Options{Content: dir, BaseURL: baseURL}, &problems, newTimer(nil))
	if err := problems.Err(); err != nil {
		t.Fatalf("%s: %v\n%v", dir, err, problems)
	}
	return ln.Guide
}

// buildContent builds a content folder with the base URL into a fresh folder.
func buildContent(t *testing.T, dir string, opts Options) string {
	t.Helper()
	opts.Content = dir
	opts.Out = filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), opts); err != nil {
		t.Fatalf("build %s: %v", dir, err)
	}
	return opts.Out
}

// navText is text that must not be printed: the site's navigation, the page's
// buttons, and the routine's long text, which the handout leaves out.
var navText = regexp.MustCompile(`Skip to main content|Routines Stretches|Print this routine|Download PDF|This text is on the web page only`)

// ticksText is the row of tick boxes under each step, as text.
const ticksText = "Tick a box each day you do it:"

// unreviewedText is the notice on a page or a step that names no reviewer.
const unreviewedText = "Not yet reviewed by a clinician."

// checkPrinted checks a routine printed to PDF, by the browser or by the handout
// writer, and reports each problem as an error of t.
func checkPrinted(t *testing.T, g *guide.Guide, r *guide.Routine, d pdftest.Doc, address string) {
	t.Helper()
	for _, p := range printProblems(g, r, d, address) {
		t.Error(p)
	}
}

// printProblems lists what is wrong with a printed routine: every step's name and
// dose, the stop box on page 1 (stopBoxProblems), the version stamp, the page's
// address and the review date must be there; navigation must not; up to eight steps fit on two
// pages; and every word sits at least 8 mm inside the page.
func printProblems(g *guide.Guide, r *guide.Routine, d pdftest.Doc, address string) []string {
	var bad []string
	report := func(format string, args ...any) { bad = append(bad, fmt.Sprintf(format, args...)) }
	text := d.Text()
	for _, s := range r.Steps {
		if !strings.Contains(text, s.Stretch.Title) {
			report("step %d: name %q is missing", s.Number, s.Stretch.Title)
		}
		if !strings.Contains(text, s.Dose.String()) {
			report("step %d: dose %q is missing", s.Number, s.Dose)
		}
	}
	// Each step sits whole on one page: its name, its dose and its tick-box row.
	for _, s := range r.Steps {
		whole := false
		for _, page := range d.Pages {
			p := page.Text
			i := strings.Index(p, s.Stretch.Title)
			if i < 0 {
				continue
			}
			j := strings.Index(p[i:], s.Dose.String())
			whole = j >= 0 && strings.Contains(p[i+j:], ticksText)
			break
		}
		if !whole {
			report("step %d (%s) is not whole on one page with its dose and tick boxes", s.Number, s.Stretch.Title)
		}
	}
	if n := strings.Count(text, ticksText); n != len(r.Steps) {
		report("%d tick-box rows for %d steps", n, len(r.Steps))
	}
	bad = append(bad, stopBoxProblems(g, r, d)...)
	if stamp := pdf.Stamp(g, r, english); !strings.Contains(text, stamp) {
		report("the version stamp %q is missing", stamp)
	}
	if !r.ClinicallyReviewed() && !strings.Contains(text, unreviewedText) {
		report("the routine names no reviewer, but %q is missing", unreviewedText)
	}
	if m := navText.FindString(text); m != "" {
		report("navigation or web-only text %q was printed", m)
	}
	for _, p := range g.Pages {
		if strings.Contains(text, p.Title) {
			report("footer link %q was printed", p.Title)
		}
	}
	if !strings.Contains(text, address) {
		report("the address %s is not printed as text", address)
	}
	if !r.Reviewed.IsZero() && !strings.Contains(text, r.Reviewed.Human()) {
		report("the review date %s is missing", r.Reviewed.Human())
	}
	if len(r.Steps) <= 8 && len(d.Pages) > 2 {
		report("%d steps take %d pages, want at most 2", len(r.Steps), len(d.Pages))
	}
	for _, w := range d.Outside(8 * 72 / 25.4) {
		report("text outside the printable area: %s", w)
	}
	return bad
}

// stopBoxProblems lists what is wrong with the "Stop and get help" box, which page 1
// must carry: its heading, every sign of the routine (every emergency, then the
// signs its stretches name) in order of urgency with its action, and the line about
// sharp pain.
func stopBoxProblems(g *guide.Guide, r *guide.Routine, d pdftest.Doc) []string {
	var bad []string
	report := func(format string, args ...any) { bad = append(bad, fmt.Sprintf(format, args...)) }
	if len(d.Pages) == 0 {
		return []string{"nothing was printed"}
	}
	page1 := d.Pages[0].Text
	box := strings.Index(page1, "Stop and get help if…")
	if box < 0 {
		return []string{"the stop box is not on page 1"}
	}
	if !strings.Contains(page1[box:], "Stop if you feel sharp pain.") {
		report("the line about sharp pain is not in the stop box")
	}
	last := -1
	for _, f := range g.RoutineSigns(r) {
		label := f.Urgency.Label() + ":"
		if !strings.Contains(page1[box:], f.Title) {
			report("warning sign %q is not in the stop box on page 1", f.Title)
			continue
		}
		i := strings.Index(page1[box:], label+" "+f.Title)
		if i < 0 {
			report("urgency %q is not printed with %q", label, f.Title)
			continue
		}
		if i < last {
			report("warning sign %q (%s) is printed after a less urgent one", f.Title, f.Urgency)
		}
		last = i
		if !strings.Contains(page1[box:], f.Action) {
			report("action %q is not on page 1", f.Action)
		}
	}
	return bad
}

// TestPrintCheckCatchesBrokenOutput shows that the checks of the print and handout
// tests fail when they should: it takes a good handout, breaks it in one way at a
// time, and expects a report naming the fault.
func TestPrintCheckCatchesBrokenOutput(t *testing.T) {
	g := linkSite(t, "pdf/testdata/site", handoutBase)
	out := buildContent(t, "pdf/testdata/site", Options{BaseURL: handoutBase})
	var r *guide.Routine
	for _, x := range g.Routines {
		if x.Slug == "eight-steps" {
			r = x
		}
	}
	b, err := os.ReadFile(filepath.Join(out, pdf.File(r)))
	if err != nil {
		t.Fatal(err)
	}
	good := pdftest.Read(t, b)
	address := handoutBase + r.URL
	if p := printProblems(g, r, good, address); len(p) > 0 {
		t.Fatalf("the good handout has problems: %v", p)
	}
	// copyDoc copies the pages, so each case breaks its own copy.
	copyDoc := func() pdftest.Doc {
		var d pdftest.Doc
		for _, p := range good.Pages {
			p.Words = append([]pdftest.Word(nil), p.Words...)
			d.Pages = append(d.Pages, p)
		}
		return d
	}
	// replace changes the text of page i (reading order), as pdftotext would read a
	// handout broken that way.
	replace := func(d pdftest.Doc, i int, old, new string) pdftest.Doc {
		if !strings.Contains(d.Pages[i].Text, old) {
			t.Fatalf("page %d of the good handout has no %q", i+1, old)
		}
		d.Pages[i].Text = strings.Replace(d.Pages[i].Text, old, new, 1)
		return d
	}
	for _, tc := range []struct {
		name   string
		break_ func(d pdftest.Doc) pdftest.Doc
		want   string
	}{
		{"a step's name is missing", func(d pdftest.Doc) pdftest.Doc { return replace(d, 0, "Knee hug", "") }, `name "Knee hug" is missing`},
		{"a dose is missing", func(d pdftest.Doc) pdftest.Doc { return replace(d, 1, "Hold 45 seconds", "") }, `dose "Hold 45 seconds" is missing`},
		{"a tick-box row is missing", func(d pdftest.Doc) pdftest.Doc { return replace(d, 0, ticksText, "") }, "7 tick-box rows for 8 steps"},
		{"a step split across pages", func(d pdftest.Doc) pdftest.Doc {
			d = replace(d, 1, "6. Hamstring stretch with a strap", "")
			return replace(d, 0, ticksText, "6. Hamstring stretch with a strap "+ticksText)
		}, "step 6 (Hamstring stretch with a strap) is not whole on one page"},
		{"no warning box", func(d pdftest.Doc) pdftest.Doc { return replace(d, 0, "Stop and get help if…", "") }, "the stop box is not on page 1"},
		{"the warning box on page 2", func(d pdftest.Doc) pdftest.Doc {
			d = replace(d, 0, "Stop and get help if…", "")
			return replace(d, 1, "Evidence", "Stop and get help if… Evidence")
		}, "the stop box is not on page 1"},
		{"no sharp-pain line", func(d pdftest.Doc) pdftest.Doc { return replace(d, 0, "Stop if you feel sharp pain.", "") }, "sharp pain"},
		{"an action missing", func(d pdftest.Doc) pdftest.Doc { return replace(d, 0, "See a doctor promptly.", "") }, `action "See a doctor promptly." is not on page 1`},
		{"no stamp", func(d pdftest.Doc) pdftest.Doc { return replace(replace(d, 0, "Version ", ""), 1, "Version ", "") }, "the version stamp"},
		{"navigation printed", func(d pdftest.Doc) pdftest.Doc {
			return replace(d, 0, "Eight steps", "Skip to main content Routines Stretches Eight steps")
		}, `navigation or web-only text "Skip to main content"`},
		{"the routine's long text printed", func(d pdftest.Doc) pdftest.Doc {
			return replace(d, 1, "Evidence", "This text is on the web page only. Evidence")
		}, "web-only text"},
		{"a third page", func(d pdftest.Doc) pdftest.Doc {
			d.Pages = append(d.Pages, pdftest.Page{Width: 595, Height: 842})
			return d
		}, "8 steps take 3 pages"},
		{"a word off the page", func(d pdftest.Doc) pdftest.Doc {
			d.Pages[0].Words[5].XMax = d.Pages[0].Width + 10
			return d
		}, "text outside the printable area"},
		{"no address", func(d pdftest.Doc) pdftest.Doc { return replace(d, 1, "online: "+address, "online:") }, "the address"},
		{"emergency after urgent", func(d pdftest.Doc) pdftest.Doc {
			d = replace(d, 0, "Emergency: Loss of bladder or bowel control", "")
			return replace(d, 0, "All warning signs", "Emergency: Loss of bladder or bowel control All warning signs")
		}, "is printed after a less urgent one"},
	} {
		problems := strings.Join(printProblems(g, r, tc.break_(copyDoc()), address), "\n")
		if !strings.Contains(problems, tc.want) {
			t.Errorf("%s: want a report containing %q, got:\n%s", tc.name, tc.want, problems)
		}
	}
}

// TestHandouts reads every routine's PDF handout as pdftotext does.
func TestHandouts(t *testing.T) {
	pdftest.Require(t)
	for _, dir := range handoutSites {
		g := linkSite(t, dir, handoutBase)
		out := buildContent(t, dir, Options{BaseURL: handoutBase})
		for _, r := range g.Routines {
			t.Run(filepath.Base(dir)+"/"+r.Slug, func(t *testing.T) {
				b, err := os.ReadFile(filepath.Join(out, pdf.File(r)))
				if err != nil {
					t.Fatal(err)
				}
				checkPrinted(t, g, r, pdftest.Read(t, b), handoutBase+r.URL)
				info := pdftest.Info(t, b)
				if want := r.Title + " | " + g.Site.Title; info["Title"] != want {
					t.Errorf("title %q, want %q", info["Title"], want)
				}
				if !bytes.Contains(b, []byte("/Lang ("+g.Site.Language+")")) {
					t.Errorf("the PDF does not give its language %q", g.Site.Language)
				}
				if !strings.Contains(info["CreationDate"], r.Reviewed.Format("Jan")) {
					t.Errorf("creation date %q does not come from the content (reviewed %s)", info["CreationDate"], r.Reviewed.ISO())
				}
			})
		}
	}
}

// TestHandoutQRCodeScans decodes the QR code of a handout as a phone would. One
// routine is enough (every handout draws its code the same way), and the longest
// one shows the code is found on its last page.
func TestHandoutQRCodeScans(t *testing.T) {
	out := buildContent(t, "pdf/testdata/site", Options{BaseURL: handoutBase})
	b, err := os.ReadFile(filepath.Join(out, "routines/twelve-steps.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	want := handoutBase + "routines/twelve-steps/"
	if codes := pdftest.QRCodes(t, b); len(codes) != 1 || codes[0] != want {
		t.Errorf("QR codes %q, want one for %s", codes, want)
	}
}

func TestHandoutsAreByteIdenticalAcrossBuilds(t *testing.T) {
	g := linkSite(t, "pdf/testdata/site", handoutBase)
	a := buildContent(t, "pdf/testdata/site", Options{BaseURL: handoutBase})
	b := buildContent(t, "pdf/testdata/site", Options{BaseURL: handoutBase})
	for _, r := range g.Routines {
		x, err1 := os.ReadFile(filepath.Join(a, pdf.File(r)))
		y, err2 := os.ReadFile(filepath.Join(b, pdf.File(r)))
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two builds", pdf.File(r))
		}
	}
}

// TestNoBaseURLPrintsThePath: without a base URL there is nothing for a QR code to
// hold, so the handout prints the page's path and the page links no QR image.
func TestNoBaseURLPrintsThePath(t *testing.T) {
	out := buildContent(t, "pdf/testdata/site", Options{})
	files := readTree(t, out)
	if _, ok := files["routines/long-name/qr.svg"]; ok {
		t.Error("a QR code was made without a base URL")
	}
	page := string(files["routines/long-name/index.html"])
	if strings.Contains(page, "qr.svg") {
		t.Error("the page links a QR code without a base URL")
	}
	if !strings.Contains(page, `<span class="url">/routines/long-name/</span>`) {
		t.Error("the page does not print its path")
	}
	pdftest.Require(t)
	text := pdftest.Read(t, files["routines/long-name.pdf"]).Text()
	if !strings.Contains(text, "This routine online: /routines/long-name/") {
		t.Errorf("the handout does not print the path:\n%s", text)
	}
}

// TestNoPDF: --pdf=false writes no handouts and links none.
func TestNoPDF(t *testing.T) {
	files := readTree(t, buildContent(t, "pdf/testdata/site", Options{NoPDF: true, BaseURL: handoutBase}))
	for p := range files {
		if strings.HasSuffix(p, ".pdf") {
			t.Errorf("%s was written with NoPDF", p)
		}
	}
	if page := string(files["routines/long-name/index.html"]); strings.Contains(page, "Download PDF") {
		t.Error("the page links a handout that was not made")
	}
	if _, ok := files["routines/long-name/qr.svg"]; !ok {
		t.Error("the printed page's QR code is missing with NoPDF")
	}
}

func TestRoutinePageLinksItsHandout(t *testing.T) {
	files := readTree(t, buildContent(t, "pdf/testdata/site", Options{BaseURL: handoutBase}))
	page := string(files["routines/eight-steps/index.html"])
	if !strings.Contains(page, `<a href="../../routines/eight-steps.pdf" download>Download PDF</a>`) {
		t.Error("the routine page has no Download PDF link to its handout")
	}
	if _, ok := files["routines/eight-steps.pdf"]; !ok {
		t.Error("the handout was not written")
	}
	if !strings.Contains(page, `src="../../routines/eight-steps/qr.svg"`) {
		t.Error("the routine page does not show its QR code")
	}
}
