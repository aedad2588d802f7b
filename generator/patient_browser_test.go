package generator

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/internal/browsertest"
)

// The browser tests of the patient features: the stretch finder, the follow-along
// player, citation popovers, search, the site without JavaScript, small screens and
// dark mode, and the Content-Security-Policy. One Chromium serves them all, each
// subtest in its own tab.

// quickRoutine is added to the test site for the player: a two-sided 2-second hold,
// a one-sided 2-second hold and two repetitions.
const quickRoutine = `---
title: Quick
summary: Three short steps for the tests.
steps:
  - stretch: open-book
    hold: 2s
    sets: 1
  - stretch: childs-pose
    hold: 2s
  - stretch: bridge
    reps: 2
    sets: 1
---
A routine for the browser tests.
`

// buildPatientSite builds a content folder (the test site plus files, or the shipped
// guide) into a temporary folder and returns it.
func buildPatientSite(t *testing.T, src string, extra map[string]string) string {
	t.Helper()
	content := src
	if len(extra) > 0 {
		content = t.TempDir()
		if err := os.CopyFS(content, os.DirFS(src)); err != nil {
			t.Fatal(err)
		}
		for name, text := range extra {
			if err := os.WriteFile(filepath.Join(content, filepath.FromSlash(name)), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), Options{Content: content, Out: out, NoPDF: true}); err != nil {
		t.Fatalf("build %s: %v", src, err)
	}
	return out
}

// shippedGuide is the model of the guide in content/, for expected results.
func shippedGuide(t *testing.T) *guide.Guide {
	t.Helper()
	var problems diag.List
	ln := loadAndLink(os.DirFS("../content"), Options{Content: "../content"}, &problems, newTimer(nil))
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	return ln.Guide
}

// strictCSP is the policy of the deploy issue: nothing but the site's own files.
const strictCSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'"

// serveStrict serves dir under prefix with the strict Content-Security-Policy.
func serveStrict(t *testing.T, dir, prefix string) string {
	t.Helper()
	files := http.StripPrefix(strings.TrimSuffix(prefix, "/"), http.FileServer(http.Dir(dir)))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", strictCSP)
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + prefix
}

// tab opens a new tab of the browser with a time limit, and fails the test on any
// uncaught script error or Content-Security-Policy violation in it.
func tab(t *testing.T, browser context.Context) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser)
	ctx, cancelTime := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTime(); cancel() })
	var mu sync.Mutex
	var problems []string
	// Subscribe here, before any action opens the tab; read in the background.
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			// Chromium asks for /favicon.ico by itself; the guide has none (yet).
			if (m.IsException() || m.Type == "error") && !strings.HasSuffix(m.URL, "/favicon.ico") {
				mu.Lock()
				problems = append(problems, m.String())
				mu.Unlock()
			}
		}
	}()
	t.Cleanup(func() {
		mu.Lock()
		defer mu.Unlock()
		for _, p := range problems {
			t.Errorf("browser console: %s", p)
		}
	})
	return ctx
}

func run[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// eval runs a script expression in the page and returns its value.
func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	return run(t, ctx, chromedp.Evaluate[T](js))
}

// waitFor waits until a script expression is true, and fails with what it last
// was (report, another expression) when it does not become true within limit.
func waitFor(t *testing.T, ctx context.Context, js, report string, limit time.Duration) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(limit))); err != nil {
		got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](report))
		t.Fatalf("waiting for %s: %v (now %q)", js, err, got)
	}
}

// waitURL waits until the page's address ends in suffix, across navigations.
func waitURL(t *testing.T, ctx context.Context, suffix string) {
	t.Helper()
	var at string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if u, err := chromedp.Run(ctx, chromedp.Location()); err == nil {
			if at = u; strings.HasSuffix(u, suffix) {
				return
			}
		}
	}
	t.Fatalf("the page is at %s, want an address ending in %s", at, suffix)
}

// shots saves a screenshot of the page when STRETCHGUIDE_SCREENSHOTS names a folder,
// for people checking the look by eye.
func shot(t *testing.T, ctx context.Context, name string) {
	dir := os.Getenv("STRETCHGUIDE_SCREENSHOTS")
	if dir == "" {
		return
	}
	b, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, name+".png"), b, 0o644)
	}
	if err != nil {
		t.Logf("screenshot %s: %v", name, err)
	}
}

