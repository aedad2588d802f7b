package devserver

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/stretchguide/stretchguide/generator"
)

// TestAPISaveRebuilds saves a stretch as the editor does: the file on disk holds
// exactly the editor's text, written whole (the first event is the reload, never an
// error about a half-written file; no temporary file is left; the file keeps its
// permissions); serve rebuilds and tells open pages to reload, and the page shows
// the new summary. A save with a mistake shows the error on the page, which keeps
// the last good text.
func TestAPISaveRebuilds(t *testing.T) {
	content := copySite(t)
	r := start(t, generator.Options{Content: content, NoPDF: true})
	events := listen(t, r.url)
	next(t, events, "hello")
	file := filepath.Join(content, "stretches/bridge.md")
	b, _ := os.ReadFile(file)
	if err := os.Chmod(file, 0o640); err != nil {
		t.Fatal(err)
	}
	raw := strings.Replace(string(b), "Lift your hips to work the muscles along your spine.", "Raise your hips slowly, then lower them.", 1)
	params := func(raw string) map[string]any {
		return map[string]any{"dataFiles": []any{map[string]any{"path": "content/stretches/bridge.md", "slug": "bridge", "raw": raw}},
			"assets": []any{}, "options": map[string]any{"newEntry": false, "commitMessage": "Update Stretches “bridge”"}}
	}
	if status, v := post(t, apiURL(r), "persistEntry", params(raw)); status != 200 || field(v, "message") == nil {
		t.Fatalf("persistEntry: %d %v", status, v)
	}
	if got, _ := os.ReadFile(file); string(got) != raw {
		t.Fatalf("bridge.md on disk is not the editor's text:\n%s", got)
	}
	entries, _ := os.ReadDir(filepath.Dir(file))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("a temporary file is left: %s", e.Name())
		}
	}
	if info, err := os.Stat(file); err != nil || info.Mode().Perm() != 0o640 {
		t.Errorf("bridge.md lost its permissions: %v %v", info.Mode(), err)
	}
	select {
	case e := <-events:
		if e.Name != "reload" {
			t.Fatalf("after the save: event %s %s, want reload", e.Name, e.Data)
		}
	case <-time.After(waitLimit):
		t.Fatal("no reload after the save")
	}
	if _, page := get(t, r.url+"stretches/bridge/"); !strings.Contains(page, "Raise your hips slowly, then lower them.") {
		t.Error("the rebuilt page does not show the new summary")
	}

	broken := strings.Replace(raw, "title: Bridge", "title: [Bridge", 1)
	if status, v := post(t, apiURL(r), "persistEntry", params(broken)); status != 200 {
		t.Fatalf("persistEntry: %d %v", status, v)
	}
	e := next(t, events, "error")
	if !strings.Contains(e.Data, "stretches/bridge.md:3:1: error: the front matter is not valid YAML") {
		t.Errorf("the error event does not name the line: %s", e.Data)
	}
	_, page := get(t, r.url+"stretches/bridge/")
	if !strings.Contains(page, "Raise your hips slowly") || !strings.Contains(page, `id="stretchguide-errors"`) {
		t.Error("while the save is broken, the page should show the last good text with the error panel")
	}
}

// TestAdminUnderServe checks how serve hands out the editor: its own
// Content-Security-Policy, which lets it load the CMS and reach serve's backend, no
// live-reload script, and a configuration that points at the backend for this
// computer only. Patient pages keep their policy.
func TestAdminUnderServe(t *testing.T) {
	r := start(t, generator.Options{Content: copySite(t), NoPDF: true})
	host := strings.TrimSuffix(strings.TrimPrefix(r.url, "http://"), "/")
	resp, err := http.Get(r.url + "admin/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	csp := resp.Header.Get("Content-Security-Policy")
	if csp != adminSecurityPolicy || !strings.Contains(csp, "script-src 'self' 'unsafe-eval' https://unpkg.com") || !strings.Contains(csp, "connect-src 'self'") {
		t.Errorf("admin/ policy = %q", csp)
	}
	if _, page := get(t, r.url+"admin/"); strings.Contains(page, "reload.js") || strings.Contains(page, Prefix) {
		t.Error("the editor's page has the live-reload script: a save would reload it")
	}
	resp, err = http.Get(r.url + "stretches/bridge/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got := resp.Header.Get("Content-Security-Policy"); got != contentSecurityPolicy {
		t.Errorf("a patient page's policy = %q", got)
	}

	var config struct {
		Backend      struct{ Name string }
		PublishMode  string `yaml:"publish_mode"`
		SiteURL      string `yaml:"site_url"`
		LocalBackend struct {
			URL          string   `yaml:"url"`
			AllowedHosts []string `yaml:"allowed_hosts"`
		} `yaml:"local_backend"`
	}
	_, body := get(t, r.url+"admin/config.yml")
	if err := yaml.Unmarshal([]byte(body), &config); err != nil {
		t.Fatal(err)
	}
	if config.LocalBackend.URL != "http://"+host+APIPath || config.SiteURL != r.url || config.Backend.Name == "" || config.PublishMode != "editorial_workflow" {
		t.Errorf("config.yml for this computer: %+v", config)
	}

	// Another computer (a phone on the network) gets the configuration as built.
	s := r.Server
	req := httptest.NewRequest("GET", "http://127.0.0.1:1313/admin/config.yml", nil)
	req.RemoteAddr = "192.168.1.20:50000"
	w := httptest.NewRecorder()
	s.ServeHTTP(w, req)
	if w.Code != 200 || strings.Contains(w.Body.String(), "local_backend") || !strings.Contains(w.Body.String(), "editorial_workflow") {
		t.Errorf("config.yml for another computer: %d\n%.500s", w.Code, w.Body)
	}
}

// TestPageHostname checks the names the editor is told it may use the backend on.
func TestPageHostname(t *testing.T) {
	for host, want := range map[string]string{"127.0.0.1:1313": "127.0.0.1", "localhost:1313": "localhost", "[::1]:1313": "[::1]", "mybox.local": "mybox.local"} {
		if got := pageHostname(host); got != want {
			t.Errorf("pageHostname(%q) = %q, want %q", host, got, want)
		}
	}
}
