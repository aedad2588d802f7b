package generator

import (
	"bytes"
	"context"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchguide/stretchguide/generator/i18n"
	"github.com/stretchguide/stretchguide/generator/pdf"
	"github.com/stretchguide/stretchguide/internal/pdftest"
)

// guideText is the text of every file of the test guide, whose own words are
// English and may show on a Spanish guide's pages and handouts.
func guideText(t *testing.T) string {
	t.Helper()
	var content strings.Builder
	must(t, filepath.WalkDir("testdata/site", func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			content.Write(b)
		}
		return err
	}))
	return content.String()
}

// englishHandoutWords are the pieces of the English strings a handout prints (its
// keys, and the durations and doses it says) that Spanish says otherwise and the
// test guide's own English text does not hold, and the words around numbers that
// say pages and versions.
func englishHandoutWords(t *testing.T, en, es *i18n.Catalog) []*regexp.Regexp {
	content := guideText(t) // the test guide's own words are English, and may show
	placeholder := regexp.MustCompile(`\{[^}]*\}`)
	var words []*regexp.Regexp
	for _, k := range slices.Concat(pdf.Keys, i18n.GoKeys) {
		if strings.HasPrefix(k, "date.") {
			continue // months: the dates are checked whole
		}
		m, _ := en.Message(k)
		theirs, _ := es.Message(k)
		for _, form := range []string{m.One, m.Other} {
			for _, piece := range placeholder.Split(form, -1) {
				piece = strings.Trim(piece, " ,.:·")
				if len(piece) >= 3 && !strings.Contains(theirs.One+theirs.Other, piece) && !strings.Contains(content, piece) {
					words = append(words, wholeWords(piece))
				}
			}
		}
	}
	for _, w := range []string{`\bPage\b`, `\d+ of \d+`, `\bDay\b`, `\bVersion\b`, `\breviewed\b`, `\blast updated\b`, `\bStop\b`} {
		if re := regexp.MustCompile(w); !re.MatchString(content) {
			words = append(words, re)
		}
	}
	return words
}

// wholeWords matches s where it does not begin or end inside a longer word.
func wholeWords(s string) *regexp.Regexp {
	re := regexp.QuoteMeta(s)
	if w := regexp.MustCompile(`^\w`); w.MatchString(s) {
		re = `\b` + re
	}
	if w := regexp.MustCompile(`\w$`); w.MatchString(s) {
		re += `\b`
	}
	return regexp.MustCompile(re)
}

// TestSpanishHandoutSpeaksSpanish: the handouts of a guide whose language is es
// print no English word of their own, print the Spanish ones with dates as Spanish
// writes them, say their language is es, and carry the stamp the routine's page
// shows.
func TestSpanishHandoutSpeaksSpanish(t *testing.T) {
	pdftest.Require(t)
	en, es := catalog(t, "en"), catalog(t, "es")
	english := englishHandoutWords(t, en, es)
	if len(english) < 25 {
		t.Fatalf("only %d English words to look for", len(english))
	}
	g := linkSite(t, "testdata/site", "")
	out := spanishSite(t)
	var all strings.Builder
	stamp := regexp.MustCompile(`Versión [0-9a-f]{8}( · (revisada|actualizada) el \d{4}-\d\d-\d\d)?`)
	for _, r := range g.Routines {
		b, err := os.ReadFile(filepath.Join(out, pdf.File(r)))
		must(t, err)
		if !bytes.Contains(b, []byte("/Lang (es)")) {
			t.Errorf("%s: the PDF does not say its language is es", pdf.File(r))
		}
		text := pdftest.Read(t, b).Text()
		all.WriteString(text)
		var found []string
		for _, re := range english {
			if m := re.FindString(text); m != "" {
				found = append(found, m)
			}
		}
		if len(found) > 0 {
			t.Errorf("%s: English words %q:\n%s", pdf.File(r), found, text)
		}
		if !r.Reviewed.IsZero() && !strings.Contains(text, es.Date(r.Reviewed.Time)) {
			t.Errorf("%s: no review date %q", pdf.File(r), es.Date(r.Reviewed.Time))
		}
		page, err := os.ReadFile(filepath.Join(out, r.URL, "index.html"))
		must(t, err)
		if s := stamp.FindString(text); s == "" || !strings.Contains(html.UnescapeString(string(page)), s) {
			t.Errorf("%s: stamp %q, not the same on the routine's page", pdf.File(r), s)
		}
	}
	for _, k := range []string{"signs.title", "signs.sharp_pain", "signs.gentle", "urgency.emergency",
		"routine.ticks", "routine.online", "handout.note"} {
		if s := es.S(k); !strings.Contains(all.String(), s) {
			t.Errorf("no handout says %q (%s)", s, k)
		}
	}
	for _, s := range []string{"Página 1 de ", "Mantenga "} {
		if !strings.Contains(all.String(), s) {
			t.Errorf("no handout says %q", s)
		}
	}
}

// TestHandoutFollowsEditedStrings: when a layouts folder's strings change, the next
// build of the same Builder makes the handouts again with the new words.
func TestHandoutFollowsEditedStrings(t *testing.T) {
	pdftest.Require(t)
	file := filepath.Join("i18n", "en.yaml")
	lay := layoutsCopy(t, file, func(s string) string { return s })
	b, err := NewBuilder(Options{Content: "testdata/site", Layouts: lay, Out: filepath.Join(t.TempDir(), "public")})
	must(t, err)
	handout := func() string {
		files, _, err := b.Build(context.Background())
		must(t, err)
		return pdftest.Read(t, files["routines/bedtime.pdf"]).Text()
	}
	if text := handout(); !strings.Contains(text, "This routine online:") {
		t.Fatalf("the handout lacks the words of the strings:\n%s", text)
	}
	src, err := os.ReadFile(filepath.Join(lay, file))
	must(t, err)
	edited := strings.Replace(string(src), `online: "This routine online:"`, `online: "Find it online:"`, 1)
	must(t, os.WriteFile(filepath.Join(lay, file), []byte(edited), 0o644))
	b.Changed(filepath.Join(lay, file))
	if text := handout(); !strings.Contains(text, "Find it online:") {
		t.Errorf("after the strings changed, the handout still says:\n%s", text)
	}
}
