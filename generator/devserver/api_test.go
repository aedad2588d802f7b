package devserver

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchguide/stretchguide/generator"
)

// pngBytes starts as a PNG picture does, which is what the build checks.
var pngBytes = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")

// apiURL is the address of the editor's backend of a running server.
func apiURL(r *running) string {
	u := strings.TrimPrefix(r.url, "http://")
	return "http://" + u[:strings.Index(u, "/")] + APIPath
}

// post sends an action to the editor's backend as Decap CMS does, and gives the
// status and the answer decoded from JSON.
func post(t testing.TB, api, action string, params any) (int, any) {
	t.Helper()
	body, err := json.Marshal(map[string]any{"action": action, "params": params, "branch": "main"})
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.Post(api, "application/json; charset=utf-8", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("%s: the answer is not JSON: %v\n%s", action, err, b)
	}
	return resp.StatusCode, out
}

// field is m[key] for an answer that is a JSON object.
func field(v any, key string) any {
	m, _ := v.(map[string]any)
	return m[key]
}

// actionCase is one request of TestAPIActions and what its answer must be.
type actionCase struct {
	action string
	params any
	status int
	check  func(any) string // "" when the answer is right
}

// TestAPIActions runs each action the editor needs on a copy of the test site and
// looks at the answer and at the files.
func TestAPIActions(t *testing.T) {
	content := copySite(t)
	api := apiURL(start(t, generator.Options{Content: content, NoPDF: true}))
	for _, c := range actionCases(content) {
		status, v := post(t, api, c.action, c.params)
		if status != c.status {
			t.Errorf("%s: status %d, want %d: %v", c.action, status, c.status, v)
			continue
		}
		if c.check != nil {
			if msg := c.check(v); msg != "" {
				t.Errorf("%s: %s: %.300v", c.action, msg, v)
			}
		}
	}
}

// paths are the paths of the entries or pictures of an answer, separated by spaces.
func paths(v any) string {
	var p []string
	list, _ := v.([]any)
	for _, e := range list {
		if f := field(e, "file"); f != nil {
			p = append(p, field(f, "path").(string))
		} else {
			p = append(p, field(e, "path").(string))
		}
	}
	return strings.Join(p, " ")
}

// actionCases are the requests of TestAPIActions, in order, on the site in content.
func actionCases(content string) []actionCase {
	bridge, _ := os.ReadFile(filepath.Join(content, "stretches/bridge.md"))
	svg, _ := os.ReadFile(filepath.Join(content, "stretches/bridge.svg"))
	return []actionCase{
		{"info", nil, 200, func(v any) string {
			if m := field(v, "publish_modes").([]any); len(m) != 1 || m[0] != "simple" || field(v, "type") != "local_fs" || field(v, "repo") == "" {
				return "want the simple publish mode only"
			}
			return ""
		}},
		{"entriesByFolder", map[string]any{"folder": "content/stretches", "extension": "md", "depth": 1}, 200, func(v any) string {
			if got := paths(v); got != "content/stretches/bridge.md content/stretches/childs-pose.md content/stretches/open-book.md" {
				return "paths " + got
			}
			if d := field(v.([]any)[0], "data"); d != string(bridge) {
				return "data of bridge.md differs from the file"
			}
			return ""
		}},
		{"entriesByFiles", map[string]any{"files": []any{map[string]any{"path": "content/red-flags.md", "label": "Warning signs"}, map[string]any{"path": "content/references/new.yaml"}}}, 200, func(v any) string {
			l := v.([]any)
			if !strings.Contains(field(l[0], "data").(string), "cauda-equina") || field(field(l[0], "file"), "label") != "Warning signs" {
				return "red-flags.md not read"
			}
			if field(l[1], "data") != nil || field(field(l[1], "file"), "path") != "content/references/new.yaml" {
				return "a file not there yet should have data null"
			}
			return ""
		}},
		{"getEntry", map[string]any{"path": "content/stretches/bridge.md"}, 200, func(v any) string {
			if field(v, "data") != string(bridge) || field(field(v, "file"), "id") == "" {
				return "not bridge.md"
			}
			return ""
		}},
		{"getEntry", map[string]any{"path": "content/stretches/missing.md"}, 404, nil},
		{"getMedia", map[string]any{"mediaFolder": "content/stretches"}, 200, func(v any) string {
			if got := paths(v); got != "content/stretches/bridge.svg" {
				return "want the picture only, not the pages: " + got
			}
			return ""
		}},
		{"getMediaFile", map[string]any{"path": "content/stretches/bridge.svg"}, 200, func(v any) string {
			b, _ := base64.StdEncoding.DecodeString(field(v, "content").(string))
			if !bytes.Equal(b, svg) || field(v, "encoding") != "base64" || field(v, "name") != "bridge.svg" {
				return "not bridge.svg"
			}
			return ""
		}},
		{"persistMedia", map[string]any{"asset": map[string]any{"path": "content/stretches/new.png", "content": base64.StdEncoding.EncodeToString(pngBytes), "encoding": "base64"}}, 200, func(v any) string {
			if b, _ := os.ReadFile(filepath.Join(content, "stretches/new.png")); !bytes.Equal(b, pngBytes) || field(v, "path") != "content/stretches/new.png" {
				return "new.png not written"
			}
			return ""
		}},
		{"deleteFiles", map[string]any{"paths": []string{"content/stretches/new.png"}}, 200, func(any) string {
			if _, err := os.Stat(filepath.Join(content, "stretches/new.png")); err == nil {
				return "new.png is still there"
			}
			return ""
		}},
		{"getDeployPreview", map[string]any{"collection": "stretches", "slug": "bridge"}, 200, func(v any) string {
			if v != nil {
				return "want null: serve has no deploy preview"
			}
			return ""
		}},
		{"unpublishedEntries", map[string]any{}, 422, func(v any) string {
			if !strings.Contains(field(v, "error").(string), "keeps no drafts") {
				return "want the words on the editorial workflow"
			}
			return ""
		}},
		{"makeCoffee", map[string]any{}, 422, nil},
	}
}

// TestAPIPersistEntryMoves saves an entry under a new name: the new file holds the
// text, the old one is gone, and no temporary file is left.
func TestAPIPersistEntryMoves(t *testing.T) {
	content := copySite(t)
	api := apiURL(start(t, generator.Options{Content: content, NoPDF: true}))
	raw := "---\ntitle: A page\n---\nSome words.\n"
	status, v := post(t, api, "persistEntry", map[string]any{
		"dataFiles": []any{map[string]any{"path": "content/pages/about.md", "newPath": "content/pages/about-us.md", "slug": "about-us", "raw": raw}},
		"assets":    []any{}, "options": map[string]any{"commitMessage": "Update"}})
	if status != 200 {
		t.Fatalf("status %d: %v", status, v)
	}
	if b, _ := os.ReadFile(filepath.Join(content, "pages/about-us.md")); string(b) != raw {
		t.Errorf("about-us.md = %q", b)
	}
	if _, err := os.Stat(filepath.Join(content, "pages/about.md")); err == nil {
		t.Error("about.md is still there after the move")
	}
	entries, _ := os.ReadDir(filepath.Join(content, "pages"))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// apiRequestTo builds a request for the backend from this computer, to 127.0.0.1:1313.
func apiRequestTo(method, contentType, body string) *http.Request {
	r := httptest.NewRequest(method, "http://127.0.0.1:1313"+APIPath, strings.NewReader(body))
	r.RemoteAddr = "127.0.0.1:50000"
	if contentType != "" {
		r.Header.Set("Content-Type", contentType)
	}
	return r
}
