// Package browsertest starts Debian's headless Chromium for tests and serves a built
// site to it. Tests that need a browser call Start; on a machine without Chromium they
// are skipped with a visible message, unless STRETCHGUIDE_REQUIRE_BROWSER=1 (set by
// .ci/run) makes a missing browser a failure. No browser is ever downloaded.
package browsertest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"testing"

	"github.com/chromedp/chromedp"
)

// RequireEnv is the variable that makes browser tests mandatory.
const RequireEnv = "STRETCHGUIDE_REQUIRE_BROWSER"

// Path finds the Chromium binary, or "" when there is none.
func Path() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Start launches headless Chromium for the test and returns a context for chromedp
// actions (chromedp.Do, chromedp.Run), closed when the test ends. Extra flags are added to the defaults.
func Start(t testing.TB, extra ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	path := Path()
	if path == "" {
		if os.Getenv(RequireEnv) == "1" {
			t.Fatalf("Chromium is required (%s=1) but was not found; install Debian's chromium package", RequireEnv)
		}
		t.Skip("SKIPPED: browser test needs Chromium (apt-get install chromium); set " + RequireEnv + "=1 to make this a failure")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1280, 900),
	}
	opts = append(opts, extra...)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })
	// The first call starts the browser, which lives as long as this call's context:
	// so no timeout here. Tests limit single steps with WithTimeout on ctx.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	return ctx
}

// Serve serves dir over HTTP on a loopback port for the test's lifetime, under
// prefix (such as "/stretch-guide/", or "/" for the root), and returns the site's URL.
func Serve(t testing.TB, dir, prefix string) string {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle(prefix, http.StripPrefix(prefix[:len(prefix)-1], http.FileServer(http.Dir(dir))))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL + prefix
}
