package e2e

import (
	"context"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/stretchguide/stretchguide/generator"
	"github.com/stretchguide/stretchguide/internal/browsertest"
)

// basePath is where the test server serves the guide, so that a link that only works
// at the root of a domain fails.
const basePath = "/guide/"

// csp is the Content-Security-Policy the test server sends: with it, an inline script
// or style and anything from another site is refused, and the refusal is a console
// error that the browser checks report.
const csp = "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

var (
	guideOnce sync.Once
	guideDir  string
	guideErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if guideDir != "" {
		_ = os.RemoveAll(filepath.Dir(guideDir))
	}
	os.Exit(code)
}

// moduleRoot is the folder that holds go.mod.
func moduleRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Fatal("no go.mod above the test's folder")
		}
		dir = up
	}
}

// builtGuide builds the shipped guide (content/ through layouts/) once for the
// package, as if published at https://guide.example/guide/, and returns its folder.
func builtGuide(t testing.TB) string {
	t.Helper()
	guideOnce.Do(func() {
		root := moduleRoot(t)
		tmp, err := os.MkdirTemp("", "stretchguide-e2e-")
		if err != nil {
			guideErr = err
			return
		}
		guideDir = filepath.Join(tmp, "public")
		_, guideErr = generator.Build(context.Background(), generator.Options{
			Content: filepath.Join(root, "content"),
			Layouts: filepath.Join(root, "layouts"),
			Out:     guideDir,
			BaseURL: "https://guide.example" + basePath,
		})
	})
	if guideErr != nil {
		t.Fatalf("building the guide: %v", guideErr)
	}
	return guideDir
}

// htmlFiles lists the .html files below dir, as slash paths, sorted.
func htmlFiles(t testing.TB, dir string) []string {
	t.Helper()
	var files []string
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && strings.HasSuffix(p, ".html") && !strings.HasPrefix(p, "admin/") { // the editor: internal/cmstest
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	return files
}

// pageURL is the address of file (a slash path below the site) under base.
func pageURL(base, file string) string {
	return base + strings.TrimSuffix(file, "index.html")
}

// axePath is where the test server serves axe-core from node_modules, beside the site.
const axePath = "/__e2e/axe.min.js"

// serve serves dir on a loopback port under basePath with the strict csp, and axe-core
// at axePath, for the test's lifetime, and returns the address of the site.
func serve(t testing.TB, dir string) string {
	t.Helper()
	files := http.StripPrefix(strings.TrimSuffix(basePath, "/"), http.FileServer(http.Dir(dir)))
	mux := http.NewServeMux()
	mux.Handle(basePath, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", csp)
		files.ServeHTTP(w, r)
	}))
	axe := filepath.Join(moduleRoot(t), "node_modules", "axe-core", "axe.min.js")
	mux.HandleFunc(axePath, func(w http.ResponseWriter, r *http.Request) { http.ServeFile(w, r, axe) })
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL + basePath
}

// npmFile finds a file installed by `npm ci` below node_modules at the module root.
// When it is missing the test is skipped with a notice, or fails when the browser
// tests are required.
func npmFile(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(moduleRoot(t), "node_modules", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		if os.Getenv(browsertest.RequireEnv) == "1" {
			t.Fatalf("%s is required (%s=1) but missing: run npm ci at the module root", rel, browsertest.RequireEnv)
		}
		t.Skipf("SKIPPED: needs node_modules/%s: run npm ci at the module root (set %s=1 to make this a failure)", rel, browsertest.RequireEnv)
	}
	return p
}
