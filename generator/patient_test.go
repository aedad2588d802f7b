package generator

import (
	"strings"
	"testing"
)

// Tests of the patient features that need no browser: the pages and the data the
// scripts read. The browser tests are in patient_browser_test.go.

func TestPositionPagesAndStretchIndex(t *testing.T) {
	files := readTree(t, buildSite(t, Options{}))
	for p, want := range map[string][]string{
		// In the test site bridge and open-book are done lying, child's pose kneeling.
		"positions/lying/index.html":    {`<h1>Lying down</h1>`, `href="../../stretches/bridge/"`, `href="../../stretches/open-book/"`},
		"positions/kneeling/index.html": {`<h1>Kneeling</h1>`, `href="../../stretches/childs-pose/"`},
		"stretches/index.html": {`<h1>All stretches</h1>`, `data-finder hidden`,
			`data-areas="lower-back hips" data-position="lying" data-equipment="mat" data-seconds="60"`,
			`data-areas="lower-back" data-position="kneeling" data-equipment="" data-seconds="30"`,
			`<option value="lying">Lying down</option>`, `<input type="checkbox" name="have" value="mat" checked> Mat</label>`},
	} {
		page := string(files[p])
		if page == "" {
			t.Errorf("%s was not written", p)
			continue
		}
		for _, w := range want {
			if !strings.Contains(page, w) {
				t.Errorf("%s lacks %s", p, w)
			}
		}
	}
	for _, p := range []string{"positions/sitting/index.html", "positions/standing/index.html"} {
		if _, ok := files[p]; ok {
			t.Errorf("%s was written, but no stretch of the test site is done in that position", p)
		}
	}
	stretch := string(files["stretches/bridge/index.html"])
	if !strings.Contains(stretch, `<dt>Position</dt><dd><a href="../../positions/lying/">Lying down</a></dd>`) {
		t.Error("a stretch page does not link to its position's page")
	}
}