func TestPatientFeaturesInBrowser(t *testing.T) {
	browser := browsertest.Start(t)
	shipped := buildPatientSite(t, "../content", nil)
	site := buildPatientSite(t, "testdata/site", map[string]string{"routines/quick.md": quickRoutine})
	shippedURL := serveStrict(t, shipped, "/guide/")
	siteURL := serveStrict(t, site, "/")

	t.Run("finder", func(t *testing.T) { testFinder(t, tab(t, browser), shippedURL, shippedGuide(t)) })
	t.Run("follow-along", func(t *testing.T) { testFollowAlong(t, tab(t, browser), siteURL) })
	t.Run("reduced motion", func(t *testing.T) { testReducedMotion(t, tab(t, browser), siteURL) })
	t.Run("key hints on touch screens", func(t *testing.T) { testKeyHintsOnTouch(t, tab(t, browser), siteURL) })
	t.Run("citation popover", func(t *testing.T) { testCitationPopover(t, tab(t, browser), siteURL) })
	t.Run("search", func(t *testing.T) { testSearch(t, tab(t, browser), shippedURL) })
	t.Run("without JavaScript", func(t *testing.T) { testWithoutJavaScript(t, tab(t, browser), shippedURL, shippedGuide(t)) })
	t.Run("small screen and dark mode", func(t *testing.T) { testSmallScreen(t, tab(t, browser), shippedURL) })
}

// visibleCards lists the titles of the stretch cards the finder shows.
const visibleCards = `[...document.querySelectorAll('.finder-results > li')].filter(li => li.offsetParent).map(li => li.querySelector('a').textContent)`

// choose sets a form control as a person would, and lets the page hear the change.
func choose(t *testing.T, ctx context.Context, sel, value string) {
	t.Helper()
	eval[chromedp.Void](t, ctx, fmt.Sprintf(`(el => { el.value = %q; el.dispatchEvent(new Event('change', {bubbles: true})) })(document.querySelector(%q))`, value, sel))
}

