package generator

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/stretchguide/stretchguide/internal/browsertest"
)

// TestForgivingSearchInBrowser types into the search box of the shipped guide as a
// patient would: a typo, an everyday word, and words the authors' page also uses.
func TestForgivingSearchInBrowser(t *testing.T) {
	browser := browsertest.Start(t)
	root := serveStrict(t, buildPatientSite(t, "../content", nil), "/guide/")
	ctx := tab(t, browser)
	const results = `[...document.querySelectorAll('.search-results a')].map(a => a.textContent + ' ' + new URL(a.href).pathname + new URL(a.href).hash)`
	search := func(q string) []string {
		t.Helper()
		clear(t, ctx, "#search-q")
		do(t, ctx, chromedp.SendKeys("#search-q", q))
		waitFor(t, ctx, `document.querySelector('.search-status').textContent !== '' && document.querySelector('#search-q').value === `+jsString(q),
			`document.querySelector('.search-status').textContent`, 5*time.Second)
		return eval[[]string](t, ctx, results)
	}
	do(t, ctx, chromedp.Navigate(root), chromedp.WaitVisible("#search-q"))
	for _, c := range []struct{ q, first string }{
		{"hamstrng", "Hamstring stretch /guide/stretches/hamstring-stretch/"},
		{"hamsrting strech", "Hamstring stretch /guide/stretches/hamstring-stretch/"},
		{"sciatica", "Hamstring stretch /guide/stretches/hamstring-stretch/"},
		{"trunk rotation", "Lying spinal twist /guide/stretches/supine-spinal-twist/"},
		{"brid", "Bridge /guide/stretches/bridge/"},
	} {
		if got := search(c.q); len(got) == 0 || got[0] != c.first {
			t.Errorf("searching %q gives %q, want %q first", c.q, got, c.first)
		}
	}
	if got := search("sciatica"); !strings.Contains(strings.Join(got, " "), "#leg-numbness") {
		t.Errorf("searching sciatica does not list the warning sign about the legs: %q", got)
	}
	for _, q := range []string{"bridge", "morning", "cat cow", "front matter"} {
		for _, r := range search(q) {
			if strings.Contains(r, "authoring") {
				t.Errorf("searching %q lists the authors' page: %q", q, r)
			}
		}
	}
	// Words under five letters are not guessed at.
	if got := search("hpi"); len(got) != 0 {
		t.Errorf("searching hpi guesses %q", got)
	}
}

// jsString quotes s as a JavaScript string.
func jsString(s string) string {
	return "'" + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), "'", `\'`) + "'"
}
