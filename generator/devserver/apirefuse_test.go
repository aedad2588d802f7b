package devserver

import (
	"context"
	"encoding/base64"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchguide/stretchguide/generator"
)

// snapshot is every file below dir with its bytes, to show that nothing changed.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := os.ReadFile(p) // a link to a folder reads as nothing
		files[p] = string(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestAPIRefusesPaths asks the backend to read, write and delete outside the content
// folder, through links, in hidden files and in files the guide does not use. Each
// is refused with plain words, and no file anywhere in the test folder changes.
func TestAPIRefusesPaths(t *testing.T) {
	content := copySite(t)
	top := filepath.Dir(content)
	outside := filepath.Join(top, "outside")
	if err := os.MkdirAll(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"outside/secret.md": "secret", "content/.draft.md": "hidden", "content/stretches/notes.txt": "notes"} {
		if err := os.WriteFile(filepath.Join(top, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range map[string]string{"content/linked": outside, "content/stretches/out.md": filepath.Join(outside, "secret.md"),
		"content/stretches/same.md": filepath.Join(content, "stretches/bridge.md")} {
		if err := os.Symlink(target, filepath.Join(top, link)); err != nil {
			t.Skipf("SKIPPED: cannot make links here: %v", err)
		}
	}
	before := snapshot(t, top)
	api := apiURL(start(t, generator.Options{Content: content, NoPDF: true}))
	for _, c := range refusalCases(outside) {
		status, v := post(t, api, c.action, c.params)
		msg, _ := field(v, "error").(string)
		if status != http.StatusBadRequest && status != http.StatusUnprocessableEntity || !strings.Contains(msg, c.want) {
			t.Errorf("%s %v: status %d, %q; want a refusal saying %q", c.action, c.params, status, msg, c.want)
		}
	}
	after := snapshot(t, top)
	for p, b := range before {
		if after[p] != b {
			t.Errorf("%s changed", p)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			t.Errorf("%s was written", p)
		}
	}
}

// refusalCase is a request the backend must refuse, with words of the refusal.
type refusalCase struct {
	action string
	params any
	want   string
}

// refusalCases are the requests of TestAPIRefusesPaths; outside is a folder beside
// content/ with secret.md in it.
func refusalCases(outside string) []refusalCase {
	b64 := base64.StdEncoding.EncodeToString
	save := func(p string) map[string]any {
		return map[string]any{"dataFiles": []any{map[string]any{"path": p, "raw": "---\ntitle: X\n---\n"}}, "assets": []any{}, "options": map[string]any{}}
	}
	media := func(p string, b []byte) map[string]any {
		return map[string]any{"asset": map[string]any{"path": p, "content": b64(b), "encoding": "base64"}}
	}
	return []refusalCase{
		{"getEntry", map[string]any{"path": "content/../outside/secret.md"}, ".. part"},
		{"getEntry", map[string]any{"path": "../outside/secret.md"}, "outside the content folder"},
		{"getEntry", map[string]any{"path": "/etc/passwd"}, "not a path inside"},
		{"getEntry", map[string]any{"path": filepath.Join(outside, "secret.md")}, "not a path inside"},
		{"getEntry", map[string]any{"path": "C:/Windows/win.ini"}, "not a path inside"},
		{"getEntry", map[string]any{"path": "content\\..\\outside\\secret.md"}, "not a path inside"},
		{"getEntry", map[string]any{"path": "content/stretches/out.md"}, "is a link"},
		{"getEntry", map[string]any{"path": "content/stretches/same.md"}, "is a link"},
		{"getEntry", map[string]any{"path": "content/linked/secret.md"}, "is a link"},
		{"getEntry", map[string]any{"path": "content/.draft.md"}, "hidden"},
		{"getEntry", map[string]any{"path": "content/stretches/notes.txt"}, "not a page or references file"},
		{"getEntry", map[string]any{"path": "content/stretches/bridge.svg"}, "not a page or references file"},
		{"getEntry", map[string]any{"path": "content/stretches"}, "not a page"},
		{"entriesByFiles", map[string]any{"files": []any{map[string]any{"path": "content/linked/secret.md"}}}, "is a link"},
		{"entriesByFolder", map[string]any{"folder": "content/linked", "extension": "md", "depth": 1}, "is a link"},
		{"entriesByFolder", map[string]any{"folder": "content/..", "extension": "md", "depth": 2}, ".. part"},
		{"getMedia", map[string]any{"mediaFolder": "content/../outside"}, ".. part"},
		{"getMediaFile", map[string]any{"path": "content/stretches/bridge.md"}, "not a picture"},
		{"getMediaFile", map[string]any{"path": "content/../outside/secret.md"}, ".. part"},
		{"persistEntry", save("content/../outside/new.md"), ".. part"},
		{"persistEntry", save("/tmp/new.md"), "not a path inside"},
		{"persistEntry", save("content/linked/new.md"), "is a link"},
		{"persistEntry", save("content/stretches/out.md"), "is a link"},
		{"persistEntry", save("content/.git/config.md"), "hidden"},
		{"persistEntry", save("content/stretches/run.sh"), "not a page or references file"},
		{"persistEntry", save("content/stretches/bridge.svg"), "not a page or references file"},
		{"persistEntry", save("content/notes.yaml"), "not a page or references file"},
		{"persistEntry", map[string]any{"dataFiles": []any{map[string]any{"path": "content/stretches/bridge.md", "newPath": "content/../outside/x.md", "raw": "x"}}}, ".. part"},
		{"persistEntry", map[string]any{"dataFiles": []any{map[string]any{"path": "content/stretches/x.md", "raw": "x"}},
			"assets": []any{media("content/stretches/x.png", []byte("not a picture"))["asset"]}}, "not a PNG picture"},
		{"persistEntry", map[string]any{"dataFiles": []any{map[string]any{"path": "content/stretches/x.md", "raw": "x"}}, "options": map[string]any{"useWorkflow": true}}, "keeps no drafts"},
		{"persistMedia", media("content/stretches/x.md", pngBytes), "not a picture"},
		{"persistMedia", media("content/stretches/x.png", []byte("GIF89a")), "not a PNG picture"},
		{"persistMedia", media("content/stretches/x.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`)), "script"},
		{"persistMedia", media("content/linked/x.png", pngBytes), "is a link"},
		{"persistMedia", media("content/../x.png", pngBytes), ".. part"},
		{"persistMedia", map[string]any{"asset": map[string]any{"path": "content/stretches/x.png", "content": "%%%", "encoding": "base64"}}, "not valid base64"},
		{"deleteFiles", map[string]any{"paths": []string{"content/../outside/secret.md"}}, ".. part"},
		{"deleteFiles", map[string]any{"paths": []string{"content/stretches/out.md"}}, "is a link"},
		{"deleteFiles", map[string]any{"paths": []string{"content/stretches/notes.txt"}}, "not a file of the guide"},
		{"deleteFiles", map[string]any{"paths": []string{"content/stretches"}}, "not a file of the guide"},
		{"deleteFile", map[string]any{"path": "content/.draft.md"}, "hidden"},
	}
}

// TestAPIRefusesOtherSites sends the backend what a page of another site, or another
// computer, could: each is refused before anything is read or written.
func TestAPIRefusesOtherSites(t *testing.T) {
	content := copySite(t)
	s, err := New(context.Background(), generator.Options{Content: content, NoPDF: true}, io.Discard, DefaultWindow)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	before := snapshot(t, content)
	save := `{"action":"persistEntry","params":{"dataFiles":[{"path":"content/stretches/bridge.md","raw":"changed"}],"assets":[]}}`
	for _, c := range []struct {
		name   string
		req    func() *http.Request
		status int
	}{
		{"another computer", func() *http.Request {
			r := apiRequestTo("POST", "application/json", save)
			r.RemoteAddr = "192.168.1.20:50000"
			return r
		}, 403},
		{"another computer by IPv6", func() *http.Request {
			r := apiRequestTo("POST", "application/json", save)
			r.RemoteAddr = "[fe80::1]:50000"
			return r
		}, 403},
		{"a page of another site", func() *http.Request {
			r := apiRequestTo("POST", "application/json", save)
			r.Header.Set("Origin", "https://evil.example")
			return r
		}, 403},
		{"a page on another port of this computer", func() *http.Request {
			r := apiRequestTo("POST", "application/json", save)
			r.Header.Set("Origin", "http://127.0.0.1:8080")
			return r
		}, 403},
		{"a cross-site fetch without Origin", func() *http.Request {
			r := apiRequestTo("POST", "application/json", save)
			r.Header.Set("Sec-Fetch-Site", "cross-site")
			return r
		}, 403},
		{"a form of another site", func() *http.Request {
			r := apiRequestTo("POST", "application/x-www-form-urlencoded", "action=persistEntry")
			return r
		}, 415},
		{"a text/plain post", func() *http.Request { return apiRequestTo("POST", "text/plain", save) }, 415},
		{"no content type", func() *http.Request { return apiRequestTo("POST", "", save) }, 415},
		{"GET", func() *http.Request { return apiRequestTo("GET", "", "") }, 405},
		{"OPTIONS (a preflight)", func() *http.Request { return apiRequestTo("OPTIONS", "", "") }, 405},
		{"another host name (DNS rebinding)", func() *http.Request {
			r := apiRequestTo("POST", "application/json", save)
			r.Host = "evil.example:1313"
			return r
		}, 421},
		{"a body over the cap", func() *http.Request {
			return apiRequestTo("POST", "application/json", `{"action":"persistEntry","params":{"x":"`+strings.Repeat("a", maxAPIBody)+`"}}`)
		}, 413},
		{"not JSON", func() *http.Request { return apiRequestTo("POST", "application/json", "{") }, 400},
	} {
		w := httptest.NewRecorder()
		s.ServeHTTP(w, c.req())
		if w.Code != c.status {
			t.Errorf("%s: status %d, want %d: %s", c.name, w.Code, c.status, w.Body)
		}
	}
	// The same request from a page of this server, on this computer, is answered.
	r := apiRequestTo("POST", "application/json", `{"action":"info"}`)
	r.Header.Set("Origin", "http://127.0.0.1:1313")
	r.Header.Set("Sec-Fetch-Site", "same-origin")
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	if w.Code != 200 || !strings.Contains(w.Body.String(), "local_fs") {
		t.Errorf("the editor's own request: %d %s", w.Code, w.Body)
	}
	after := snapshot(t, content)
	for p, b := range before {
		if after[p] != b {
			t.Errorf("%s changed", p)
		}
	}
}