func testFinder(t *testing.T, ctx context.Context, root string, g *guide.Guide) {
	// want lists the titles of the stretches that match, read from the model.
	want := func(keep func(s *guide.Stretch) bool) []string {
		var out []string
		for _, s := range g.Stretches {
			if keep(s) {
				out = append(out, s.Title)
			}
		}
		return out
	}
	inArea := func(s *guide.Stretch, id string) bool {
		return slices.ContainsFunc(s.Areas, func(a *guide.Area) bool { return a.ID == id })
	}
	check := func(step string, wantTitles []string, wantQuery string) {
		t.Helper()
		got := eval[[]string](t, ctx, visibleCards)
		if !slices.Equal(got, wantTitles) {
			t.Errorf("%s: the finder shows %q, want %q", step, got, wantTitles)
		}
		if q := eval[string](t, ctx, `location.search`); q != wantQuery {
			t.Errorf("%s: the address ends in %q, want %q", step, q, wantQuery)
		}
		if len(wantTitles) == 0 || wantQuery == "" {
			return
		}
		status := eval[string](t, ctx, `document.querySelector('.finder-status').textContent`)
		if !strings.Contains(status, fmt.Sprint(len(wantTitles))) {
			t.Errorf("%s: the status says %q for %d stretches", step, status, len(wantTitles))
		}
	}

	do(t, ctx, chromedp.Navigate(root+"stretches/"), chromedp.WaitVisible("form[data-finder]"))
	all := want(func(*guide.Stretch) bool { return true })
	check("at first", all, "")
	if status := eval[string](t, ctx, `document.querySelector('.finder-status').textContent`); status != "" {
		t.Errorf("the finder announces %q before anything is chosen", status)
	}
	if len(all) < 10 {
		t.Fatalf("the shipped guide has %d stretches; the test expects the full guide", len(all))
	}

	choose(t, ctx, "#finder-area", "hips")
	hips := want(func(s *guide.Stretch) bool { return inArea(s, "hips") })
	check("area hips", hips, "?area=hips")

	choose(t, ctx, "#finder-position", "lying")
	hipsLying := want(func(s *guide.Stretch) bool { return inArea(s, "hips") && s.Position == "lying" })
	check("hips, lying", hipsLying, "?area=hips&position=lying")
	if len(hipsLying) == 0 || len(hipsLying) == len(hips) {
		t.Errorf("the position filter should keep some but not all hip stretches: %q of %q", hipsLying, hips)
	}
	shot(t, ctx, "finder-desktop")
	// The button takes a keyboard user to the first stretch shown.
	do(t, ctx, chromedp.Click(`form[data-finder] button[type=submit]`))
	if f := eval[string](t, ctx, `document.activeElement.textContent`); f != hipsLying[0] {
		t.Errorf("after the finder's button the focus is on %q, want %q", f, hipsLying[0])
	}

	// The address is shareable: opening it gives the same choice and list.
	do(t, ctx, chromedp.Navigate(root+"stretches/?area=hips&position=lying"), chromedp.WaitVisible("form[data-finder]"))
	check("opened from the address", hipsLying, "?area=hips&position=lying")
	if v := eval[string](t, ctx, `document.querySelector('#finder-area').value + ' ' + document.querySelector('#finder-position').value`); v != "hips lying" {
		t.Errorf("the form shows %q after opening the address", v)
	}

	// Equipment: without a mat only stretches that need no mat remain.
	do(t, ctx, chromedp.Click(`button[type=reset]`))
	waitFor(t, ctx, `location.search === ''`, `location.search`, 5*time.Second)
	do(t, ctx, chromedp.Click(`input[name=have][value=mat]`))
	noMat := want(func(s *guide.Stretch) bool { return !slices.Contains(s.Equipment, "mat") })
	check("no mat", noMat, "?without=mat")
	if len(noMat) == 0 {
		t.Error("the shipped guide should have stretches done without a mat")
	}

	// Time: only stretches that fit in a minute.
	do(t, ctx, chromedp.Click(`input[name=have][value=mat]`))
	choose(t, ctx, "#finder-time", "60")
	quick := want(func(s *guide.Stretch) bool { return s.Dose.Active() <= time.Minute })
	check("a minute", quick, "?time=60")
	if len(quick) == 0 || len(quick) == len(all) {
		t.Errorf("the time filter should keep some but not all stretches: %d of %d", len(quick), len(all))
	}

	// Nothing matches: the page says so.
	choose(t, ctx, "#finder-position", "sitting")
	choose(t, ctx, "#finder-area", "quadriceps")
	if got := eval[[]string](t, ctx, visibleCards); len(got) == 0 {
		if !eval[bool](t, ctx, `!!document.querySelector('.finder-empty').offsetParent`) {
			t.Error("with no match the finder does not say so")
		}
	}

	// The home page has the same finder, and it follows the address too.
	do(t, ctx, chromedp.Navigate(root+"?position=standing"), chromedp.WaitVisible("form[data-finder]"))
	check("home, standing", want(func(s *guide.Stretch) bool { return s.Position == "standing" }), "?position=standing")
}

