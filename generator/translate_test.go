package generator

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchguide/stretchguide/generator/diag"
)

// twoLanguages writes the test guide with languages [en, es] and Spanish
// translations of the home page, the warning signs, Bridge and Child's pose (Open
// book and the routine stay English only), plus extra files; it returns the content
// folder.
func twoLanguages(t *testing.T, extra map[string]string) string {
	t.Helper()
	dir := copySite(t)
	index := filepath.Join(dir, "_index.md")
	b, err := os.ReadFile(index)
	must(t, err)
	must(t, os.WriteFile(index, []byte(strings.Replace(string(b), "language: en", "language: en\nlanguages: [en, es]", 1)), 0o644))
	files := map[string]string{
		"_index.es.md": "---\ntitle: Guía de prueba\ndescription: Una guía pequeña.\n---\nEmpiece por las [señales de alarma](red-flags.md).\n",
		"red-flags.es.md": "---\ntitle: Señales de alarma\nflags:\n  - id: night-pain\n    title: Dolor de noche\n    urgency: soon\n    action: Pida cita con su médico.\n" +
			"  - id: cauda-equina\n    title: Pérdida del control de la vejiga\n    urgency: emergency\n    action: Vaya a urgencias ahora.\n---\nCasi siempre el dolor de espalda no es grave.\n",
		"stretches/bridge.es.md": "---\ntitle: Puente\nsummary: Levante la cadera.\ncues: [Pies apoyados]\ncautions: [Pare si siente dolor fuerte.]\n" +
			"reviewed: 2026-11-25\n---\nEl puente fortalece la espalda [@gordon2016].\n\nVea la [postura del niño](childs-pose.md) y el [libro abierto](open-book.md#x).\n",
		"stretches/childs-pose.es.md": "---\ntitle: Postura del niño\nsummary: Siéntese sobre los talones.\n---\nUn estiramiento tranquilo.\n",
	}
	for name, src := range extra {
		files[name] = src
	}
	for name, src := range files {
		must(t, os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644))
	}
	return dir
}

// buildTwo builds a two-language guide and returns the output folder.
func buildTwo(t *testing.T, content string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), Options{Content: content, Out: out}); err != nil {
		t.Fatal(err)
	}
	return out
}

func readOut(t *testing.T, out, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
	must(t, err)
	return string(b)
}

