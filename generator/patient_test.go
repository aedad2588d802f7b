package generator

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// Tests of the patient features that need no browser: the pages and data the
// scripts read and the search index. The browser tests are in
// patient_browser_test.go.

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

func TestRoutineCarriesTheFollowAlongPlan(t *testing.T) {
	page := string(readTree(t, buildSite(t, Options{}))["routines/bedtime/index.html"])
	for _, want := range []string{
		`<section class="follow-along" id="follow-along" aria-labelledby="follow-title" data-follow data-rest="5" data-rep="3" hidden>`,
		// child's pose as it is; bridge with the step's 30 s hold (no reps);
		// open-book 20 s, 2 sets, both sides.
		`<li data-title="Child&#39;s pose" data-dose="Hold 30 seconds" data-hold="30" data-reps="0" data-sets="1">`,
		`<li data-title="Bridge" data-dose="Hold 30 seconds, 2 times" data-hold="30" data-reps="0" data-sets="2" data-img="../../stretches/bridge/bridge.svg" data-alt="Lying on your back with hips lifted."><span>Feet flat, knees bent</span></li>`,
		`<li data-title="Open book" data-dose="Hold 20 seconds, 2 times, each side" data-hold="20" data-reps="0" data-sets="2" data-sides="both">`,
		`<script defer src="../../assets/follow.`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the routine page lacks %s", want)
		}
	}
}

func TestCitationsCarryTheirFullReference(t *testing.T) {
	page := string(readTree(t, buildSite(t, Options{}))["stretches/bridge/index.html"])
	for _, want := range []string{
		`<a href="../../bibliography/#ref-gordon2016" data-cite="gordon2016">Gordon &amp; Bloxham, 2016, p. 22</a>`,
		`<template id="cite-refs">`,
		`<div data-ref="gordon2016"><p>Gordon, R., &amp; Bloxham, S. (2016). A systematic review of the effects of exercise and physical activity on non-specific chronic low back pain. <cite>Healthcare</cite>, 4(2), 22. <a href="https://doi.org/10.3390/healthcare4020022">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the stretch page lacks %s", want)
		}
	}
	// A page without citations has no reference template.
	if about := string(readTree(t, buildSite(t, Options{}))["areas/hips/index.html"]); strings.Contains(about, "cite-refs") {
		t.Error("a page that cites nothing carries a reference template")
	}
}

func TestGradeReadsAGradeFieldWhenThereIsOne(t *testing.T) {
	type graded struct{ Grade string }
	type kind string
	type typed struct{ Grade kind }
	for _, c := range []struct {
		in   any
		want string
	}{
		{&graded{"very-low"}, "very low"},
		{&graded{"moderate"}, "moderate"},
		{&graded{}, ""},
		{&typed{"high"}, "high"},
		{&struct{ Title string }{"no grade field"}, ""},
		{(*graded)(nil), ""},
		{nil, ""},
	} {
		if got := grade(c.in); got != c.want {
			t.Errorf("grade(%#v) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSearchIndex(t *testing.T) {
	files := readTree(t, buildSite(t, Options{}))
	var es []searchEntry
	if err := json.Unmarshal(files[searchFile], &es); err != nil {
		t.Fatalf("search.json: %v", err)
	}
	byURL := map[string]searchEntry{}
	for _, e := range es {
		byURL[e.URL] = e
		if _, ok := files[pageFile(strings.Split(e.URL, "#")[0])]; !ok {
			t.Errorf("the index points to %s, which was not written", e.URL)
		}
	}
	for u, kind := range map[string]string{"stretches/bridge/": "Stretch", "stretches/childs-pose/": "Stretch", "stretches/open-book/": "Stretch",
		"routines/bedtime/": "Routine", "about/": "Page", "red-flags/": "Page", "red-flags/#cauda-equina": "Warning sign",
		"areas/hips/": "Body area", "positions/lying/": "Position"} {
		if e, ok := byURL[u]; !ok || e.Kind != kind {
			t.Errorf("the index has %s as %+v, want a %s", u, e, kind)
		}
	}
	bridge := strings.Fields(byURL["stretches/bridge/"].Words)
	for _, w := range []string{"bridges", "childs", "lower", "mat", "sharp", "lying"} {
		if !slices.Contains(bridge, w) {
			t.Errorf("the bridge's search words %q lack %q", bridge, w)
		}
	}
	for _, w := range []string{"bridge", "hips", "the", "your", "alert", "rsquo"} { // title and summary, common words, raw HTML, entities
		if slices.Contains(bridge, w) {
			t.Errorf("the bridge's search words hold %q: %q", w, bridge)
		}
	}
	if w := byURL["routines/bedtime/"].Words; !strings.Contains(w, "open book") {
		t.Errorf("a routine is not found by its stretches: %q", w)
	}
}

func TestSearchWords(t *testing.T) {
	for _, c := range []struct{ known, text, want string }{
		{"Bridge", "The bridge lifts your hips. Hips up!", "lifts hips"},
		{"", "Child’s pose, child's pose", "childs pose"},
		{"", "Über-stretch ÖL 12 ab", "über stretch"},
		{"", "", ""},
	} {
		if got := searchWords(c.known, c.text); got != c.want {
			t.Errorf("searchWords(%q, %q) = %q, want %q", c.known, c.text, got, c.want)
		}
	}
}

// The shipped guide's index must stay small: it is downloaded on the first search.
func TestShippedSearchIndexIsSmall(t *testing.T) {
	b := readTree(t, buildContent(t, "../content", nil))[searchFile]
	const limit = 100 << 10
	if len(b) == 0 || len(b) > limit {
		t.Errorf("search.json of the shipped guide is %d bytes, want 1 to %d", len(b), limit)
	}
	g := shippedGuide(t)
	for _, s := range g.Stretches {
		if !strings.Contains(string(b), `"u":"`+s.URL+`"`) {
			t.Errorf("search.json lacks %s", s.URL)
		}
	}
	for _, r := range g.Routines {
		if !strings.Contains(string(b), `"u":"`+r.URL+`"`) {
			t.Errorf("search.json lacks %s", r.URL)
		}
	}
}