func testFollowAlong(t *testing.T, ctx context.Context, root string) {
	const (
		phase = `document.querySelector('.player-phase').textContent`
		count = `document.querySelector('.player-count').textContent`
		live  = `document.querySelector('[data-out=live]').textContent`
		state = phase + ` + ' | ' + ` + count + ` + ' | ' + ` + live
	)
	do(t, ctx, chromedp.Navigate(root+"routines/quick/"), chromedp.WaitVisible(".follow-along > [data-act=start]"))

	// In print the player and the search are absent and the steps are there.
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	if got := eval[string](t, ctx, `['.follow-along', '.site-search', '#steps'].map(s => getComputedStyle(document.querySelector(s)).display).join(' ')`); got != "none none block" {
		t.Errorf("in print the player, the search and the steps have display %q, want none none block", got)
	}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{}); err != nil {
		t.Fatal(err)
	}

	do(t, ctx, chromedp.Click(".follow-along > [data-act=start]"))
	waitFor(t, ctx, `document.querySelector('dialog.player').open`, state, 5*time.Second)
	// Keep what the player showed and said, so short phases are not missed on a
	// busy machine.
	eval[chromedp.Void](t, ctx, `window.seen = {phases: [], said: [], at: {}};
		const record = () => {
			const note = (list, v) => { if (v && list[list.length - 1] !== v) list.push(v) };
			const p = document.querySelector('.player-phase').textContent;
			if (!(p in seen.at)) seen.at[p] = performance.now();
			note(seen.phases, p);
			note(seen.said, document.querySelector('[data-out=live]').textContent);
		};
		record();
		new MutationObserver(record).observe(document.querySelector('dialog.player'), {subtree: true, childList: true, characterData: true})`)
	waitFor(t, ctx, live+`.includes('Step 1 of 3: Open book')`, state, 5*time.Second)
	if p := eval[string](t, ctx, phase); p != "Get into position" {
		t.Errorf("the first phase is %q", p)
	}
	shot(t, ctx, "player-ready")

	// The right arrow skips the rest of getting ready; the 2-second hold then runs
	// and ends on its own, and the player asks to switch sides.
	do(t, ctx, chromedp.KeyEvent(kb.ArrowRight))
	waitFor(t, ctx, `seen.said.includes('Switch sides.')`, state, 10*time.Second)
	said := eval[[]string](t, ctx, `seen.said`)
	if !slices.Contains(said, "Hold, first side for 2 seconds.") || !slices.Contains(said, "Switch sides.") {
		t.Errorf("the live region said %q", said)
	}
	if phases := eval[[]string](t, ctx, `seen.phases`); !slices.Equal(phases, []string{"Get into position", "Hold, first side", "Switch sides"}) {
		t.Errorf("the player showed %q", phases)
	}
	// The hold follows the clock: it did not end before its 2 seconds.
	if held := eval[float64](t, ctx, `seen.at['Switch sides'] - seen.at['Hold, first side']`); held < 1900 {
		t.Errorf("the 2-second hold ended after %.0f ms", held)
	}

	// Space pauses: the countdown stands still until space again.
	do(t, ctx, chromedp.KeyEvent(" "))
	waitFor(t, ctx, live+` === 'Paused.'`, state, 2*time.Second)
	if b := eval[string](t, ctx, `document.querySelector('[data-act=pause]').textContent`); b != "Resume" {
		t.Errorf("the pause button says %q while paused", b)
	}
	before := eval[string](t, ctx, count)
	time.Sleep(1500 * time.Millisecond)
	if after := eval[string](t, ctx, count+` + ' ' + `+phase); after != before+" Switch sides" {
		t.Errorf("while paused the countdown went from %q to %q", before, after)
	}
	do(t, ctx, chromedp.KeyEvent(" "))
	waitFor(t, ctx, live+` === 'Going on.'`, state, 2*time.Second)

	// Skip with the button; the second side ends on its own and the next step is
	// announced.
	do(t, ctx, chromedp.Click("dialog.player [data-act=skip]"))
	waitFor(t, ctx, live+`.includes("Step 2 of 3: Child's pose")`, state, 10*time.Second)
	if !eval[bool](t, ctx, `seen.phases.includes('Hold, second side')`) {
		t.Errorf("the second side was not held: %q", eval[[]string](t, ctx, `seen.phases`))
	}

	// While paused, the arrows still move and the player stays paused. Left while
	// getting ready goes back to the part before.
	do(t, ctx, chromedp.Focus(".player-stage"), chromedp.KeyEvent(" "))
	waitFor(t, ctx, live+` === 'Paused.'`, state, 2*time.Second)
	do(t, ctx, chromedp.KeyEvent(kb.ArrowLeft))
	waitFor(t, ctx, phase+` === 'Switch sides' && document.querySelector('.player-where').textContent === 'Step 1 of 3'`, state, 2*time.Second)
	p1 := eval[float64](t, ctx, `document.querySelector('.player progress').value`)

	// On to the repetitions: the counter counts them.
	for _, want := range []string{"Hold, second side", "Get into position", "Hold", "Get into position", "Repeat"} {
		do(t, ctx, chromedp.KeyEvent(kb.ArrowRight))
		waitFor(t, ctx, phase+` === '`+want+`'`, state, 2*time.Second)
	}
	if p2 := eval[float64](t, ctx, `document.querySelector('.player progress').value`); p2 <= p1 {
		t.Errorf("the progress bar went from %v to %v", p1, p2)
	}
	if c := eval[string](t, ctx, count); c != "1 of 2" {
		t.Errorf("the rep counter starts at %q", c)
	}
	do(t, ctx, chromedp.KeyEvent(" "))
	waitFor(t, ctx, count+` === '2 of 2'`, state, 8*time.Second)

	// The end screen comes on its own after the last repetition.
	waitFor(t, ctx, `!document.querySelector('.player-end').hidden`, state, 10*time.Second)
	waitFor(t, ctx, live+` === 'Routine finished. Well done.'`, state, 2*time.Second)
	if v := eval[float64](t, ctx, `document.querySelector('.player progress').value`); v != 1 {
		t.Errorf("at the end the progress bar is at %v", v)
	}
	shot(t, ctx, "player-end")
	do(t, ctx, chromedp.Click(".player-top [data-act=stop]"))
	waitFor(t, ctx, `!document.querySelector('dialog.player').open`, state, 2*time.Second)

	// Escape closes a running player, and the timer stops with it.
	do(t, ctx, chromedp.Click(".follow-along > [data-act=start]"))
	waitFor(t, ctx, `document.querySelector('dialog.player').open`, state, 2*time.Second)
	do(t, ctx, chromedp.KeyEvent(kb.Escape))
	waitFor(t, ctx, `!document.querySelector('dialog.player').open`, state, 2*time.Second)
	stopped := eval[string](t, ctx, count)
	time.Sleep(1200 * time.Millisecond)
	if c := eval[string](t, ctx, count); c != stopped {
		t.Errorf("after closing, the countdown went on from %q to %q", stopped, c)
	}
}

