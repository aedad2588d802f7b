package generator

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/pdf"
	"github.com/stretchguide/stretchguide/generator/render"
	"github.com/stretchguide/stretchguide/internal/pdftest"
)

// editSite copies the test site and applies each edit, old -> new, to a file.
func editSite(t *testing.T, file string, edits ...string) string {
	t.Helper()
	content := copySite(t)
	p := filepath.Join(content, file)
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for i := 0; i+1 < len(edits); i += 2 {
		if !strings.Contains(s, edits[i]) {
			t.Fatalf("%s has no %q", file, edits[i])
		}
		s = strings.Replace(s, edits[i], edits[i+1], 1)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return content
}

var (
	warningBoxRE = regexp.MustCompile(`(?s)<section id="warning-signs".*?</section>`)
	urgencyRE    = regexp.MustCompile(`<li class="urgency-([a-z]+)">`)
)

// boxProblems lists what is wrong with a page's warning box: it must hold want (the
// signs in order: every emergency, then the page's own) each with its action, and
// the line about sharp pain.
func boxProblems(page string, want []*guide.Flag) []string {
	box := warningBoxRE.FindString(page)
	if box == "" {
		return []string{"no warning box"}
	}
	var bad []string
	var got []string
	for _, m := range urgencyRE.FindAllStringSubmatch(box, -1) {
		got = append(got, m[1])
	}
	var wantU []string
	for _, f := range want {
		wantU = append(wantU, string(f.Urgency))
		if !strings.Contains(box, "#"+f.ID+`">`) || !strings.Contains(box, f.Action) {
			bad = append(bad, "sign "+f.ID+" or its action is missing")
		}
	}
	if strings.Join(got, " ") != strings.Join(wantU, " ") {
		bad = append(bad, "urgencies in order "+strings.Join(got, " ")+", want "+strings.Join(wantU, " "))
	}
	if !strings.Contains(box, "Stop if you feel sharp pain.") {
		bad = append(bad, "no line about sharp pain")
	}
	return bad
}

// Every stretch and routine page shows every emergency sign first, whether or not
// it names it, then its own signs: in the shipped guide, in the handout fixtures,
// and in the test site, where two stretches name no sign at all.
func TestEmergencySignsOnEveryPage(t *testing.T) {
	for _, dir := range []string{"../content", "pdf/testdata/site", "testdata/site"} {
		g := linkSite(t, dir, "")
		if len(g.Emergencies()) == 0 {
			t.Fatalf("%s has no emergency sign to test with", dir)
		}
		files := readTree(t, buildContent(t, dir, Options{NoPDF: true}))
		for _, s := range g.Stretches {
			want := append(g.Emergencies(), nonEmergencies(s.Flags)...)
			for _, p := range boxProblems(string(files[render.PageFile(s.URL)]), want) {
				t.Errorf("%s %s: %s", dir, s.URL, p)
			}
		}
		for _, r := range g.Routines {
			want := g.RoutineSigns(r)
			for _, s := range r.Steps {
				for _, f := range s.Stretch.Flags {
					if !containsFlag(want, f) {
						t.Errorf("%s %s: the box lacks %s, named by %s", dir, r.URL, f.ID, s.Stretch.Slug)
					}
				}
			}
			for _, p := range boxProblems(string(files[render.PageFile(r.URL)]), want) {
				t.Errorf("%s %s: %s", dir, r.URL, p)
			}
		}
	}
}

func nonEmergencies(fs []*guide.Flag) []*guide.Flag {
	var out []*guide.Flag
	for _, f := range fs {
		if f.Urgency != guide.Emergency {
			out = append(out, f)
		}
	}
	return out
}

func containsFlag(fs []*guide.Flag, f *guide.Flag) bool {
	for _, x := range fs {
		if x == f {
			return true
		}
	}
	return false
}

// A site whose stretches name no warning sign still prints the emergencies in the
// stop box on page 1 of each handout.
func TestHandoutStopBoxWithoutRedFlags(t *testing.T) {
	pdftest.Require(t)
	content := editSite(t, "stretches/bridge.md", "red_flags: [cauda-equina]\n", "")
	g := linkSite(t, content, "")
	files := readTree(t, buildContent(t, content, Options{}))
	for _, r := range g.Routines {
		if len(r.Flags()) != 0 {
			t.Fatalf("%s still names signs", r.Slug)
		}
		for _, p := range stopBoxProblems(g, r, pdftest.Read(t, files[pdf.File(r)])) {
			t.Errorf("%s: %s", r.Slug, p)
		}
	}
}

// The warning-signs page puts the signs, with what to do, before the explanations.
func TestWarningSignsPageCardsFirst(t *testing.T) {
	page := string(readTree(t, buildSite(t, Options{NoPDF: true}))["red-flags/index.html"])
	cards, body := strings.Index(page, `<ul class="flag-list">`), strings.Index(page, `<div class="body">`)
	if cards < 0 || body < 0 || cards > body {
		t.Errorf("the cards (at %d) do not come before the text (at %d)", cards, body)
	}
	for _, want := range []string{
		`<ul class="early-signs">` + "\n<li>Numbness between your legs</li>",
		"<p>Go to an emergency department now. <a class=\"call\" href=\"tel:112\">Call\u00a0112</a></p>",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the warning-signs page lacks %s", want)
		}
	}
}