// A two-language guide publishes the default language at the root as before and
// the translated pages, with the made pages, under es/; untranslated pages are not
// published in Spanish, and the Spanish pages take the original's data.
func TestTwoLanguageGuideBuildsBoth(t *testing.T) {
	out := buildTwo(t, twoLanguages(t, nil))
	for _, name := range []string{"index.html", "stretches/open-book/index.html", "routines/bedtime/index.html",
		"es/index.html", "es/stretches/bridge/index.html", "es/stretches/childs-pose/index.html", "es/red-flags/index.html",
		"es/stretches/index.html", "es/bibliography/index.html", "es/search.json"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	for _, name := range []string{"es/stretches/open-book/index.html", "es/routines/bedtime/index.html", "es/robots.txt"} {
		if _, err := os.Stat(filepath.Join(out, name)); err == nil {
			t.Errorf("%s is published, but it should not be", name)
		}
	}
	bridge := readOut(t, out, "es/stretches/bridge/index.html")
	for _, want := range []string{`<html lang="es">`, "Puente", "Pies apoyados", "El puente fortalece", "Estiramientos",
		"Pérdida del control de la vejiga", `href="../../stretches/childs-pose/"`, `href="../../../stretches/open-book/#x"`} {
		if !strings.Contains(bridge, want) {
			t.Errorf("es/stretches/bridge/ lacks %q", want)
		}
	}
	if !strings.Contains(bridge, "bridge.svg") || !strings.Contains(bridge, "10") {
		t.Error("the Spanish bridge does not share the original's picture and dose")
	}
	if en := readOut(t, out, "stretches/bridge/index.html"); !strings.Contains(en, `<html lang="en">`) || strings.Contains(en, "Puente") {
		t.Error("the English bridge page is not the English one")
	}
}

// Each page links to its versions in every language with hreflang, and to the
// default one as x-default, both ways; a page only in English has no Spanish link.
func TestHreflangBothWays(t *testing.T) {
	out := buildTwo(t, twoLanguages(t, nil))
	for name, want := range map[string][]string{
		"stretches/bridge/index.html": {`<link rel="alternate" hreflang="en" href="../../stretches/bridge/">`,
			`<link rel="alternate" hreflang="es" href="../../es/stretches/bridge/">`, `<link rel="alternate" hreflang="x-default" href="../../stretches/bridge/">`},
		"es/stretches/bridge/index.html": {`<link rel="alternate" hreflang="en" href="../../../stretches/bridge/">`,
			`<link rel="alternate" hreflang="es" href="../../../es/stretches/bridge/">`, `<link rel="alternate" hreflang="x-default" href="../../../stretches/bridge/">`},
		"es/index.html": {`<link rel="alternate" hreflang="en" href="../">`, `<link rel="alternate" hreflang="es" href="../es/">`},
	} {
		page := readOut(t, out, name)
		for _, w := range want {
			if !strings.Contains(page, w) {
				t.Errorf("%s lacks %s", name, w)
			}
		}
	}
	if page := readOut(t, out, "stretches/open-book/index.html"); strings.Contains(page, `<link rel="alternate" hreflang="es"`) {
		t.Error("stretches/open-book/ names a Spanish version it does not have")
	}
}

// The language switcher keeps the reader on the same page, and leads to the
// language's home when the page is not translated.
func TestLanguageSwitcherKeepsThePage(t *testing.T) {
	out := buildTwo(t, twoLanguages(t, nil))
	for name, want := range map[string][]string{
		"stretches/bridge/index.html":    {`<a href="../../es/stretches/bridge/" lang="es" hreflang="es">Español</a>`, `aria-current="true">English</a>`},
		"es/stretches/bridge/index.html": {`<a href="../../../stretches/bridge/" lang="en" hreflang="en">English</a>`, `aria-current="true">Español</a>`},
		"stretches/open-book/index.html": {`<a href="../../es/" lang="es" hreflang="es">Español</a>`},
		"es/stretches/index.html":        {`<a href="../../stretches/" lang="en" hreflang="en">English</a>`},
		"es/index.html":                  {`aria-label="Idioma"`, `<a href="../" lang="en" hreflang="en">English</a>`},
	} {
		page := readOut(t, out, name)
		for _, w := range want {
			if !strings.Contains(page, w) {
				t.Errorf("%s lacks %s", name, w)
			}
		}
	}
}

// Each language's search index holds only its own pages: the Spanish one finds
// Spanish words, and not the page that exists only in English.
func TestSearchIndexPerLanguage(t *testing.T) {
	out := buildTwo(t, twoLanguages(t, nil))
	es := readOut(t, out, "es/search.json")
	for _, want := range []string{"Puente", "fortalece", "Postura del niño"} {
		if !strings.Contains(es, want) {
			t.Errorf("es/search.json lacks %q", want)
		}
	}
	for _, not := range []string{"Open book", "open-book", "Bedtime", "Bridges help"} {
		if strings.Contains(es, not) {
			t.Errorf("es/search.json holds %q of the English guide", not)
		}
	}
	if en := readOut(t, out, "search.json"); strings.Contains(en, "Puente") {
		t.Error("search.json holds a Spanish page")
	}
}

// A translation with no original, or in a language the guide does not list, is an
// error at its file with a fix.
func TestTranslationErrors(t *testing.T) {
	for _, c := range []struct{ file, src, want, fix string }{
		{"stretches/plank.es.md", "---\ntitle: Plancha\n---\nTexto.\n", "no original", "plank.md"},
		{"stretches/open-book.fr.md", "---\ntitle: Livre\n---\nTexte.\n", `"fr"`, "languages"},
	} {
		content := twoLanguages(t, map[string]string{c.file: c.src})
		_, err := Build(context.Background(), Options{Content: content, Out: filepath.Join(t.TempDir(), "public")})
		var be *diag.BuildError
		if !errors.As(err, &be) {
			t.Fatalf("%s: got %v, want a build error", c.file, err)
		}
		found := false
		for _, d := range be.List {
			if strings.HasSuffix(d.Path, "content/"+c.file) && d.Severity == diag.Error && strings.Contains(d.Message, c.want) && strings.Contains(d.Hint, c.fix) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no error naming it with %q and fix %q in:\n%v", c.file, c.want, c.fix, be.List)
		}
	}
}

// A translation reviewed before its original is flagged by check as needing
// review, and its page says it may be out of date; a current one is not.
func TestOutdatedTranslation(t *testing.T) {
	old := "---\ntitle: Postura del niño\nsummary: Siéntese.\nreviewed: 2025-01-01\n---\nUn estiramiento tranquilo.\n"
	content := twoLanguages(t, map[string]string{"stretches/childs-pose.es.md": old})
	var warned, others bool
	for _, d := range Check(Options{Content: content, Today: testToday}) {
		if strings.Contains(d.Message, "translation needs review") {
			mine := strings.HasSuffix(d.Path, "content/stretches/childs-pose.es.md")
			warned = warned || mine && d.Severity == diag.Warning
			others = others || !mine
		}
	}
	if !warned || others {
		t.Errorf("check: warned at childs-pose.es.md %v, elsewhere %v", warned, others)
	}
	out := buildTwo(t, content)
	if page := readOut(t, out, "es/stretches/childs-pose/index.html"); !strings.Contains(page, "Es posible que esta traducción no esté al día") {
		t.Error("the outdated translation's page does not say so")
	}
	for _, name := range []string{"es/stretches/bridge/index.html", "stretches/childs-pose/index.html"} {
		if strings.Contains(readOut(t, out, name), `class="outdated"`) {
			t.Errorf("%s says it is out of date", name)
		}
	}
}

// The safety rule holds on translated pages too: with a stretch layout that drops
// the warning signs, check names the Spanish stretches that no longer link to them.
func TestCheckSafetyOnTranslations(t *testing.T) {
	dir := customLayouts(t, "stretch.html", func(s string) string {
		return strings.Replace(s, `{{$.WarningSigns $.Signs}}`, "", 1)
	})
	content := twoLanguages(t, nil)
	problems := Check(Options{Content: content, Layouts: dir, Today: testToday})
	for _, file := range []string{"stretches/bridge.es.md", "stretches/childs-pose.es.md"} {
		found := false
		for _, d := range problems {
			found = found || strings.HasSuffix(d.Path, "content/"+file) && strings.Contains(d.Message, "does not link to the warning-signs page")
		}
		if !found {
			t.Errorf("check does not name %s:\n%s", file, list(problems))
		}
	}
}

// A translated routine whose stretches are not all translated is an error at the
// translation, naming the stretch and the file to add: at its first line when it
// takes its steps from the original, at the step when it lists its own.
func TestTranslatedRoutineNeedsItsStretches(t *testing.T) {
	for _, c := range []struct {
		name, src string
		line      int
	}{
		{"steps of the original", "---\ntitle: Antes de dormir\nsummary: Tres.\n---\nRespire despacio.\n", 1},
		{"its own steps", "---\ntitle: Antes de dormir\nsummary: Tres.\nsteps:\n  - stretch: bridge\n  - stretch: open-book\n---\nRespire despacio.\n", 6},
	} {
		content := twoLanguages(t, map[string]string{"routines/bedtime.es.md": c.src})
		var found bool
		for _, d := range Check(Options{Content: content, Today: testToday}) {
			if strings.HasSuffix(d.Path, "content/routines/bedtime.es.md") && d.Severity == diag.Error {
				if d.Line != c.line || !strings.Contains(d.Message, `"open-book" has no translation into es`) || !strings.Contains(d.Hint, "stretches/open-book.es.md") {
					t.Errorf("%s: got %s", c.name, d)
				}
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no error at routines/bedtime.es.md", c.name)
		}
	}
}

// With a base URL, hreflang links give absolute addresses, as search engines require,
// from both languages; the language switcher stays relative.
func TestHreflangAbsoluteWithBaseURL(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), Options{Content: twoLanguages(t, nil), Out: out, BaseURL: "https://example.org/guide/"}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"stretches/bridge/index.html", "es/stretches/bridge/index.html"} {
		page := readOut(t, out, name)
		for _, w := range []string{`<link rel="alternate" hreflang="en" href="https://example.org/guide/stretches/bridge/">`,
			`<link rel="alternate" hreflang="es" href="https://example.org/guide/es/stretches/bridge/">`,
			`<link rel="alternate" hreflang="x-default" href="https://example.org/guide/stretches/bridge/">`} {
			if !strings.Contains(page, w) {
				t.Errorf("%s lacks %s", name, w)
			}
		}
	}
	if page := readOut(t, out, "es/index.html"); !strings.Contains(page, `<a href="../" lang="en" hreflang="en">English</a>`) {
		t.Error("es/index.html: the language switcher should keep its relative link")
	}
	if page := readOut(t, out, "404.html"); !strings.Contains(page, `<link rel="alternate" hreflang="es" href="https://example.org/guide/es/404.html">`) {
		t.Error("404.html lacks an absolute Spanish hreflang link")
	}
}