func testReducedMotion(t *testing.T, ctx context.Context, root string) {
	animation := `getComputedStyle(document.querySelector('.player-count')).animationName`
	for _, c := range []struct{ motion, want string }{{"no-preference", "breathe"}, {"reduce", "none"}} {
		if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: c.motion}}}); err != nil {
			t.Fatal(err)
		}
		// The bedtime routine starts with a 30-second hold: time enough to look.
		do(t, ctx, chromedp.Navigate(root+"routines/bedtime/"), chromedp.WaitVisible(".follow-along > [data-act=start]"),
			chromedp.Click(".follow-along > [data-act=start]"), chromedp.KeyEvent(kb.ArrowRight))
		waitFor(t, ctx, `document.querySelector('dialog.player').classList.contains('working')`, animation, 2*time.Second)
		if got := eval[string](t, ctx, animation); got != c.want {
			t.Errorf("prefers-reduced-motion: %s: the countdown's animation is %q, want %q", c.motion, got, c.want)
		}
	}
}

// The follow-along player's key hints show with a mouse and hide on a touch screen.
func testKeyHintsOnTouch(t *testing.T, ctx context.Context, root string) {
	display := `getComputedStyle(document.querySelector('.player-keys')).display`
	for _, c := range []struct {
		touch bool
		want  string
	}{{false, "block"}, {true, "none"}} {
		if _, err := chromedp.Call(ctx, emulation.SetTouchEmulationEnabled, emulation.SetTouchEmulationEnabledParams{Enabled: c.touch, MaxTouchPoints: 5}); err != nil {
			t.Fatal(err)
		}
		do(t, ctx, chromedp.Navigate(root+"routines/bedtime/"), chromedp.WaitReady(".player-keys"))
		if got := eval[string](t, ctx, display); got != c.want {
			t.Errorf("touch screen %v: the key hints' display is %q, want %q", c.touch, got, c.want)
		}
	}
}

