package generator

import (
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// hrefRE finds the addresses of links and assets in a written page.
var hrefRE = regexp.MustCompile(`(?:href|src)="([^"]*)"`)

// danglingLinks lists each relative address in an HTML page of out that leads to no
// file of out, as "page: address".
func danglingLinks(t *testing.T, out string) []string {
	t.Helper()
	var bad []string
	err := filepath.WalkDir(out, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		page := filepath.ToSlash(rel)
		if page == "404.html" || strings.HasSuffix(page, "/404.html") || strings.HasPrefix(page, "admin/") {
			return nil // served at any address, its links start at the site root
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range hrefRE.FindAllStringSubmatch(string(b), -1) {
			u, err := url.Parse(strings.ReplaceAll(m[1], "&amp;", "&"))
			if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" || strings.HasPrefix(u.Path, "/") {
				continue
			}
			target := path.Join(path.Dir(page), u.Path)
			if strings.HasSuffix(u.Path, "/") || u.Path == ".." || u.Path == "." {
				target = path.Join(target, "index.html")
			}
			if strings.HasPrefix(target, "../") {
				bad = append(bad, page+": "+m[1]+" (out of the site)")
			} else if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(target))); err != nil {
				bad = append(bad, page+": "+m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return bad
}

// No page of a two-language guide links to a page that does not exist: the Spanish
// bibliography names only pages published in Spanish, and the switcher of a page
// the build makes in one language only (here the standing position, whose only
// stretch is English) leads to the other language's home.
func TestTwoLanguageGuideHasNoDanglingLinks(t *testing.T) {
	out := buildTwo(t, twoLanguages(t, map[string]string{
		"stretches/wall-lean.md": "---\ntitle: Wall lean\nsummary: Lean on a wall.\nareas: [hips]\nposition: standing\nhold: 20s\n" +
			"citations: [gordon2016]\n---\nLean slowly.\n",
	}))
	for _, l := range danglingLinks(t, out) {
		t.Errorf("dangling link: %s", l)
	}
	if _, err := os.Stat(filepath.Join(out, "es/positions/standing/index.html")); err == nil {
		t.Fatal("the fixture no longer leaves the standing position out of Spanish")
	}
	standing := readOut(t, out, "positions/standing/index.html")
	if want := `<a href="../../es/" lang="es" hreflang="es">Español</a>`; !strings.Contains(standing, want) {
		t.Errorf("positions/standing/ lacks the switcher to the Spanish home %s", want)
	}
	if strings.Contains(standing, `hreflang="es" href=`) {
		t.Error("positions/standing/ names a Spanish version it does not have")
	}
	if !strings.Contains(readOut(t, out, "positions/lying/index.html"), `href="../../es/positions/lying/" lang="es"`) {
		t.Error("positions/lying/, which Spanish has too, does not switch to it")
	}
	es := readOut(t, out, "es/bibliography/index.html")
	for _, not := range []string{"Open book", "Wall lean", "About"} {
		if strings.Contains(es, not) {
			t.Errorf("es/bibliography/ lists %q, a page not published in Spanish", not)
		}
	}
	if en := readOut(t, out, "bibliography/index.html"); strings.Contains(en, "Puente") || !strings.Contains(en, "Open book") {
		t.Error("bibliography/ lists Spanish pages, or lacks its own")
	}
}
