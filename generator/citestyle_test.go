package generator

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchguide/stretchguide/internal/pdftest"
)

// siteWithStyle copies the test site and sets its citation_style.
func siteWithStyle(t *testing.T, style string) string {
	t.Helper()
	dir := copySite(t)
	index := filepath.Join(dir, "_index.md")
	b, err := os.ReadFile(index)
	if err != nil {
		t.Fatal(err)
	}
	b = []byte(strings.Replace(string(b), "language: en\n", "language: en\ncitation_style: "+style+"\n", 1))
	if err := os.WriteFile(index, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// Every place a reference shows follows the site's citation style: the markers in
// the text, the evidence list, the popovers' data, the reference list and the PDF.
// The test site's reference list is tips2024 (no author: "Author not stated"),
// freiwald2018, gordon2016, so the numbered styles number gordon2016 3.
func TestCitationStyleFollowedEverywhere(t *testing.T) {
	for _, c := range []struct {
		style  string
		marker *regexp.Regexp
		entry  string // gordon2016 in the reference list and popover
	}{
		{"author-year", regexp.MustCompile(`<span class="citation">\(<a href="[^"]*#ref-gordon2016" data-cite="gordon2016">Gordon &amp; Bloxham, 2016, p. 22</a>\)</span>`),
			`Gordon, R., &amp; Bloxham, S. (2016). A systematic review of the effects of exercise and physical activity on non-specific chronic low back pain. <cite>Healthcare</cite>, <i>4</i>(2), Article 22. <a href="https://doi.org/10.3390/healthcare4020022">`},
		{"vancouver", regexp.MustCompile(`<span class="citation">\[<a href="[^"]*#ref-gordon2016" data-cite="gordon2016">3, p. 22</a>\]</span>`),
			`Gordon R, Bloxham S. A systematic review of the effects of exercise and physical activity on non-specific chronic low back pain. Healthcare. 2016;4(2):22. <a href="https://doi.org/10.3390/healthcare4020022">doi:10.3390/healthcare4020022</a>`},
		{"ama", regexp.MustCompile(`<sup class="citation"><a href="[^"]*#ref-gordon2016" data-cite="gordon2016">3\(p. 22\)</a></sup>`),
			`Gordon R, Bloxham S. A systematic review of the effects of exercise and physical activity on non-specific chronic low back pain. <cite>Healthcare</cite>. 2016;4(2):22. <a href="https://doi.org/10.3390/healthcare4020022">doi:10.3390/healthcare4020022</a>`},
	} {
		t.Run(c.style, func(t *testing.T) {
			dir := siteWithStyle(t, c.style)
			out := readTree(t, buildContent(t, dir, Options{BaseURL: handoutBase}))
			page := string(out["stretches/bridge/index.html"])
			if !c.marker.MatchString(page) {
				t.Errorf("the bridge page lacks the %s marker %s", c.style, c.marker)
			}
			popovers := page[strings.Index(page, `<template id="cite-refs">`):]
			if !strings.Contains(popovers, c.entry) {
				t.Errorf("the popover data lacks the %s entry %s", c.style, c.entry)
			}
			if bib := string(out["bibliography/index.html"]); !strings.Contains(bib, c.entry) {
				t.Errorf("the reference list lacks the %s entry %s", c.style, c.entry)
			}
			numbered := c.style != "author-year"
			evidence := regexp.MustCompile(`#ref-gordon2016">\[3\]</a> A systematic`)
			if evidence.MatchString(page) != numbered {
				t.Errorf("numbered evidence list %v in %s, want %v", !numbered, c.style, numbered)
			}
			pdftest.Require(t)
			text := pdftest.Read(t, out["routines/bedtime.pdf"]).Text()
			text = strings.Join(strings.Fields(text), " ")
			want := "Freiwald et al., 2018: Effects of supplemental heat therapy"
			if numbered {
				want = "[2] Freiwald J, Hoppe MW, Beermann W, Krajewski J, Baumgart C. Effects"
			}
			if !strings.Contains(text, want) {
				t.Errorf("the bedtime handout lacks %q:\n%s", want, text)
			}
		})
	}
}

func TestUnknownCitationStyleIsAnError(t *testing.T) {
	dir := siteWithStyle(t, "harvard")
	list := Check(Options{Content: dir, Out: filepath.Join(t.TempDir(), "public")})
	s := fmt.Sprint(list)
	if list.Errors() == 0 || !strings.Contains(s, "_index.md") || !strings.Contains(s, "vancouver") {
		t.Errorf("check gave %s, want an error at _index.md naming the styles", s)
	}
}

// The same work under two keys is a warning naming both places, not
// two entries "2016a" and "2016b".
func TestSameDOIUnderTwoKeysWarns(t *testing.T) {
	dir := copySite(t)
	extra := "@article{gordon-again, author = {Gordon, R. and Bloxham, S.}, title = {A systematic review}, year = 2016,\n  doi = {10.3390/HEALTHCARE4020022}}\n"
	if err := os.WriteFile(filepath.Join(dir, "references", "again.bib"), []byte(extra), 0o644); err != nil {
		t.Fatal(err)
	}
	list := Check(Options{Content: dir, Out: filepath.Join(t.TempDir(), "public")})
	found := false
	for _, d := range list {
		if strings.Contains(d.Message, "same work") {
			found = true
			both := d.Path + " " + d.Message
			if !strings.Contains(both, "again.bib") || !strings.Contains(both, "studies.yaml") || !strings.Contains(d.Message, `"gordon2016"`) || !strings.Contains(d.Message, `"gordon-again"`) {
				t.Errorf("the warning %s does not name both places", d)
			}
		}
	}
	if !found {
		t.Errorf("no warning about the same DOI under two keys:\n%v", list)
	}
}
