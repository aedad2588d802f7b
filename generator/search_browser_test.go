package generator

import (
	"context"
	"fmt"
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
	testHomeStarts(t, tab(t, browser), root)
}

// testHomeStarts looks at the home page on a phone: the emergency line and "start
// here" come before the finder, cards have pictures, and the finder counts its
// results aloud with a link that jumps to them.
func testHomeStarts(t *testing.T, ctx context.Context, root string) {
	do(t, ctx, chromedp.EmulateViewport(390, 844), chromedp.Navigate(root), chromedp.WaitVisible("form[data-finder]"))
	copyShot(t, ctx, "home")
	if top := eval[float64](t, ctx, `document.querySelector('.emergency-line').getBoundingClientRect().bottom`); top > 844 {
		t.Errorf("the emergency line ends %v px down, below the first phone screen", top)
	}
	if order := eval[string](t, ctx, `['.emergency-line', '#start', '#routines', 'form[data-finder]'].map(s => Math.round(document.querySelector(s).getBoundingClientRect().top)).join(' ')`); !ascending(order) {
		t.Errorf("the home page's parts are not in the order emergency line, start here, routines, finder: tops %s", order)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('#routines .card > img, .finder-results .card > img').length`); n < 10 {
		t.Errorf("only %d cards have a picture", n)
	}
	choose(t, ctx, "#finder-area", "hips")
	waitFor(t, ctx, `/Showing \d+ of \d+ stretches/.test(document.querySelector('.finder-status').textContent)`, `document.querySelector('.finder-status').textContent`, 2*time.Second)
	if live := eval[string](t, ctx, `document.querySelector('.finder-status').getAttribute('aria-live')`); live != "polite" {
		t.Errorf("the finder's count is aria-live=%q", live)
	}
	jump := eval[string](t, ctx, `(a => a.offsetParent ? a.textContent : 'hidden')(document.querySelector('.finder-jump a'))`)
	if !strings.HasPrefix(jump, "See the ") {
		t.Fatalf("on a phone the jump to the results says %q", jump)
	}
	do(t, ctx, chromedp.Click(".finder-jump a"))
	waitFor(t, ctx, `location.hash === '#finder-list' && document.querySelector('#finder-list').getBoundingClientRect().top < 100`, `location.hash`, 2*time.Second)
}

// ascending reports whether the space-separated numbers in s go up.
func ascending(s string) bool {
	var last = -1 << 31
	for _, f := range strings.Fields(s) {
		var n int
		if _, err := fmt.Sscan(f, &n); err != nil || n <= last {
			return false
		}
		last = n
	}
	return true
}

// jsString quotes s as a JavaScript string.
func jsString(s string) string {
	return "'" + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), "'", `\'`) + "'"
}
