package browsertest

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestServeHostAnswersLikeAStaticHost(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"index.html": "home", "404.html": "not found page", "a/index.html": "page a", "empty/.keep": "", "app.webmanifest": "{}",
	} {
		file := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	site := ServeHost(t, dir, "/sub/", http.Header{"X-Test": {"yes"}})
	root := strings.TrimSuffix(site, "/sub/")
	for _, tc := range []struct {
		url    string
		status int
		body   string
	}{
		{site, 200, "home"},
		{site + "a/", 200, "page a"},
		{site + "a", 200, "page a"}, // redirected to a/
		{root + "/sub", 200, "home"},
		{site + "missing/deep/page/", 404, "not found page"},
		{site + "empty/", 404, "not found page"}, // no listing of folders
		{root + "/", 404, "not found page"},      // outside the prefix
		{site + "app.webmanifest", 200, "{}"},
	} {
		resp, err := http.Get(tc.url)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.status || string(b) != tc.body {
			t.Errorf("%s: got %d %q, want %d %q", tc.url, resp.StatusCode, b, tc.status, tc.body)
		}
		if strings.HasSuffix(tc.url, ".webmanifest") && resp.Header.Get("Content-Type") != "application/manifest+json" {
			t.Errorf("%s: served as %q", tc.url, resp.Header.Get("Content-Type"))
		}
		if resp.Header.Get("X-Test") != "yes" {
			t.Errorf("%s: the extra header was not sent", tc.url)
		}
	}
}