// With emergency_number every emergency action links to call it; without, the text
// says "your local emergency number" and nothing links to a phone.
func TestEmergencyNumber(t *testing.T) {
	cases := []struct {
		name, line string
		want, not  []string
	}{
		{"set", `emergency_number: "112"`, []string{"<a class=\"call\" href=\"tel:112\">Call\u00a0112</a>"}, []string{"your local emergency number"}},
		{"with spaces", `emergency_number: "+44 20 7946 0000"`, []string{"<a class=\"call\" href=\"tel:&#43;442079460000\">Call\u00a0&#43;44\u00a020\u00a07946\u00a00000</a>"}, nil}, // &#43; is +
		{"unset", ``, []string{"Go to an emergency department now. Call your local emergency number."}, []string{"tel:"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			content := editSite(t, "_index.md", `emergency_number: "112"`, c.line)
			files := readTree(t, buildContent(t, content, Options{NoPDF: true}))
			for _, page := range []string{"stretches/bridge/index.html", "stretches/open-book/index.html", "routines/bedtime/index.html", "red-flags/index.html"} {
				for _, w := range c.want {
					if !strings.Contains(string(files[page]), w) {
						t.Errorf("%s lacks %s", page, w)
					}
				}
				for _, w := range c.not {
					if strings.Contains(string(files[page]), w) {
						t.Errorf("%s has %s", page, w)
					}
				}
			}
		})
	}
}

func TestEmergencyNumberMustBeANumber(t *testing.T) {
	for _, c := range []struct {
		value string
		ok    bool
	}{{`"999"`, true}, {`911`, true}, {`"+44 20 7946 0000"`, true}, {`"call 999"`, false}, {`"999!"`, false}, {`"+"`, false}} {
		content := editSite(t, "_index.md", `emergency_number: "112"`, "emergency_number: "+c.value)
		problems := checkFS(os.DirFS(content), "content")
		bad := containsPrefix(problems, "content/_index.md:5:19: error: emergency_number")
		if bad == c.ok {
			t.Errorf("emergency_number %s: error %v, want %v\n%s", c.value, bad, !c.ok, list(problems))
		}
	}
}

// A page without a reviewer says so on the page and in the handout, shows its date
// as "last updated", and fails check --strict.
func TestUnreviewedPage(t *testing.T) {
	content := editSite(t, "stretches/bridge.md", "reviewer: Test Reviewer, physiotherapist\n", "")
	files := readTree(t, buildContent(t, content, Options{}))
	page := string(files["stretches/bridge/index.html"])
	for _, want := range []string{`<p class="unreviewed">Not yet reviewed by a clinician.</p>`, `<p class="reviewed">Last updated: <time datetime="2026-11-25">`} {
		if !strings.Contains(page, want) {
			t.Errorf("the unreviewed page lacks %s", want)
		}
	}
	if strings.Contains(page, "Page last reviewed") || strings.Contains(page, "Next review due") {
		t.Error("the unreviewed page says it was reviewed")
	}
	routine := string(files["routines/bedtime/index.html"])
	if n := strings.Count(routine, `<p class="unreviewed">`); n != 1 {
		t.Errorf("the routine page has %d unreviewed notices, want one, for its bridge step", n)
	}
	for _, strict := range []bool{false, true} {
		problems := checkContent(os.DirFS(content), Options{Content: "content", Today: testToday, Strict: strict})
		sev := diag.Warning
		if strict {
			sev = diag.Error
		}
		var found bool
		for _, d := range problems {
			if d.Path == "content/stretches/bridge.md" && d.Severity == sev && strings.Contains(d.Message, "no clinician has reviewed") &&
				d.Hint == "add reviewer: Name, role once a clinician has checked this page" {
				found = true
			}
		}
		if !found {
			t.Errorf("strict %v: no %s about the missing reviewer:\n%s", strict, sev, list(problems))
		}
	}
	pdftest.Require(t)
	text := pdftest.Read(t, files["routines/bedtime.pdf"]).Text()
	if n := strings.Count(text, unreviewedText); n != 1 {
		t.Errorf("the handout has %d notices %q, want one for the bridge:\n%s", n, unreviewedText, text)
	}
	if !strings.Contains(text, "· last updated 2026-11-25") {
		t.Errorf("the handout's stamp does not say last updated:\n%s", text)
	}
}

