package deploy

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchguide/stretchguide/generator"
	"github.com/stretchguide/stretchguide/generator/cms"
	"github.com/stretchguide/stretchguide/internal/browsertest"
	"github.com/stretchguide/stretchguide/internal/crawl"
)

// root is the repository, seen from this package's folder.
const root = "../.."

// buildGuide builds the bundled guide (content/ with layouts/) for baseURL, as
// `make build BASE_URL=...` does, and returns the output folder.
func buildGuide(t *testing.T, baseURL string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	_, err := generator.Build(context.Background(), generator.Options{
		Content: filepath.Join(root, "content"), Layouts: filepath.Join(root, "layouts"), Out: out, BaseURL: baseURL})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return out
}

// languageSitemaps lists the sitemaps of the guide's other languages (es/sitemap.xml),
// as robots.txt names them.
func languageSitemaps(t *testing.T, dir string) []string {
	t.Helper()
	found, err := filepath.Glob(filepath.Join(dir, "*", "sitemap.xml"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range found {
		out = append(out, filepath.Base(filepath.Dir(f))+"/sitemap.xml")
	}
	return out
}

// TestGuideWorksUnderAFolderAndAtARoot is the check for the most common failure of
// static sites on GitHub Pages: a site that works at a domain root but loses its CSS
// and links under a project folder. It builds the guide for each place, serves it
// there as a static host does, and crawls every page from the home page, plus the
// 404 page as the host serves it at a deep missing address.
func TestGuideWorksUnderAFolderAndAtARoot(t *testing.T) {
	for _, tc := range []struct {
		name, baseURL, prefix string
	}{
		{"folder", "https://example.org/stretch-guide/", "/stretch-guide/"},
		{"root", "https://example.org/", "/"},
		{"no base URL, as make serve", "", "/"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := buildGuide(t, tc.baseURL)
			site := browsertest.ServeHost(t, dir, tc.prefix, nil)
			opts := crawl.Options{Sitemap: "sitemap.xml", MoreSitemaps: languageSitemaps(t, dir), NotFound: "no/such/page/at/depth/"}
			if tc.baseURL != "" {
				opts.Aliases = []string{tc.baseURL}
			}
			rep, err := crawl.Site(context.Background(), site, opts)
			if err != nil {
				t.Fatal(err)
			}
			if err := rep.Err(); err != nil {
				t.Error(err)
			}
			// The crawl saw the whole guide, not just a page or two.
			pages, _ := filepath.Glob(filepath.Join(dir, "*", "*", "index.html"))
			if len(rep.Pages) < 30 || len(rep.Pages) < len(pages) {
				t.Errorf("the crawl reached %d pages; the build wrote %d below two folders", len(rep.Pages), len(pages))
			}
			for _, want := range []string{`/assets/style\.[0-9a-f]{10}\.css$`, `/assets/favicon\.[0-9a-f]{10}\.svg$`,
				`/manifest\.webmanifest$`, `/stretches/bridge/bridge\.svg$`} {
				if !slices.ContainsFunc(rep.Files, regexp.MustCompile(want).MatchString) {
					t.Errorf("the crawl fetched no file matching %s", want)
				}
			}
		})
	}
}

// TestCrawlCatchesASiteBuiltForTheWrongPlace shows the check above can fail: a site
// built for a domain root, published under a folder, has a 404 page whose addresses
// lead out of the site.
func TestCrawlCatchesASiteBuiltForTheWrongPlace(t *testing.T) {
	site := browsertest.ServeHost(t, buildGuide(t, "https://example.org/"), "/stretch-guide/", nil)
	rep, err := crawl.Site(context.Background(), site, crawl.Options{NotFound: "missing/"})
	if err != nil {
		t.Fatal(err)
	}
	var outside int
	for _, p := range rep.Problems {
		if p.Kind == crawl.OutsideSite {
			outside++
		}
	}
	if outside == 0 {
		t.Errorf("a guide built for the root crawled clean under a folder:\n%v", rep.Err())
	}
}

// TestNothingFromAnotherOrigin checks that no page or file makes a browser contact
// another site (no CDN, font service or analytics), and that the only links out are
// to the sources listed on the bibliography page, which come from content/references.
func TestNothingFromAnotherOrigin(t *testing.T) {
	const base = "https://example.org/stretch-guide/"
	dir := buildGuide(t, base)
	site := browsertest.ServeHost(t, dir, "/stretch-guide/", nil)
	rep, err := crawl.Site(context.Background(), site, crawl.Options{Aliases: []string{base}, Sitemap: "sitemap.xml", MoreSitemaps: languageSitemaps(t, dir)})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range rep.Problems {
		t.Error(p) // other origins among them
	}
	sources := map[string]bool{}
	for _, l := range rep.External {
		if strings.HasSuffix(l.From, "/bibliography/") {
			sources[l.To] = true
		}
	}
	refs := readAll(t, filepath.Join(root, "content", "references"))
	for src := range sources {
		if !strings.Contains(refs, strings.TrimPrefix(strings.TrimPrefix(src, "https://doi.org/"), "https://")) {
			t.Errorf("the bibliography links to %s, which is not in content/references", src)
		}
	}
	if len(sources) == 0 {
		t.Error("the bibliography links to no source: is the check looking at the right page?")
	}
	for _, l := range rep.External {
		if !sources[l.To] {
			t.Errorf("%s links to %s, which is not a source on the bibliography page", l.From, l.To)
		}
		if !strings.HasPrefix(l.To, "https://") {
			t.Errorf("%s links to %s without https", l.From, l.To)
		}
	}
	// Belt and braces: no file names any address the crawl might not have read,
	// other than the site's own, its sources, XML namespaces and the JSON Schema
	// dialect of /schema/*.json, which are names, not addresses a browser contacts.
	allowed := map[string]bool{base: true, "http://www.w3.org/2000/svg": true, "http://www.w3.org/1999/xlink": true,
		"http://www.sitemaps.org/schemas/sitemap/0.9": true, "http://json-schema.org/draft-07/schema#": true}
	abs := regexp.MustCompile(`(?i)\b(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}[^\s"'<>)]*`)
	err = filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, u := range abs.FindAllString(string(b), -1) {
			u = strings.ReplaceAll(u, "&amp;", "&")
			if !allowed[u] && !sources[u] && !strings.HasPrefix(u, base) && !adminOnly(dir, p, u) {
				rel, _ := filepath.Rel(dir, p)
				t.Errorf("%s names %s", rel, u)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// readAll concatenates the files of a folder.
func readAll(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		b.Write(data)
	}
	return b.String()
}

// adminOnly says whether u is an address only the editor, admin/, may name: the CMS
// script it loads and the GitHub backend's addresses in its configuration.
func adminOnly(dir, p, u string) bool {
	rel, _ := filepath.Rel(dir, p)
	return strings.HasPrefix(filepath.ToSlash(rel), "admin/") && u == cms.ScriptURL
}
