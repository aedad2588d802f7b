package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/stretchguide/stretchguide/internal/browsertest"
)

// The checks below each take a page address and return the problems they found,
// one sentence each, so that the same check runs on the guide (expecting none) and
// on a broken fixture (expecting its problem).

// startBrowser starts Chromium for the test with every host name but the loopback
// address unresolvable, so that no request can leave the machine even when a page
// asks for another site: the request fails and the checks report it.
func startBrowser(t *testing.T) context.Context {
	t.Helper()
	return browsertest.Start(t, chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"))
}

// step limits one browser step, so a hung page fails the test instead of stalling it.
func step(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, 60*time.Second)
}

// pageLoad is what happened while a page loaded.
type pageLoad struct {
	console    []string // console errors, uncaught exceptions, browser log errors
	failed     []string // requests that failed or got an HTTP error status
	thirdParty []string // requests to any origin but the test server's
}

// browsersOwn tells the requests the browser makes by itself, not for the page: the
// site icon at the root of the server, which the guide does not have.
func browsersOwn(u string) bool {
	p, err := url.Parse(u)
	return err == nil && p.Path == "/favicon.ico"
}

// load navigates to u and records the console and every request of the page.
func load(ctx context.Context, u string) (pageLoad, error) {
	var (
		mu  sync.Mutex
		pl  pageLoad
		req = map[network.RequestID]string{}
	)
	base, err := url.Parse(u)
	if err != nil {
		return pl, err
	}
	origin := base.Scheme + "://" + base.Host + "/"
	lctx, cancel := context.WithCancel(ctx)
	defer cancel()
	err = chromedp.Listen(lctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			if browsersOwn(ev.Request.URL) {
				return
			}
			req[ev.RequestID] = ev.Request.URL
			if !strings.HasPrefix(ev.Request.URL, origin) && !strings.HasPrefix(ev.Request.URL, "data:") {
				pl.thirdParty = append(pl.thirdParty, ev.Request.URL)
			}
		case *network.EventResponseReceived:
			if ev.Response.Status >= 400 && !browsersOwn(ev.Response.URL) {
				pl.failed = append(pl.failed, fmt.Sprintf("%s: HTTP %d", ev.Response.URL, ev.Response.Status))
			}
		case *network.EventLoadingFailed:
			if _, ok := req[ev.RequestID]; !ok {
				return // a request of the browser's own
			}
			pl.failed = append(pl.failed, fmt.Sprintf("%s: %s %s", req[ev.RequestID], ev.ErrorText, ev.BlockedReason))
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				var args []string
				for _, a := range ev.Args {
					args = append(args, strings.Trim(string(a.Value), `"`)+a.Description)
				}
				pl.console = append(pl.console, "console."+string(ev.Type)+": "+strings.Join(args, " "))
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			text := d.Text
			if d.Exception != nil {
				text += " " + d.Exception.Description
			}
			pl.console = append(pl.console, fmt.Sprintf("uncaught: %s (%s:%d)", text, d.URL, d.LineNumber+1))
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError && !browsersOwn(ev.Entry.URL) {
				pl.console = append(pl.console, fmt.Sprintf("%s error: %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
			}
		}
	})
	if err != nil {
		return pl, err
	}
	sctx, done := step(ctx)
	defer done()
	if err := chromedp.Do(sctx, chromedp.Navigate(u)); err != nil {
		return pl, fmt.Errorf("loading %s: %w", u, err)
	}
	// A round trip after the load event: every event sent before its reply has
	// reached the listener by the time it returns.
	if _, err := chromedp.Run(sctx, chromedp.Evaluate[string](`document.readyState`)); err != nil {
		return pl, err
	}
	cancel()
	mu.Lock()
	defer mu.Unlock()
	return pl, nil
}

// axeTags are the rule sets of axe-core that make up WCAG 2.2 levels A and AA.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"}

// addAxe adds axe-core to a page with a script element and waits until it has run.
const addAxe = `new Promise((ok, fail) => {
	const s = document.createElement('script');
	s.src = '` + axePath + `';
	s.onload = ok;
	s.onerror = fail;
	document.head.append(s);
})`

