package cmstest

import (
	"context"
	"encoding/json"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"

	"github.com/stretchguide/stretchguide/generator"
	"github.com/stretchguide/stretchguide/generator/cms"
	"github.com/stretchguide/stretchguide/internal/browsertest"
)

const root = "../.."

// decapDist is the npm copy of the CMS; the test skips with a notice without it.
func decapDist(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join(root, "node_modules", "decap-cms", "dist"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "decap-cms.js")); err != nil {
		if os.Getenv(browsertest.RequireEnv) == "1" {
			t.Fatalf("node_modules/decap-cms is required (%s=1) but missing: run npm ci at the module root", browsertest.RequireEnv)
		}
		t.Skipf("SKIPPED: needs node_modules/decap-cms: run npm ci at the module root (set %s=1 to make this a failure)", browsertest.RequireEnv)
	}
	return dir
}

// serveEditor builds the shipped guide and serves its admin/ with the CMS script
// from node_modules (the integrity hash of the page is kept, so the npm copy must
// match it) and the configuration switched to the in-memory test backend.
func serveEditor(t *testing.T) string {
	t.Helper()
	dist := decapDist(t)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(context.Background(), generator.Options{Content: filepath.Join(root, "content"),
		Layouts: filepath.Join(root, "layouts"), Out: out, NoPDF: true}); err != nil {
		t.Fatalf("build: %v", err)
	}
	page, err := os.ReadFile(filepath.Join(out, "admin", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), cms.ScriptURL) {
		t.Fatalf("admin/index.html does not load %s", cms.ScriptURL)
	}
	page = []byte(strings.Replace(string(page), cms.ScriptURL, "decap-cms.js", 1))
	var config map[string]any
	b, err := os.ReadFile(filepath.Join(out, "admin", "config.yml"))
	if err == nil {
		err = yaml.Unmarshal(b, &config)
	}
	if err != nil {
		t.Fatal(err)
	}
	config["backend"] = map[string]any{"name": "test-repo"}
	delete(config, "site_url")
	// The test backend takes every file of a media folder for a picture, so pictures
	// beside their page (media_folder "", the .md files among them) would stop it:
	// here they go to a folder of their own. The real backends list only pictures.
	config["media_folder"], config["public_folder"] = "media", ""
	for _, c := range config["collections"].([]any) {
		delete(c.(map[string]any), "media_folder")
		delete(c.(map[string]any), "public_folder")
	}
	if b, err = yaml.Marshal(config); err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/admin/{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	mux.HandleFunc("/admin/config.yml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/yaml")
		w.Write(b)
	})
	mux.Handle("/admin/", http.StripPrefix("/admin/", http.FileServer(http.Dir(dist))))
	// The editor runs under the policy a published site gives it (netlify.toml), so a
	// policy that stops the CMS from starting fails here, not on the clinic's site.
	policy := adminPolicy(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", policy)
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/admin/"
}

// adminPolicy is the Content-Security-Policy netlify.toml gives the pages under /admin/.
func adminPolicy(t *testing.T) string {
	t.Helper()
	var c struct {
		Headers []struct {
			For    string
			Values map[string]string
		}
	}
	if _, err := toml.DecodeFile(filepath.Join(root, "netlify.toml"), &c); err != nil {
		t.Fatal(err)
	}
	for _, h := range c.Headers {
		if h.For == "/admin/*" && h.Values["Content-Security-Policy"] != "" {
			return h.Values["Content-Security-Policy"]
		}
	}
	t.Fatal("netlify.toml gives /admin/* no Content-Security-Policy")
	return ""
}

// repoFiles is the shipped content as the test backend reads window.repoFiles:
// {"content": {"stretches": {"bridge.md": {"content": "..."}}}}.
func repoFiles(t *testing.T) string {
	t.Helper()
	tree := map[string]any{}
	base := filepath.Join(root, "content")
	err := filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(base, p)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		node := tree
		segs := append([]string{"content"}, strings.Split(filepath.ToSlash(rel), "/")...)
		for _, s := range segs[:len(segs)-1] {
			if node[s] == nil {
				node[s] = map[string]any{}
			}
			node = node[s].(map[string]any)
		}
		node[segs[len(segs)-1]] = map[string]any{"content": string(b), "path": strings.Join(segs, "/")}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	j, err := json.Marshal(tree)
	if err != nil {
		t.Fatal(err)
	}
	return string(j)
}