func testCitationPopover(t *testing.T, ctx context.Context, root string) {
	const pop = `(p => p && !p.hidden && p.offsetParent !== null ? p.textContent : '')(document.getElementById('cite-pop'))`
	do(t, ctx, chromedp.Navigate(root+"stretches/bridge/"), chromedp.WaitReady("a[data-cite]"))
	waitFor(t, ctx, `!!document.getElementById('cite-pop')`, `'no popover element'`, 5*time.Second)
	if got := eval[string](t, ctx, pop); got != "" {
		t.Fatalf("a popover is open before anything is focused: %q", got)
	}

	// Focus opens it with the full reference; the link names it as its description.
	do(t, ctx, chromedp.Focus("a[data-cite=gordon2016]"))
	waitFor(t, ctx, pop+` !== ''`, pop, 2*time.Second)
	text := eval[string](t, ctx, pop)
	for _, want := range []string{"Gordon, R., & Bloxham, S.", "A systematic review of the effects of exercise and physical activity on non-specific chronic low back pain", "Healthcare", "https://doi.org/10.3390/healthcare4020022", "Evidence: Moderate certainty"} {
		if !strings.Contains(text, want) {
			t.Errorf("the popover lacks %q: %q", want, text)
		}
	}
	if d := eval[string](t, ctx, `document.querySelector('a[data-cite=gordon2016]').getAttribute('aria-describedby') || ''`); d != "cite-pop" {
		t.Errorf("the focused citation is described by %q", d)
	}
	if r := eval[string](t, ctx, `document.getElementById('cite-pop').getAttribute('role')`); r != "tooltip" {
		t.Errorf("the popover's role is %q", r)
	}
	shot(t, ctx, "cite-popover")

	// In print the popover is absent, and the evidence list is there.
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	if d := eval[string](t, ctx, `getComputedStyle(document.getElementById('cite-pop')).display`); d != "none" {
		t.Errorf("in print the open popover shows (display %s)", d)
	}
	if !eval[bool](t, ctx, `!!document.querySelector('#evidence').offsetParent`) {
		t.Error("in print the evidence list is hidden")
	}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{}); err != nil {
		t.Fatal(err)
	}

	// Escape closes it; focus stays on the link.
	do(t, ctx, chromedp.KeyEvent(kb.Escape))
	waitFor(t, ctx, pop+` === ''`, pop, 2*time.Second)
	if f := eval[string](t, ctx, `document.activeElement.dataset.cite || ''`); f != "gordon2016" {
		t.Errorf("after Escape the focus is on %q", f)
	}

	// Hover opens it too, and it closes when the pointer leaves.
	box := eval[[]float64](t, ctx, `(r => [r.x + r.width / 2, r.y + r.height / 2])(document.querySelector('a[data-cite=gordon2016]').getBoundingClientRect())`)
	do(t, ctx, chromedp.Blur("a[data-cite=gordon2016]"), chromedp.MouseEvent("mouseMoved", box[0], box[1]))
	waitFor(t, ctx, pop+` !== ''`, pop, 2*time.Second)
	do(t, ctx, chromedp.MouseEvent("mouseMoved", 2, 2))
	waitFor(t, ctx, pop+` === ''`, pop, 2*time.Second)

	// A mouse click still follows the link to the reference list.
	do(t, ctx, chromedp.Click("a[data-cite=gordon2016]"))
	waitURL(t, ctx, "/bibliography/#ref-gordon2016")

	// On a touch screen the first tap opens the popover, the second follows the link.
	do(t, ctx, chromedp.EmulateViewport(390, 800, chromedp.EmulateTouch, chromedp.EmulateMobile),
		chromedp.Navigate(root+"stretches/bridge/"), chromedp.WaitReady("a[data-cite]"))
	waitFor(t, ctx, `!!document.getElementById('cite-pop')`, `'no popover element'`, 5*time.Second)
	do(t, ctx, chromedp.Tap("a[data-cite=gordon2016]"))
	waitFor(t, ctx, pop+` !== ''`, pop, 2*time.Second)
	if p := eval[string](t, ctx, `location.pathname`); !strings.HasSuffix(p, "/stretches/bridge/") {
		t.Errorf("the first tap left the page for %s", p)
	}
	shot(t, ctx, "cite-popover-touch")
	do(t, ctx, chromedp.Tap("a[data-cite=gordon2016]"))
	waitURL(t, ctx, "/bibliography/#ref-gordon2016")
}

// clear empties a text field as a person would, so the page hears it.
func clear(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	eval[chromedp.Void](t, ctx, fmt.Sprintf(`(el => { el.value = ''; el.dispatchEvent(new Event('input', {bubbles: true})) })(document.querySelector(%q))`, sel))
}