// axeCheck adds axe-core to the loaded page (from axePath on the test server, so the
// browser compiles it once for all pages) and returns its violations of WCAG 2.2 A
// and AA at any impact. It then shows the page in its dark colour scheme and checks
// the colour contrast again.
func axeCheck(ctx context.Context) ([]string, error) {
	sctx, done := step(ctx)
	defer done()
	if _, err := chromedp.Run(sctx, chromedp.Evaluate[chromedp.Void](addAxe, chromedp.EvalAwaitPromise)); err != nil {
		return nil, fmt.Errorf("injecting axe-core: %w", err)
	}
	defer chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{})
	var problems []string
	for _, scheme := range []string{"light", "dark"} {
		if _, err := chromedp.Call(sctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		}); err != nil {
			return nil, err
		}
		only := map[string]any{"type": "tag", "values": axeTags}
		if scheme == "dark" {
			only = map[string]any{"type": "rule", "values": []string{"color-contrast"}}
		}
		opts, _ := json.Marshal(map[string]any{"runOnly": only, "resultTypes": []string{"violations"}})
		type node struct {
			Target  []any  `json:"target"`
			Summary string `json:"failureSummary"`
		}
		type violation struct {
			ID     string `json:"id"`
			Impact string `json:"impact"`
			Help   string `json:"help"`
			Nodes  []node `json:"nodes"`
		}
		vs, err := chromedp.Run(sctx, chromedp.Evaluate[[]violation](
			`axe.run(document, `+string(opts)+`).then(r => r.violations)`, chromedp.EvalAwaitPromise))
		if err != nil {
			return nil, fmt.Errorf("running axe-core: %w", err)
		}
		for _, v := range vs {
			for _, n := range v.Nodes {
				problems = append(problems, fmt.Sprintf("%s (%s, %s scheme): %s at %v: %s",
					v.ID, v.Impact, scheme, v.Help, n.Target, strings.ReplaceAll(n.Summary, "\n", " ")))
			}
		}
	}
	return problems, nil
}

// keyboardCheck loads u and uses the keyboard only. The first Tab must reach a
// visible skip link to #main; Enter on it must move the focus so that the next Tab
// lands inside main. Then, from a fresh load, Tab must reach every visible link of the
// page, each with a visible focus indicator.
func keyboardCheck(ctx context.Context, u string) ([]string, error) {
	sctx, done := step(ctx)
	defer done()
	var problems []string
	tab := chromedp.KeyEvent("\t")
	// An address with a fragment, navigated to from itself, would only scroll: leave
	// first, so the page loads afresh.
	if err := chromedp.Do(sctx, chromedp.Navigate("about:blank"), chromedp.Navigate(u), tab); err != nil {
		return nil, err
	}
	type focused struct {
		Tag, Text, Href, Outline string
		Visible                  bool
		InMain                   bool
		Index                    int
	}
	const describe = `(() => {
		const e = document.activeElement, r = e.getBoundingClientRect(), s = getComputedStyle(e);
		const main = document.querySelector('main');
		return {Tag: e.tagName.toLowerCase(), Text: (e.textContent || '').trim().slice(0, 60),
			Href: e.getAttribute('href') || '',
			Outline: s.outlineStyle === 'none' || parseFloat(s.outlineWidth) === 0 ? (s.boxShadow === 'none' ? '' : s.boxShadow) : s.outlineStyle + ' ' + s.outlineWidth,
			Visible: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight,
			InMain: !!main && main.contains(e) && e !== main,
			Index: e.__linkIndex ?? -1};
	})()`
	first, err := chromedp.Run(sctx, chromedp.Evaluate[focused](describe))
	if err != nil {
		return nil, err
	}
	switch {
	case first.Tag != "a" || first.Href != "#main":
		problems = append(problems, fmt.Sprintf("the first Tab focuses <%s href=%q> %q, not a skip link to #main", first.Tag, first.Href, first.Text))
	case !first.Visible:
		problems = append(problems, "the skip link is not visible when it has the focus")
	default:
		if err := chromedp.Do(sctx, chromedp.KeyEvent("\r"), tab); err != nil {
			return nil, err
		}
		after, err := chromedp.Run(sctx, chromedp.Evaluate[focused](describe))
		if err != nil {
			return nil, err
		}
		hasLinks, err := chromedp.Run(sctx, chromedp.Evaluate[bool](`!!document.querySelector('main a[href], main button, main [tabindex]:not([tabindex="-1"])')`))
		if err != nil {
			return nil, err
		}
		if hasLinks && !after.InMain {
			problems = append(problems, fmt.Sprintf("after the skip link, Tab focuses <%s> %q, outside main", after.Tag, after.Text))
		}
	}

	// Every visible link, in document order, numbered on the element itself; a focus
	// listener notes each element that gets the focus, so the Tabs go in one batch.
	if err := chromedp.Do(sctx, chromedp.Navigate(u)); err != nil {
		return nil, err
	}
	links, err := chromedp.Run(sctx, chromedp.Evaluate[[]string](`(() => {
		window.__focused = [];
		document.addEventListener('focusin', () => window.__focused.push(`+describe+`));
		return Array.from(document.querySelectorAll('a[href]'))
			.filter(a => a.getClientRects().length > 0 || a.classList.contains('skip'))
			.map((a, i) => { a.__linkIndex = i; return (a.textContent || '').trim().slice(0, 60) + ' -> ' + a.getAttribute('href'); });
	})()`))
	if err != nil {
		return nil, err
	}
	// Forms and buttons take Tabs too: press once for every visible control, and a few more.
	controls, err := chromedp.Run(sctx, chromedp.Evaluate[int](`Array.from(document.querySelectorAll(
		'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')).filter(e => e.getClientRects().length > 0).length`))
	if err != nil {
		return nil, err
	}
	tabs := make([]chromedp.Action[chromedp.Void], max(len(links), controls)+3)
	for i := range tabs {
		tabs[i] = tab
	}
	if err := chromedp.Do(sctx, tabs...); err != nil {
		return nil, err
	}
	seen, err := chromedp.Run(sctx, chromedp.Evaluate[[]focused](`window.__focused`))
	if err != nil {
		return nil, err
	}
	reached := make([]bool, len(links))
	for _, f := range seen {
		if f.Index < 0 || f.Index >= len(links) {
			continue
		}
		if !reached[f.Index] && f.Outline == "" {
			problems = append(problems, fmt.Sprintf("link %q shows no focus outline", links[f.Index]))
		}
		reached[f.Index] = true
	}
	for i, ok := range reached {
		if !ok {
			problems = append(problems, fmt.Sprintf("Tab never reaches link %q", links[i]))
		}
	}
	return problems, nil
}