// With a base URL, robots.txt at the site root names the sitemap of every language,
// each with its absolute address.
func TestRobotsNamesEveryLanguagesSitemap(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), Options{Content: twoLanguages(t, nil), Out: out, BaseURL: "https://example.org/guide/"}); err != nil {
		t.Fatal(err)
	}
	robots := readOut(t, out, "robots.txt")
	for _, w := range []string{"\nSitemap: https://example.org/guide/sitemap.xml\n", "\nSitemap: https://example.org/guide/es/sitemap.xml\n"} {
		if !strings.Contains(robots, w) {
			t.Errorf("robots.txt lacks %q:\n%s", strings.TrimSpace(w), robots)
		}
	}
	if strings.Count(robots, "Sitemap:") != 2 {
		t.Errorf("robots.txt names %d sitemaps, want 2:\n%s", strings.Count(robots, "Sitemap:"), robots)
	}
	if !strings.Contains(readOut(t, out, "es/sitemap.xml"), "https://example.org/guide/es/stretches/bridge/") {
		t.Error("es/sitemap.xml does not list the Spanish pages")
	}
}

// The scripts' strings travel in each language's strings.js, which a browser keeps
// for the whole site, not in every page: the root's script says them in English,
// es/'s in Spanish, and no page carries a copy.
func TestScriptStringsTravelWithTheirScript(t *testing.T) {
	out := buildTwo(t, twoLanguages(t, nil))
	script := regexp.MustCompile(`<script defer src="((?:\.\./)*assets/strings\.[0-9a-f]{10}\.js)"></script>`)
	for _, c := range []struct{ page, pause string }{
		{"stretches/bridge/index.html", catalog(t, "en").S("js.follow.pause")},
		{"es/stretches/bridge/index.html", catalog(t, "es").S("js.follow.pause")},
	} {
		page := readOut(t, out, c.page)
		if strings.Contains(page, "ui-strings") || strings.Contains(page, `"follow.pause"`) {
			t.Errorf("%s still carries the scripts' strings", c.page)
		}
		m := script.FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("%s loads no strings.js", c.page)
		}
		src := readOut(t, out, path.Join(path.Dir(c.page), m[1]))
		first, _, _ := strings.Cut(src, "\n")
		var all map[string]any
		if err := json.Unmarshal([]byte(strings.TrimSuffix(strings.TrimPrefix(first, "self.uiStrings = "), ";")), &all); err != nil {
			t.Fatalf("the first line of %s's strings.js is not self.uiStrings = {JSON};: %v\n%.200s", c.page, err, first)
		}
		if all["follow.pause"] != c.pause {
			t.Errorf("%s's strings.js says follow.pause %q, want %q", c.page, all["follow.pause"], c.pause)
		}
	}
}
