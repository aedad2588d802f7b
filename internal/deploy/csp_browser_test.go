package deploy

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/stretchguide/stretchguide/internal/browsertest"
)

// listenForViolations records every Content-Security-Policy violation of a page in
// window.cspViolations, from before the page's first byte is read.
const listenForViolations = `window.cspViolations = [];
document.addEventListener("securitypolicyviolation", e =>
	window.cspViolations.push(e.effectiveDirective + " blocked " + (e.blockedURI || "?")));`

// TestBrowserFindsNoViolations serves the guide with the headers of netlify.toml and
// loads pages of each kind in Chromium: none may break the policy, and each page's
// stylesheet must load. A probe page with inline code shows the policy is enforced
// and its violations are heard.
func TestBrowserFindsNoViolations(t *testing.T) {
	ctx := browsertest.Start(t)
	dir := buildGuide(t, "https://example.org/stretch-guide/")
	probe := `<!DOCTYPE html><html lang="en"><title>probe</title><p style="color: red">inline style</p>` +
		`<script>document.title = "inline script ran"</script></html>`
	if err := os.WriteFile(filepath.Join(dir, "csp-probe.html"), []byte(probe), 0o644); err != nil {
		t.Fatal(err)
	}
	header := http.Header{}
	for name, value := range readNetlify(t).headersFor(t, "/*") {
		header.Set(name, value)
	}
	site := browsertest.ServeHost(t, dir, "/stretch-guide/", header)
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument,
		page.AddScriptToEvaluateOnNewDocumentParams{Source: listenForViolations}); err != nil {
		t.Fatal(err)
	}
	type result struct {
		Violations []string `json:"violations"`
		Title      string   `json:"title"`
		Rules      int      `json:"rules"` // CSS rules loaded from stylesheets
	}
	load := func(path string) result {
		t.Helper()
		step, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		if err := chromedp.Do(step, chromedp.Navigate(site+path)); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		// Violation reports are queued as tasks: let them arrive.
		r, err := chromedp.Run(step, chromedp.Evaluate[result](`new Promise(done => setTimeout(() => done({
			violations: window.cspViolations, title: document.title,
			rules: [...document.styleSheets].reduce((n, s) => n + s.cssRules.length, 0)}), 300))`,
			chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		return r
	}

	r := load("csp-probe.html")
	if len(r.Violations) < 2 || r.Title == "inline script ran" {
		t.Fatalf("the probe's inline style and script were not both blocked (violations %q, title %q): the check below would prove nothing",
			r.Violations, r.Title)
	}
	for _, path := range []string{"", "stretches/bridge/", "routines/morning/", "areas/lower-back/", "red-flags/",
		"bibliography/", "about/", "no/such/page/"} {
		r := load(path)
		for _, v := range r.Violations {
			t.Errorf("/%s: %s", path, v)
		}
		if r.Rules < 20 {
			t.Errorf("/%s: the stylesheet did not load (%d rules)", path, r.Rules)
		}
	}
}