// viewport is a size to check the layout at.
type viewport struct {
	name          string
	width, height int64
	scale         float64 // device pixels per CSS pixel: 2 is a 200 % zoom
}

// reflowViewports are the sizes at which no page may scroll sideways: a 320 px wide
// phone (WCAG 1.4.10) and a 1280 px window zoomed to 200 %, which lays the page out
// 640 CSS pixels wide with two device pixels to each.
var reflowViewports = []viewport{
	{"320 px wide", 320, 640, 1},
	{"200 % zoom", 640, 450, 2},
}

// reflowCheck lays the loaded page out at each of reflowViewports and reports when
// it is wider than the window, naming the elements that stick out.
func reflowCheck(ctx context.Context) ([]string, error) {
	sctx, done := step(ctx)
	defer done()
	defer chromedp.Call(ctx, emulation.ClearDeviceMetricsOverride, struct{}{})
	var problems []string
	for _, v := range reflowViewports {
		if _, err := chromedp.Call(sctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
			Width: v.width, Height: v.height, DeviceScaleFactor: v.scale,
		}); err != nil {
			return nil, err
		}
		type overflow struct {
			Scroll, Client int
			Wide           []string
		}
		o, err := chromedp.Run(sctx, chromedp.Evaluate[overflow](`(() => {
			const d = document.documentElement, w = d.clientWidth;
			const wide = Array.from(document.body.querySelectorAll('*'))
				.filter(e => e.getBoundingClientRect().right > w + 1)
				.slice(0, 5)
				.map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : ''));
			return {Scroll: d.scrollWidth, Client: w, Wide: wide};
		})()`))
		if err != nil {
			return nil, err
		}
		if o.Scroll > o.Client {
			problems = append(problems, fmt.Sprintf("at %s the page is %d px wide in a %d px window: %v", v.name, o.Scroll, o.Client, o.Wide))
		}
	}
	return problems, nil
}

// screenshot saves a full-page PNG of u at the viewport into dir.
func screenshot(ctx context.Context, u string, v viewport, file string) error {
	sctx, done := step(ctx)
	defer done()
	defer chromedp.Call(ctx, emulation.ClearDeviceMetricsOverride, struct{}{})
	if _, err := chromedp.Call(sctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
		Width: v.width, Height: v.height, DeviceScaleFactor: v.scale, Mobile: v.width < 600,
	}); err != nil {
		return err
	}
	if err := chromedp.Do(sctx, chromedp.Navigate(u)); err != nil {
		return err
	}
	png, err := chromedp.Run(sctx, chromedp.FullScreenshot(100))
	if err != nil {
		return err
	}
	return os.WriteFile(file, png, 0o644)
}
