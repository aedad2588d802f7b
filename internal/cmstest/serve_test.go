package cmstest

import (
	"context"
	"io"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/stretchguide/stretchguide/generator"
	"github.com/stretchguide/stretchguide/generator/cms"
	"github.com/stretchguide/stretchguide/generator/devserver"
	"github.com/stretchguide/stretchguide/generator/starter"
)

// serveGuide writes the starter guide (what `stretchguide init` writes) into a new
// folder and runs `serve` on it on a loopback port. It gives the site's address,
// the guide's content folder, and a channel that receives once after each rebuild.
func serveGuide(t *testing.T) (string, string, <-chan time.Duration) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "guide")
	if err := starter.Write(dir); err != nil {
		t.Fatal(err)
	}
	content := filepath.Join(dir, "content")
	ctx, cancel := context.WithCancel(context.Background())
	srv, err := devserver.New(ctx, generator.Options{Content: content, Layouts: filepath.Join(root, "layouts"), NoPDF: true}, io.Discard, devserver.DefaultWindow)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	ln, err := devserver.Listen("127.0.0.1:0")
	if err != nil {
		cancel()
		srv.Close()
		t.Fatal(err)
	}
	built := make(chan time.Duration, 64)
	srv.Built = built
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	return srv.URL(ln), content, built
}

// offline answers the browser's requests to other sites: the CMS script and its
// chunks from unpkg with the files of node_modules (so the admin page's integrity
// hash is checked against the npm copy), anything else with a failure it records.
func offline(t *testing.T, s *session, dist string) *[]string {
	t.Helper()
	var elsewhere []string
	prefix := cms.ScriptURL[:strings.LastIndex(cms.ScriptURL, "/")+1]
	paused := make(chan *fetch.EventRequestPaused, 256)
	if err := chromedp.Listen(s.ctx, func(ev any) {
		if e, ok := ev.(*fetch.EventRequestPaused); ok {
			paused <- e
		}
	}); err != nil {
		t.Fatal(err)
	}
	go func() {
		for e := range paused {
			name, ok := strings.CutPrefix(e.Request.URL, prefix)
			b, err := os.ReadFile(filepath.Join(dist, filepath.FromSlash(path.Clean("/"+name))))
			if !ok || err != nil {
				s.mu.Lock()
				elsewhere = append(elsewhere, e.Request.URL)
				s.mu.Unlock()
				_, _ = chromedp.Call(s.ctx, fetch.FailRequest, fetch.FailRequestParams{RequestID: e.RequestID, ErrorReason: network.ErrorReasonBlockedByClient})
				continue
			}
			_, _ = chromedp.Call(s.ctx, fetch.FulfillRequest, fetch.FulfillRequestParams{RequestID: e.RequestID, ResponseCode: 200, Body: b,
				ResponseHeaders: []*fetch.HeaderEntry{{Name: "Content-Type", Value: "application/javascript"}, {Name: "Access-Control-Allow-Origin", Value: "*"}}})
		}
	}()
	if _, err := chromedp.Call(s.ctx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "https://*"}}}); err != nil {
		t.Fatal(err)
	}
	return &elsewhere
}

// TestEditorSavesThroughServe runs `serve` on a new guide and edits it as a clinician
// does, with the real Decap CMS under the Content-Security-Policy serve gives the
// editor: /admin/ finds serve's local backend with no other program running, opens
// the stretch, and Publish saves the new summary into the file in content/; serve
// rebuilds, and the preview shows the new text with no error.
func TestEditorSavesThroughServe(t *testing.T) {
	dist := decapDist(t)
	site, content, built := serveGuide(t)
	s := startSession(t)
	elsewhere := offline(t, s, dist)
	if _, err := chromedp.Call(s.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `window.blocked = [];
		document.addEventListener("securitypolicyviolation", e => window.blocked.push(e.violatedDirective + " " + e.blockedURI));`}); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(content, "stretches", "pelvic-tilt.md")
	const oldSummary = "A small, slow move lying on your back."
	const newSummary = "Lie on your back and gently flatten your lower back."

	login := chromedp.Search(`//button[contains(., "Login")]`)
	s.do("boot on serve's backend", chromedp.Navigate(site+"admin/"), chromedp.WaitVisible(login), chromedp.Click(login),
		chromedp.WaitVisible(chromedp.CSS(`a[href="#/collections/stretches"]`)))
	s.do("open the stretch", chromedp.Navigate(site+"admin/#/collections/stretches/entries/pelvic-tilt"))
	s.waitText("the stretch's fields", "Pelvic tilt", oldSummary, "Gently press your lower back to the floor")
	if err := s.until(`[...document.images].some(i => i.src.startsWith("blob:") && i.complete && i.naturalWidth > 0)`); err != nil {
		s.fail("the stretch's picture, read through serve", err)
	}

	// Type into the summary as React sees typing: the value's setter, then an input event.
	if ok := s.eval("edit the summary", `(() => {
		const box = [...document.querySelectorAll("textarea")].find(e => e.value.startsWith(`+"`"+oldSummary+"`"+`));
		if (!box) return false;
		Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value").set.call(box, `+"`"+newSummary+"`"+`);
		box.dispatchEvent(new Event("input", {bubbles: true}));
		return true;
	})()`); ok != true {
		s.fail("edit the summary", nil)
	}
	s.do("publish", chromedp.Click(chromedp.Search(`//*[normalize-space(text())="Publish"]`)),
		chromedp.Click(chromedp.Search(`//*[normalize-space(text())="Publish now"]`)))

	var page string
	for !strings.Contains(page, newSummary) {
		select {
		case <-built:
		case <-time.After(90 * time.Second):
			t.Fatalf("the preview does not show the new summary after the save:\n%.2000s", page)
		}
		resp, err := http.Get(site + "stretches/pelvic-tilt/")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		page = string(b)
	}
	if b, _ := os.ReadFile(file); !strings.Contains(string(b), newSummary) || strings.Contains(string(b), oldSummary) {
		t.Errorf("pelvic-tilt.md on disk does not hold the new summary:\n%s", b)
	}
	if strings.Contains(page, `id="stretchguide-errors"`) {
		t.Errorf("the file the editor saved does not build:\n%.3000s", page)
	}
	if v := s.eval("policy", `window.blocked.join("\n")`); v != "" {
		t.Errorf("the editor's policy under serve blocked: %v", v)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(*elsewhere) > 0 {
		t.Errorf("the editor asked other sites for: %q", *elsewhere)
	}
}