func testSearch(t *testing.T, ctx context.Context, root string) {
	const results = `[...document.querySelectorAll('.search-results a')].map(a => a.textContent + ' ' + new URL(a.href).pathname + new URL(a.href).hash)`
	do(t, ctx, chromedp.Navigate(root+"stretches/bridge/"), chromedp.WaitVisible("#search-q"))
	do(t, ctx, chromedp.SendKeys("#search-q", "hamstring"))
	waitFor(t, ctx, `document.querySelectorAll('.search-results a').length > 0`, `document.querySelector('.search-status').textContent`, 5*time.Second)
	got := eval[[]string](t, ctx, results)
	if len(got) == 0 || !strings.HasPrefix(got[0], "Hamstring stretch /guide/stretches/hamstring-stretch/") {
		t.Errorf("searching hamstring gives %q", got)
	}
	shot(t, ctx, "search")

	// A word only in the text of a warning sign finds it.
	clear(t, ctx, "#search-q")
	do(t, ctx, chromedp.SendKeys("#search-q", "numb"))
	waitFor(t, ctx, `[...document.querySelectorAll('.search-results a')].some(a => a.hash === '#leg-numbness')`, results+`.join(' / ') + ' q=' + document.querySelector('#search-q').value`, 5*time.Second)

	// Nothing found is said, not left blank.
	clear(t, ctx, "#search-q")
	do(t, ctx, chromedp.SendKeys("#search-q", "zzzqx"))
	waitFor(t, ctx, `document.querySelector('.search-status').textContent.startsWith('Nothing found')`, `document.querySelector('.search-status').textContent`, 5*time.Second)

	// Enter opens the first result; the arrow key reaches the list.
	clear(t, ctx, "#search-q")
	do(t, ctx, chromedp.SendKeys("#search-q", "bedtime"))
	waitFor(t, ctx, `document.querySelectorAll('.search-results a').length > 0`, results, 5*time.Second)
	do(t, ctx, chromedp.KeyEvent(kb.ArrowDown))
	if f := eval[string](t, ctx, `document.activeElement.closest('.search-results') ? 'list' : document.activeElement.id`); f != "list" {
		t.Errorf("the down arrow leaves the focus on %q", f)
	}
	do(t, ctx, chromedp.Focus("#search-q"), chromedp.KeyEvent("\r"))
	waitURL(t, ctx, "/routines/bedtime/")
}

func testWithoutJavaScript(t *testing.T, ctx context.Context, root string, g *guide.Guide) {
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	// What a page shows: its heading, and whether its steps are on screen with text.
	type shown struct {
		H1    string `json:"h1"`
		Steps bool   `json:"steps"`
	}
	const look = `({h1: (document.querySelector('h1') || {}).textContent || '',
		steps: [...document.querySelectorAll('#steps')].some(e => e.offsetParent && e.getBoundingClientRect().height > 20 && e.innerText.trim().length > 20)})`
	// Follow every link from the home page, as a reader would.
	seen := map[string]shown{}
	queue := []string{root}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		if _, ok := seen[u]; ok {
			continue
		}
		do(t, ctx, chromedp.Navigate(u)) // returns once the page has loaded
		seen[u] = eval[shown](t, ctx, look)
		if enhanced := eval[bool](t, ctx, `[...document.querySelectorAll('form[data-finder], form.site-search, [data-follow]')].some(e => !e.hidden || e.offsetParent)`); enhanced {
			t.Fatalf("%s: a control that needs a script shows, or a script ran although scripts are disabled", u)
		}
		for _, l := range eval[[]string](t, ctx, `[...document.querySelectorAll('a[href]')].map(a => a.href.split('#')[0])`) {
			if _, ok := seen[l]; !ok && strings.HasPrefix(l, root) && !strings.HasSuffix(l, ".svg") {
				queue = append(queue, l)
			}
		}
	}
	readable := func(p *guide.Page) {
		t.Helper()
		got, ok := seen[root+p.URL]
		switch {
		case !ok:
			t.Errorf("%s (%s) cannot be reached by links without JavaScript", p.URL, p.Title)
		case got.H1 != p.Title:
			t.Errorf("%s: the heading is %q, want %q", p.URL, got.H1, p.Title)
		case !got.Steps:
			t.Errorf("%s: the steps are not shown without JavaScript", p.URL)
		}
	}
	for _, s := range g.Stretches {
		readable(&s.Page)
	}
	for _, r := range g.Routines {
		readable(&r.Page)
	}
	// The stretch list on the index is complete without the finder script.
	do(t, ctx, chromedp.Navigate(root+"stretches/"), chromedp.WaitReady("main"))
	if n := eval[int](t, ctx, `[...document.querySelectorAll('.finder-results > li')].filter(li => li.offsetParent).length`); n != len(g.Stretches) {
		t.Errorf("without JavaScript the index shows %d of %d stretches", n, len(g.Stretches))
	}
	shot(t, ctx, "nojs-index")
}

