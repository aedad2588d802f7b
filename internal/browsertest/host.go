package browsertest

import (
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
)

// ServeHost serves dir under prefix the way static hosts such as Netlify and GitHub
// Pages do: a folder's index.html for the folder, and the site's 404.html with status
// 404 for any address that has no file (a folder without index.html included). header,
// when not nil, is sent with every response, such as the Content-Security-Policy the
// host would send. It returns the site's URL; the server stops when the test ends.
// Web app manifests are sent as application/manifest+json, as the hosts send them.
func ServeHost(t testing.TB, dir, prefix string, header http.Header) string {
	t.Helper()
	_ = mime.AddExtensionType(".webmanifest", "application/manifest+json")
	files := http.StripPrefix(strings.TrimSuffix(prefix, "/"), http.FileServer(http.Dir(dir)))
	h := func(w http.ResponseWriter, r *http.Request) {
		for k, vs := range header {
			w.Header()[k] = vs
		}
		if r.URL.Path+"/" == prefix {
			http.Redirect(w, r, prefix, http.StatusMovedPermanently)
			return
		}
		rest, ok := strings.CutPrefix(r.URL.Path, prefix)
		if !ok {
			notFound(w, dir)
			return
		}
		file := filepath.Join(dir, filepath.FromSlash(path.Clean("/"+rest)))
		info, err := os.Stat(file)
		if err == nil && info.IsDir() {
			_, err = os.Stat(filepath.Join(file, "index.html"))
		}
		if err != nil {
			notFound(w, dir)
			return
		}
		files.ServeHTTP(w, r)
	}
	srv := httptest.NewServer(http.HandlerFunc(h))
	t.Cleanup(srv.Close)
	return srv.URL + prefix
}

func notFound(w http.ResponseWriter, dir string) {
	page, err := os.ReadFile(filepath.Join(dir, "404.html"))
	if err != nil {
		http.NotFound(w, nil)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	_, _ = w.Write(page)
}
