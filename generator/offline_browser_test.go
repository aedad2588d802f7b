package generator

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/stretchguide/stretchguide/internal/browsertest"
)

// TestOfflineInBrowser visits the guide once under a folder, then stops the server:
// a routine page, its follow-along and a page never opened still load, from the
// service worker. A new build then replaces the old cache on the next visit.
func TestOfflineInBrowser(t *testing.T) {
	browser := browsertest.Start(t)
	content := t.TempDir()
	if err := os.CopyFS(content, os.DirFS("testdata/site")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	build := func() {
		t.Helper()
		if _, err := Build(context.Background(), Options{Content: content, Out: out, NoPDF: true}); err != nil {
			t.Fatal(err)
		}
	}
	build()
	files := http.StripPrefix("/guide", http.FileServer(http.Dir(out)))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", strictCSP)
		// Both builds often fall in the same second: by its modification time, to
		// the second, the new sw.js would be "not modified" to the browser's update
		// check, which then kept the old worker (a third of runs). Every request gets
		// the file as it is now, as from a host that compares content.
		r.Header.Del("If-Modified-Since")
		files.ServeHTTP(w, r)
	}))
	defer srv.Close()
	root := srv.URL + "/guide/"
	ctx := tab(t, browser)

	const version = `caches.keys().then(k => { window.cacheNames = k.join(' ') })`
	ready := func() string {
		t.Helper()
		eval[chromedp.Void](t, ctx, `navigator.serviceWorker.ready.then(r => { window.swScope = r.scope })`)
		waitFor(t, ctx, `window.swScope !== undefined && !!navigator.serviceWorker.controller`, `String(window.swScope)`, 10*time.Second)
		eval[chromedp.Void](t, ctx, `window.cacheNames = undefined; `+version)
		waitFor(t, ctx, `window.cacheNames !== undefined`, `'no caches'`, 5*time.Second)
		return eval[string](t, ctx, `window.cacheNames`)
	}
	do(t, ctx, chromedp.Navigate(root+"routines/bedtime/"), chromedp.WaitVisible(".follow-along > [data-act=start]"))
	first := ready()
	if scope := eval[string](t, ctx, `window.swScope`); scope != root {
		t.Errorf("the service worker's scope is %s, want the guide's root %s", scope, root)
	}
	if !strings.HasPrefix(first, "stretchguide-") || strings.Contains(first, " ") {
		t.Fatalf("the caches are %q, want one stretchguide- cache", first)
	}

	// A new build with a change: the next visit installs it and drops the old cache.
	page := filepath.Join(content, "pages", "about.md")
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, append(b, "\nOne more line for the new build.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	build()
	do(t, ctx, chromedp.Navigate(root+"routines/bedtime/"), chromedp.WaitVisible(".follow-along > [data-act=start]"))
	eval[chromedp.Void](t, ctx, `navigator.serviceWorker.getRegistration().then(r => r.update())`)
	waitFor(t, ctx, `(`+version+`, window.cacheNames !== undefined && window.cacheNames !== `+jsString(first)+` && !window.cacheNames.includes(' '))`, `window.cacheNames`, 10*time.Second)
	waitFor(t, ctx, `(`+version+`, window.cacheNames.startsWith('stretchguide-') && window.cacheNames !== `+jsString(first)+`)`, `window.cacheNames`, 5*time.Second)

	// Offline: the server is gone.
	srv.CloseClientConnections()
	srv.Close()
	for _, c := range []struct{ path, h1 string }{{"routines/bedtime/", "Bedtime"}, {"stretches/bridge/", "Bridge"}, {"about/", "About"}} {
		do(t, ctx, chromedp.Navigate(root+c.path), chromedp.WaitReady("h1"))
		if h := eval[string](t, ctx, `document.querySelector('h1').textContent`); !strings.HasPrefix(h, c.h1) {
			t.Errorf("offline, %s shows %q, want %q", c.path, h, c.h1)
		}
	}
	if !eval[bool](t, ctx, `document.body.textContent.includes('One more line for the new build.')`) {
		t.Error("offline, the about page is the old build's")
	}
	do(t, ctx, chromedp.Navigate(root+"routines/bedtime/"), chromedp.WaitVisible(".follow-along > [data-act=start]"),
		chromedp.Click(".follow-along > [data-act=start]"))
	waitFor(t, ctx, `document.querySelector('dialog.player').open && !!document.querySelector('.player-pic img, .player-count')`, `'closed'`, 5*time.Second)
	if !eval[bool](t, ctx, `getComputedStyle(document.querySelector('.player-count')).fontWeight === '700'`) {
		t.Error("offline, the player has no style: the stylesheet did not load")
	}
}
