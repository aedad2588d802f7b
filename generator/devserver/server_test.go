package devserver

import (
	"bufio"
	"context"
	"encoding/json"
	"html"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchguide/stretchguide/generator"
	"github.com/stretchguide/stretchguide/generator/diag"
)

// rawGet sends path exactly as written, with no client cleaning or encoding it.
func rawGet(t *testing.T, addr, path string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, "GET "+path+" HTTP/1.1\r\nHost: "+addr+"\r\nConnection: close\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestTraversalIsRefused asks for a file outside the site in every spelling of "..":
// the answer is 400 or 404, never the file. The content folder's parent holds a
// secret file, one level up from where a naive server would serve.
func TestTraversalIsRefused(t *testing.T) {
	content := copySite(t)
	secret := "module secret-do-not-serve"
	if err := os.WriteFile(filepath.Join(filepath.Dir(content), "go.mod"), []byte(secret), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(content, "go.mod"), []byte(secret), 0o644); err != nil {
		t.Fatal(err)
	}
	r := start(t, generator.Options{Content: content})
	addr := strings.TrimSuffix(strings.TrimPrefix(r.url, "http://"), "/")
	for _, p := range []string{
		"/../go.mod", "/%2e%2e/go.mod", "/%2E%2E/go.mod", "/..%2fgo.mod", "/%2e%2e%2fgo.mod",
		"/.%2e/go.mod", "/stretches/../../go.mod", "/stretches/%2e%2e/%2e%2e/go.mod",
		"/..\\go.mod", "/..%5cgo.mod", "/go.mod", "/content/go.mod", "/./go.mod",
		"/__stretchguide/../go.mod", "/__stretchguide/..%2f..%2fgo.mod", "/stretches/bridge/%00",
	} {
		code, body := rawGet(t, addr, p)
		if code != http.StatusBadRequest && code != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 400 or 404", p, code)
		}
		if strings.Contains(body, secret) {
			t.Errorf("GET %s served the file outside the site", p)
		}
	}
	// The same client reaches the site's own files, so the refusals above are real.
	if code, body := rawGet(t, addr, "/stretches/bridge/bridge.svg"); code != http.StatusOK || !strings.Contains(body, "<svg") {
		t.Errorf("a picture of the site: status %d", code)
	}
}

