package devserver

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/stretchguide/stretchguide/generator"
	"github.com/stretchguide/stretchguide/internal/browsertest"
)

// until evaluates a JavaScript condition in the page until it is true. The page may be
// reloading meanwhile, so failed evaluations are retried.
func until(t *testing.T, ctx context.Context, what, js string) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	var last error
	began := time.Now()
	defer func() { t.Logf("%s: %v", what, time.Since(began)) }()
	for time.Now().Before(deadline) {
		step, cancel := context.WithTimeout(ctx, 2*time.Second)
		ok, err := chromedp.Run(step, chromedp.Evaluate[bool](js))
		cancel()
		if err == nil && ok {
			return
		}
		last = err
		time.Sleep(20 * time.Millisecond)
	}
	state, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify({url: location.href, marker: window.marker,
		h1: (document.querySelector("h1") || {}).textContent, panel: !!document.getElementById("stretchguide-errors"),
		live: document.documentElement.hasAttribute("data-stretchguide-live"), scrollY: window.scrollY,
		sheets: Array.from(document.querySelectorAll('link[rel="stylesheet"]')).map(l => l.getAttribute("href"))})`))
	t.Fatalf("%s: still false after %v (%v): %s\npage: %s", what, waitLimit, last, js, state)
}

// TestBrowserLiveEditing opens a stretch in Chromium, under the server's strict
// content security policy, and edits the files behind it: a broken front matter
// shows the error panel on the open page without a reload; the fix reloads it at the
// same scroll position; a stylesheet edit restyles it without a reload; and a page
// loaded while the content is broken shows the panel from the start.
func TestBrowserLiveEditing(t *testing.T) {
	ctx := browsertest.Start(t, chromedp.WindowSize(800, 300))
	content := copySite(t)
	layoutsDir := t.TempDir()
	if err := os.CopyFS(layoutsDir, os.DirFS("../../layouts")); err != nil {
		t.Fatal(err)
	}
	r := start(t, generator.Options{Content: content, Layouts: layoutsDir})
	if err := chromedp.Do(ctx, chromedp.Navigate(r.url+"stretches/bridge/")); err != nil {
		t.Fatal(err)
	}
	until(t, ctx, "the page connects to the server", `document.documentElement.hasAttribute("data-stretchguide-live")`)
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 200); window.marker = 1`)); err != nil {
		t.Fatal(err)
	}
	bridge := filepath.Join(content, "stretches/bridge.md")

	replace(t, bridge, "title: Bridge", "title: [Bridge")
	until(t, ctx, "the panel appears on the open page",
		`(document.getElementById("stretchguide-errors") || {}).textContent?.includes("stretches/bridge.md:3:1: error: the front matter is not valid YAML") === true`)
	until(t, ctx, "the page was not reloaded and still shows the last good build",
		`window.marker === 1 && document.querySelector("h1").textContent === "Bridge"`)

	replace(t, bridge, "title: [Bridge", "title: Bridge, on your back")
	until(t, ctx, "the fixed page is reloaded without the panel",
		`window.marker === undefined && document.querySelector("h1").textContent === "Bridge, on your back" && !document.getElementById("stretchguide-errors")`)
	until(t, ctx, "the reader stays where they were", `Math.abs(window.scrollY - 200) < 2`)
	// The reloaded page connects anew; a change made before it has, it learns of
	// from the hello event, by reloading again. Wait, to see the stylesheet swapped.
	until(t, ctx, "the reloaded page connects", `document.documentElement.hasAttribute("data-stretchguide-live")`)

	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`window.marker = 2`)); err != nil {
		t.Fatal(err)
	}
	css := filepath.Join(layoutsDir, "style.css")
	b, _ := os.ReadFile(css)
	if err := os.WriteFile(css, append(b, "\nh1 { letter-spacing: 7px; }\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	until(t, ctx, "the new stylesheet applies without a reload",
		`getComputedStyle(document.querySelector("h1")).letterSpacing === "7px" && window.marker === 2`)

	replace(t, bridge, "title: Bridge, on your back", "title: [Bridge")
	until(t, ctx, "the panel appears again", `!!document.getElementById("stretchguide-errors")`)
	if err := chromedp.Do(ctx, chromedp.Navigate(r.url)); err != nil && !errors.Is(err, context.Canceled) {
		t.Fatal(err)
	}
	until(t, ctx, "a page loaded during the failure shows the panel",
		`document.querySelector("h1").textContent === "Test guide" && !!document.getElementById("stretchguide-errors")`)
}
