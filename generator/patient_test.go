package generator

import (
	"encoding/json"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchguide/stretchguide/generator/render"
)

// Tests of the patient features that need no browser: the pages and data the
// scripts read, the search index, the size of the scripts and the absence of
// inline script and style. The browser tests are in patient_browser_test.go.

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
		`<section class="follow-along" id="follow-along" aria-labelledby="follow-title" data-follow data-name="Bedtime" data-rest="5" data-rep="3" hidden>`,
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
		`<div data-ref="gordon2016"><p>Gordon, R., &amp; Bloxham, S. (2016). A systematic review of the effects of exercise and physical activity on non-specific chronic low back pain. <cite>Healthcare</cite>, <i>4</i>(2), Article 22. <a href="https://doi.org/10.3390/healthcare4020022">`,
		// gordon2016 is graded in the bibliography, with its reason.
		`<p>Evidence: <a class="grade grade-moderate" href="../../evidence-grades/#moderate">Moderate certainty</a> <span class="grade-reason">A review of trials that used different methods</span></p></div>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the stretch page lacks %s", want)
		}
	}
	// A grade given with the citation in a page's front matter is that page's.
	routine := string(readTree(t, buildSite(t, Options{}))["routines/bedtime/index.html"])
	if want := `<p>Evidence: <a class="grade grade-low" href="../../evidence-grades/#low">Low certainty</a></p></div>`; !strings.Contains(routine, want) {
		t.Errorf("the routine's popover lacks the grade its front matter gives: %s", want)
	}
	// A page without citations has no reference template.
	if about := string(readTree(t, buildSite(t, Options{}))["areas/hips/index.html"]); strings.Contains(about, "cite-refs") {
		t.Error("a page that cites nothing carries a reference template")
	}
}

func TestSearchIndex(t *testing.T) {
	files := readTree(t, buildSite(t, Options{}))
	var es []render.SearchEntry
	if err := json.Unmarshal(files["search.json"], &es); err != nil {
		t.Fatalf("search.json: %v", err)
	}
	byURL := map[string]render.SearchEntry{}
	for _, e := range es {
		byURL[e.URL] = e
		if _, ok := files[render.PageFile(strings.Split(e.URL, "#")[0])]; !ok {
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

func TestShippedSearchIndexIsSmall(t *testing.T) {
	b := readTree(t, buildPatientSite(t, "../content", nil))["search.json"]
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

// jsBudget is the most JavaScript the site may ship, minified. The pocket coach of
// issue 17 (speech, progress, service worker) raised it from 20 KB; as written, all
// scripts together must also stay under 40 KB (TestScriptsStayWithinFortyKB).
const jsBudget = 24 << 10

// minifiedSize is the size of a script with its comments and the white space a
// minifier drops removed. Real minifiers also shorten names, so this is an upper
// bound of what they give. It reads strings, template literals and regular
// expression literals whole, so "//" inside them is not taken for a comment.
func minifiedSize(src string) int {
	size := 0
	last := byte('\n') // the last byte kept
	space := false     // white space was dropped since last
	word := func(c byte) bool {
		return c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
	}
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			space = true
			i++
			continue
		case strings.HasPrefix(src[i:], "//"):
			for i < len(src) && src[i] != '\n' {
				i++
			}
			space = true
			continue
		case strings.HasPrefix(src[i:], "/*"):
			end := strings.Index(src[i+2:], "*/")
			if end < 0 {
				end = len(src) - i - 4
			}
			i += end + 4
			space = true
			continue
		}
		if space && word(last) && word(c) {
			size++ // a space that must stay: "return x"
		}
		space = false
		j := i + 1
		switch {
		case c == '"' || c == '\'' || c == '`':
			for j < len(src) && src[j] != c {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			j++
		case c == '/' && strings.IndexByte("(,=:[!&|?{};+-*%<>~^\n", last) >= 0:
			for inClass := false; j < len(src) && (src[j] != '/' || inClass); j++ {
				switch src[j] {
				case '\\':
					j++
				case '[':
					inClass = true
				case ']':
					inClass = false
				}
			}
			j++
		}
		j = min(j, len(src))
		size += j - i
		last = src[j-1]
		i = j
	}
	return size
}

func TestMinifiedSize(t *testing.T) {
	for _, c := range []struct {
		src  string
		want string // what a minifier keeps, without renaming
	}{
		{"const a = 1; // one\n/* two */ let b = a + 2;", "const a=1;let b=a+2;"},
		{"return x", "return x"},
		{"s = 'a // not a comment' + \"/* nor this */\"", "s='a // not a comment'+\"/* nor this */\""},
		{"s = `${a} // kept`", "s=`${a} // kept`"},
		{"x = s.replace(/['\"]/g, '') // quote in a regexp", "x=s.replace(/['\"]/g,'')"},
		{"y = a / b / c", "y=a/b/c"},
		{"r = /[/]/.test(s)", "r=/[/]/.test(s)"},
	} {
		if got := minifiedSize(c.src); got != len(c.want) {
			t.Errorf("minifiedSize(%q) = %d, want %d (%q)", c.src, got, len(c.want), c.want)
		}
	}
}

// checkJSBudget sums the minified size of the scripts and fails above limit. The
// budget is for code: the first line of strings.js, the words the scripts show,
// which every page carried before strings.js did, is not counted.
func checkJSBudget(scripts map[string][]byte, limit int) error {
	total := 0
	var parts []string
	for name, b := range scripts {
		src := string(b)
		if first, rest, ok := strings.Cut(src, "\n"); ok && strings.HasPrefix(first, "self.uiStrings = ") {
			src = rest
		}
		n := minifiedSize(src)
		total += n
		parts = append(parts, fmt.Sprintf("%s %d", name, n))
	}
	slices.Sort(parts)
	if total > limit {
		return fmt.Errorf("the site ships %d bytes of JavaScript minified (%s), over the budget of %d", total, strings.Join(parts, ", "), limit)
	}
	return nil
}

// langFolder matches the folder a language other than the default is published in.
var langFolder = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]+)?$`)

func TestShippedJavaScriptIsWithinBudget(t *testing.T) {
	// A reader loads one language's site, so each language (the root, es/, ...)
	// has the whole budget to itself.
	sites := map[string]map[string][]byte{}
	for p, b := range readTree(t, buildPatientSite(t, "../content", nil)) {
		lang, rest := "", p
		if first, after, ok := strings.Cut(p, "/"); ok && langFolder.MatchString(first) {
			lang, rest = first, after
		}
		if (path.Ext(rest) == ".js" || path.Ext(rest) == ".mjs") && !isMakerScript(rest) {
			if sites[lang] == nil {
				sites[lang] = map[string][]byte{}
			}
			sites[lang][p] = b
		}
	}
	for lang, scripts := range sites {
		if len(scripts) < 4 {
			t.Fatalf("found %d scripts in the built guide %q, want finder, follow, cite and search", len(scripts), lang)
		}
		if err := checkJSBudget(scripts, jsBudget); err != nil {
			t.Errorf("language %q: %v", lang, err)
		}
	}
	// The check fails when the budget is exceeded.
	if err := checkJSBudget(map[string][]byte{"big.js": []byte(strings.Repeat("a=b;", jsBudget/4+1))}, jsBudget); err == nil {
		t.Error("a script over the budget passes the check")
	}
}
