package generator

import (
	"context"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchguide/stretchguide/generator/i18n"
)

// catalog reads a shipped catalog of interface strings.
func catalog(t *testing.T, lang string) *i18n.Catalog {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "layouts", "i18n", lang+".yaml"))
	must(t, err)
	c, err := i18n.Parse("layouts/i18n/"+lang+".yaml", lang, b)
	must(t, err)
	return c
}

// spanishSite builds the test guide with language: es into a temporary folder.
func spanishSite(t *testing.T) string {
	t.Helper()
	dir := copySite(t)
	index := filepath.Join(dir, "_index.md")
	b, err := os.ReadFile(index)
	must(t, err)
	must(t, os.WriteFile(index, []byte(strings.Replace(string(b), "language: en", "language: es", 1)), 0o644))
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), Options{Content: dir, Out: out}); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSpanishGuideSpeaksSpanish: a guide whose language is es shows no English
// interface string on any page, in any attribute or in the search index: every
// string of en.yaml that Spanish says otherwise, and the guide's own (English) text
// does not hold, is absent.
func TestSpanishGuideSpeaksSpanish(t *testing.T) {
	en, es := catalog(t, "en"), catalog(t, "es")
	out := spanishSite(t)
	content := guideText(t) // the test guide's own words are English, and may show
	placeholder := regexp.MustCompile(`\{[^}]*\}`)
	var english []string
	for _, k := range en.Keys() {
		if strings.HasPrefix(k, "js.") || strings.HasPrefix(k, "date.") {
			continue // the scripts' strings reach pages as JSON, tested in the browser
		}
		m, _ := en.Message(k)
		theirs, _ := es.Message(k)
		for _, form := range []string{m.One, m.Other} {
			for _, piece := range placeholder.Split(form, -1) {
				piece = strings.TrimSpace(piece)
				if len(piece) >= 4 && strings.Contains(piece, " ") && !strings.Contains(theirs.One+theirs.Other, piece) &&
					!strings.Contains(content, piece) {
					english = append(english, piece)
				}
			}
		}
	}
	if len(english) < 100 {
		t.Fatalf("only %d English strings to look for", len(english))
	}
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".html") || strings.HasSuffix(p, "search.json")) || strings.Contains(p, "admin") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		page := html.UnescapeString(string(b))
		if !strings.Contains(page, `<html lang="es">`) && strings.HasSuffix(p, ".html") {
			t.Errorf("%s: not marked as Spanish", p)
		}
		for _, s := range english {
			if strings.Contains(page, s) {
				t.Errorf("%s: English interface string %q", p, s)
			}
		}
		return nil
	})
	must(t, err)
}