// targets measures every control a finger should hit, and reports those under
// 44 by 44 CSS pixels. Links inside running text are exempt, as in WCAG 2.5.5.
const smallTargets = `[...document.querySelectorAll('button, select, input, .check, nav a, .card > a, .chips a, .search-results a')]
	.filter(e => e.offsetParent && !(e.matches('input[type=checkbox]')))
	.map(e => [e, e.getBoundingClientRect()])
	.filter(([e, r]) => r.height < 44 || r.width < 44)
	.map(([e, r]) => e.outerHTML.slice(0, 60) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height))`

func testSmallScreen(t *testing.T, ctx context.Context, root string) {
	pages := []string{"", "stretches/", "stretches/bridge/", "routines/bedtime/", "positions/lying/", "red-flags/", "bibliography/"}
	for _, w := range []int64{320, 1280} {
		do(t, ctx, chromedp.EmulateViewport(w, 800))
		for _, p := range pages {
			do(t, ctx, chromedp.Navigate(root+p), chromedp.WaitReady("main"))
			waitFor(t, ctx, `!document.querySelector('form.site-search').hidden`, `'search hidden'`, 5*time.Second)
			if sw := eval[int](t, ctx, `document.documentElement.scrollWidth`); sw > int(w) {
				t.Errorf("at %d px, /%s is %d px wide: it scrolls sideways", w, p, sw)
			}
			if small := eval[[]string](t, ctx, smallTargets); len(small) > 0 {
				t.Errorf("at %d px, /%s has targets under 44 px: %q", w, p, small)
			}
			if w == 320 {
				shot(t, ctx, "320-"+strings.ReplaceAll(strings.Trim(p, "/"), "/", "-"))
			}
		}
	}
	// The player's controls at 320 px.
	do(t, ctx, chromedp.EmulateViewport(320, 640), chromedp.Navigate(root+"routines/bedtime/"),
		chromedp.WaitVisible(".follow-along > [data-act=start]"), chromedp.Click(".follow-along > [data-act=start]"))
	waitFor(t, ctx, `document.querySelector('dialog.player').open`, `'closed'`, 2*time.Second)
	outside := eval[[]string](t, ctx, `(d => {
		const s = getComputedStyle(d), left = parseFloat(s.paddingLeft), right = d.clientWidth - parseFloat(s.paddingRight);
		return [...d.querySelectorAll('button, .player-stage > *')].filter(e => e.offsetParent)
			.filter(e => { const r = e.getBoundingClientRect(); return r.left < left - 0.5 || r.right > right + 0.5 })
			.map(e => e.outerHTML.slice(0, 60));
	})(document.querySelector('dialog.player'))`)
	if len(outside) > 0 {
		t.Errorf("at 320 px these stick out of the player: %q", outside)
	}
	if small := eval[[]string](t, ctx, strings.Replace(smallTargets, "document.querySelectorAll(", "document.querySelector('dialog.player').querySelectorAll(", 1)); len(small) > 0 {
		t.Errorf("at 320 px the player has targets under 44 px: %q", small)
	}
	shot(t, ctx, "320-player")

	// Dark mode follows the system setting.
	bg := `getComputedStyle(document.body).backgroundColor`
	for _, c := range []struct{ scheme, want string }{{"light", "rgb(255, 255, 255)"}, {"dark", "rgb(22, 24, 26)"}} {
		if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: c.scheme}}}); err != nil {
			t.Fatal(err)
		}
		do(t, ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(root+"stretches/"), chromedp.WaitReady("main"))
		if got := eval[string](t, ctx, bg); got != c.want {
			t.Errorf("%s scheme: the page background is %s, want %s", c.scheme, got, c.want)
		}
		if c.scheme == "dark" {
			shot(t, ctx, "dark-index")
		}
	}
}