func TestReviewerNamesPersonAndRole(t *testing.T) {
	content := editSite(t, "stretches/bridge.md", "reviewer: Test Reviewer, physiotherapist", "reviewer: Editorial team")
	problems := checkFS(os.DirFS(content), "content")
	if !containsPrefix(problems, "content/stretches/bridge.md:17:11: warning: reviewer should name a person and their role") {
		t.Errorf("no warning about a reviewer without a role:\n%s", list(problems))
	}
}

// A study without a grade, or a grade without its reason, is a warning; a web
// article is not graded and shows "Not graded".
func TestGradeProblemsAndLabels(t *testing.T) {
	content := editSite(t, "references/studies.yaml", "  grade_reason: A review of trials that used different methods\n", "")
	problems := checkFS(os.DirFS(content), "content")
	if !containsPrefix(problems, `content/references/studies.yaml:1:3: warning: reference "gordon2016" gives no reason for its grade`) {
		t.Errorf("no warning about a grade without its reason:\n%s", list(problems))
	}
	content = editSite(t, "references/studies.yaml", "  grade: moderate\n", "")
	problems = checkFS(os.DirFS(content), "content")
	if !containsPrefix(problems, `content/references/studies.yaml:1:3: warning: reference "gordon2016" has no evidence grade`) {
		t.Errorf("no warning about a study without a grade:\n%s", list(problems))
	}
	for _, d := range problems {
		if strings.Contains(d.Message, "tips2024") {
			t.Errorf("a web article was asked for a grade: %s", d)
		}
	}

	files := readTree(t, buildSite(t, Options{NoPDF: true}))
	for page, wants := range map[string][]string{
		"stretches/bridge/index.html": {`Moderate certainty</a> <span class="grade-reason">A review of trials that used different methods</span>`},
		"about/index.html":            {`Easy stretches at home <span class="grade grade-none">Not graded</span>`, `<p>Evidence: <span class="grade grade-none">Not graded</span></p>`},
		"bibliography/index.html": {
			`Moderate certainty</a> <span class="grade-reason">A review of trials that used different methods</span></p>`,
			`<p>Author not stated (n.d.). <cite>Easy stretches at home</cite>. Publisher not stated. Web article. <a href="https://example.org/tips">`,
		},
	} {
		for _, w := range wants {
			if !strings.Contains(string(files[page]), w) {
				t.Errorf("%s lacks %s", page, w)
			}
		}
	}
}

// Reading levels are for authors: no patient page shows one, and the footer does not
// link to the authoring page, which is still built.
func TestPatientPagesLeaveAuthorsOut(t *testing.T) {
	files := readTree(t, buildContent(t, "../content", Options{NoPDF: true}))
	footer := regexp.MustCompile(`(?s)<footer class="site-footer">.*?</footer>`)
	if _, ok := files["authoring/index.html"]; !ok {
		t.Error("the authoring page is not built")
	}
	for p, b := range files {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		if strings.Contains(string(b), "Reading level") {
			t.Errorf("%s shows a reading level", p)
		}
		if strings.Contains(footer.FindString(string(b)), "authoring/") {
			t.Errorf("%s links to the authoring page from its footer", p)
		}
	}
	var css string
	for p, b := range files {
		if strings.HasPrefix(p, "assets/widgets.") {
			css = string(b)
		}
	}
	if !regexp.MustCompile(`@media \(hover: none\) and \(pointer: coarse\) \{ \.player-keys \{ display: none; \} \}`).MatchString(css) {
		t.Error("the key hints are not hidden on touch screens")
	}
}

// The printed routine page shows its handout's version stamp; a changed cue changes
// it, and no two routines share one.
func TestRoutinePageStamp(t *testing.T) {
	stamp := regexp.MustCompile(`<p class="reviewed version">(Version [0-9a-f]{8}[^<]*)</p>`)
	stampOf := func(files map[string][]byte, r string) string {
		m := stamp.FindStringSubmatch(string(files["routines/"+r+"/index.html"]))
		if m == nil {
			t.Fatalf("routine %s shows no version stamp", r)
		}
		return m[1]
	}
	g := linkSite(t, "../content", "")
	files := readTree(t, buildContent(t, "../content", Options{NoPDF: true}))
	seen := map[string]string{}
	for _, r := range g.Routines {
		s := stampOf(files, r.Slug)
		if s != pdf.Stamp(g, r, english) {
			t.Errorf("%s: page stamp %q, handout stamp %q", r.Slug, s, pdf.Stamp(g, r, english))
		}
		if other, ok := seen[s]; ok {
			t.Errorf("%s and %s share the stamp %s", r.Slug, other, s)
		}
		seen[s] = r.Slug
	}
	before := stampOf(readTree(t, buildSite(t, Options{NoPDF: true})), "bedtime")
	content := editSite(t, "stretches/bridge.md", "  - Feet flat", "  - Feet flat on the floor")
	if after := stampOf(readTree(t, buildContent(t, content, Options{NoPDF: true})), "bedtime"); after == before {
		t.Errorf("changing a cue left the stamp at %s", after)
	}
}