func TestServesFilesWithTheirTypes(t *testing.T) {
	r := start(t, generator.Options{Content: copySite(t)})
	_, home := get(t, r.url)
	css := r.url + strings.TrimPrefix(between(home, `<link rel="stylesheet" href="`, `"`), "./")
	cases := []struct {
		path, method string
		status       int
		contentType  string
		contains     string
	}{
		{"", "GET", 200, "text/html; charset=utf-8", "<h1>Test guide</h1>"},
		{"stretches/bridge/", "GET", 200, "text/html; charset=utf-8", "<h1>Bridge</h1>"},
		{"stretches/bridge/index.html", "GET", 200, "text/html; charset=utf-8", "<h1>Bridge</h1>"},
		{"stretches/bridge/bridge.svg", "GET", 200, "image/svg+xml", "<svg"},
		{"sitemap.xml", "GET", 200, "xml", "<urlset"},
		{"manifest.webmanifest", "GET", 200, "application/manifest+json", "{"},
		{"routines/bedtime.pdf", "GET", 200, "application/pdf", "%PDF-"},
		{"routines/nothing.pdf", "GET", 404, "text/html; charset=utf-8", "Page not found"},
		{"__stretchguide/reload.js", "GET", 200, "javascript", "EventSource"},
		{"__stretchguide/devserver.css", "GET", 200, "text/css", ".stretchguide-errors"},
		{"no/such/page/", "GET", 404, "text/html; charset=utf-8", "Page not found"},
		{"__stretchguide/nothing.js", "GET", 404, "text/plain", ""},
		{"", "POST", 405, "text/plain", ""},
		{"", "HEAD", 200, "text/html; charset=utf-8", ""},
	}
	for _, c := range cases {
		req, _ := http.NewRequest(c.method, r.url+c.path, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != c.status || !strings.Contains(resp.Header.Get("Content-Type"), c.contentType) || !strings.Contains(string(b), c.contains) {
			t.Errorf("%s /%s: %d %q, want %d %q containing %q", c.method, c.path, resp.StatusCode, resp.Header.Get("Content-Type"), c.status, c.contentType, c.contains)
		}
		if resp.Header.Get("X-Content-Type-Options") != "nosniff" || resp.Header.Get("Content-Security-Policy") == "" {
			t.Errorf("%s /%s: missing nosniff or the content security policy", c.method, c.path)
		}
	}
	if code, b := get(t, css); code != 200 || !strings.Contains(b, "--accent") {
		t.Errorf("stylesheet %s: %d", css, code)
	}
	// A folder without its slash is redirected to it, as static hosts do.
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(r.url + "stretches/bridge")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/stretches/bridge/" {
		t.Errorf("stretches/bridge: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
}

func between(s, from, to string) string {
	i := strings.Index(s, from)
	if i < 0 {
		return ""
	}
	s = s[i+len(from):]
	return s[:strings.Index(s, to)]
}

// TestBuildOutputHasNoReloadScript builds the site as `build` does and checks that no
// file mentions the development server, while every page it serves does.
func TestBuildOutputHasNoReloadScript(t *testing.T) {
	content := copySite(t)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(context.Background(), generator.Options{Content: content, Out: out}); err != nil {
		t.Fatal(err)
	}
	markers := []string{"__stretchguide", "reload.js", "EventSource", "stretchguide-errors"}
	pages := 0
	err := filepath.WalkDir(out, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range markers {
			if strings.Contains(string(b), m) {
				t.Errorf("%s contains %q: the development server leaked into the build", p, m)
			}
		}
		if strings.HasSuffix(p, ".html") {
			pages++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 10 {
		t.Fatalf("only %d pages built", pages)
	}
	// The check above must be able to see a script: the served pages have one.
	r := start(t, generator.Options{Content: content})
	for _, p := range []string{"", "stretches/bridge/", "bibliography/", "404.html"} {
		if _, body := get(t, r.url+p); !strings.Contains(body, `<script src="/__stretchguide/reload.js?build=`) {
			t.Errorf("served /%s has no reload script", p)
		}
	}
}

// TestErrorPanel breaks a stretch so that the error message quotes HTML: the panel,
// pushed to open pages and added to pages served during the failure, lists the same
// problems, in the same words, as check, with the HTML escaped; the last good build
// stays served, and the next good build takes the panel away.
func TestErrorPanel(t *testing.T) {
	content := copySite(t)
	r := start(t, generator.Options{Content: content})
	events := listen(t, r.url)
	next(t, events, "hello")
	bridge := filepath.Join(content, "stretches/bridge.md")
	replace(t, bridge, "areas: [lower-back, hips]", `areas: [lower-back, "<script>alert(1)</script>"]`)

	e := next(t, events, "error")
	var pushed struct {
		Errors []string
		HTML   string
	}
	if err := json.Unmarshal([]byte(e.Data), &pushed); err != nil {
		t.Fatal(err)
	}
	// The panel lists the errors, each as check prints it (check also lists warnings
	// and each page's reading grade).
	var want []string
	for _, d := range generator.Check(generator.Options{Content: content}) {
		if d.Severity == diag.Error {
			want = append(want, d.String())
		}
	}
	if strings.Join(pushed.Errors, "\n") != strings.Join(want, "\n") || len(want) == 0 {
		t.Errorf("pushed problems:\n%s\ncheck says:\n%s", strings.Join(pushed.Errors, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(strings.Join(want, "\n"), "/content/stretches/bridge.md:4:21: error: unknown area") {
		t.Fatalf("the problem does not name the file and line: %v", want)
	}
	code, page := get(t, r.url+"stretches/bridge/")
	if code != 200 || !strings.Contains(page, "<h1>Bridge</h1>") {
		t.Errorf("the last good page is not served during the failure (%d)", code)
	}
	for _, html := range []string{pushed.HTML, page} {
		if strings.Contains(html, "<script>alert(1)") {
			t.Errorf("the panel did not escape the message:\n%s", html)
		}
		if !strings.Contains(html, `id="stretchguide-errors"`) {
			t.Errorf("no panel in:\n%s", html)
		}
		if got := panelTexts(html); strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("the panel lists:\n%s\ncheck says:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}

	replace(t, bridge, `"<script>alert(1)</script>"`, "hips")
	next(t, events, "reload")
	if _, page := get(t, r.url+"stretches/bridge/"); strings.Contains(page, "stretchguide-errors") {
		t.Error("the panel stayed after the content was fixed")
	}
}

// panelTexts returns the text of each problem in a page's error panel.
func panelTexts(page string) []string {
	var out []string
	for _, part := range strings.Split(page, "<pre>")[1:] {
		out = append(out, html.UnescapeString(part[:strings.Index(part, "</pre>")]))
	}
	return out
}

// TestNoGoodBuildYet starts on broken content: every address answers with the
// error page until the content is fixed, then with the site.
func TestNoGoodBuildYet(t *testing.T) {
	content := copySite(t)
	bridge := filepath.Join(content, "stretches/bridge.md")
	replace(t, bridge, "title: Bridge", "title: [Bridge")
	r := start(t, generator.Options{Content: content})
	events := listen(t, r.url)
	next(t, events, "hello")
	code, page := get(t, r.url+"stretches/bridge/")
	if code != http.StatusServiceUnavailable || !strings.Contains(page, "/content/stretches/bridge.md:3:1: error:") || !strings.Contains(page, "/__stretchguide/reload.js") {
		t.Fatalf("status %d:\n%s", code, page)
	}
	replace(t, bridge, "title: [Bridge", "title: Bridge")
	next(t, events, "reload")
	if code, page := get(t, r.url+"stretches/bridge/"); code != 200 || !strings.Contains(page, "<h1>Bridge</h1>") {
		t.Errorf("after the fix: %d\n%s", code, page)
	}
}

// TestBasePath serves a site published under a folder under that folder.
func TestBasePath(t *testing.T) {
	r := start(t, generator.Options{Content: copySite(t), BaseURL: "https://example.org/guide/"})
	if !strings.HasSuffix(r.url, "/guide/") {
		t.Fatalf("site URL %s", r.url)
	}
	if code, page := get(t, r.url+"stretches/bridge/"); code != 200 || !strings.Contains(page, "<h1>Bridge</h1>") {
		t.Errorf("under the folder: %d", code)
	}
	root := strings.TrimSuffix(r.url, "guide/")
	if code, page := get(t, root); code != 200 || !strings.Contains(page, "<h1>Test guide</h1>") {
		t.Errorf("the server root does not lead to the site: %d", code)
	}
	if code, _ := get(t, root+"stretches/bridge/"); code != 404 {
		t.Errorf("outside the folder: %d, want 404", code)
	}
}

// TestStylesheetOnlyChange edits only the stylesheet: pages are told they may swap
// it rather than reload, and the new stylesheet is served.
func TestStylesheetOnlyChange(t *testing.T) {
	layoutsDir := t.TempDir()
	if err := os.CopyFS(layoutsDir, os.DirFS("../../layouts")); err != nil {
		t.Fatal(err)
	}
	r := start(t, generator.Options{Content: copySite(t), Layouts: layoutsDir})
	events := listen(t, r.url)
	next(t, events, "hello")
	f := filepath.Join(layoutsDir, "style.css")
	b, _ := os.ReadFile(f)
	if err := os.WriteFile(f, append(b, "\n.new-rule { color: red; }\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	var reload struct{ CSS bool }
	if err := json.Unmarshal([]byte(next(t, events, "reload").Data), &reload); err != nil || !reload.CSS {
		t.Errorf("a stylesheet change should allow a swap: %v %v", reload, err)
	}
	_, home := get(t, r.url)
	if _, css := get(t, r.url+between(home, `<link rel="stylesheet" href="`, `"`)); !strings.Contains(css, ".new-rule") {
		t.Error("the new stylesheet is not served")
	}
	// A template change is not a stylesheet change.
	replace(t, filepath.Join(layoutsDir, "home.html"), "<h2 id=\"routines-title\">{{T \"home.routines\"}}</h2>", "<h2 id=\"routines-title\">All routines</h2>")
	if err := json.Unmarshal([]byte(next(t, events, "reload").Data), &reload); err != nil || reload.CSS {
		t.Errorf("a template change needs a reload: %v %v", reload, err)
	}
}

func TestListenNamesThePortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_, err = Listen(ln.Addr().String())
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	if err == nil || !strings.Contains(err.Error(), "port "+port+" is already in use") || !strings.Contains(err.Error(), "--addr") {
		t.Errorf("got %v", err)
	}
}

// serve never hands out the built site's service worker: a worker would answer the
// page's own requests from its copies, and live editing needs every answer fresh.
func TestServeHasNoOfflineWorker(t *testing.T) {
	r := start(t, generator.Options{Content: copySite(t)})
	if status, body := get(t, r.url+"sw.js"); status != 404 || strings.Contains(body, "CACHE") {
		t.Errorf("serve answered sw.js with %d: %.80q", status, body)
	}
}
