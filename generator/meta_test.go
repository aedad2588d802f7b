package generator

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestAbsoluteAddressesOnlyWithABaseURL(t *testing.T) {
	without := readTree(t, buildSite(t, Options{}))
	with := readTree(t, buildSite(t, Options{BaseURL: "https://example.org/stretch-guide/"}))
	page := "stretches/bridge/index.html"
	for _, tag := range []string{`<link rel="canonical"`, `<meta property="og:url"`, `<meta property="og:image"`} {
		if strings.Contains(string(without[page]), tag) {
			t.Errorf("without a base URL, %s has %s, which needs an absolute address", page, tag)
		}
	}
	for _, want := range []string{
		`<link rel="canonical" href="https://example.org/stretch-guide/stretches/bridge/">`,
		`<meta property="og:url" content="https://example.org/stretch-guide/stretches/bridge/">`,
		`<meta property="og:image" content="https://example.org/stretch-guide/stretches/bridge/bridge.svg">`,
		`<meta property="og:image:alt" content="`,
		`<meta name="description" content="`,
		`<meta property="og:title" content="`,
	} {
		if !strings.Contains(string(with[page]), want) {
			t.Errorf("with a base URL, %s lacks %s", page, want)
		}
	}
	if strings.Contains(string(without["robots.txt"]), "Sitemap:") {
		t.Errorf("robots.txt names a sitemap without its absolute address:\n%s", without["robots.txt"])
	}
	if !strings.Contains(string(with["robots.txt"]), "\nSitemap: https://example.org/stretch-guide/sitemap.xml\n") {
		t.Errorf("robots.txt lacks the sitemap:\n%s", with["robots.txt"])
	}
}

func TestEveryPageHasADescription(t *testing.T) {
	for p, b := range readTree(t, buildSite(t, Options{})) {
		if strings.HasSuffix(p, ".html") && !strings.Contains(string(b), `<meta name="description" content="`) {
			t.Errorf("%s has no description", p)
		}
	}
}

func TestNotFoundPageIsNotIndexed(t *testing.T) {
	page := string(readTree(t, buildSite(t, Options{BaseURL: "https://example.org/"}))["404.html"])
	if !strings.Contains(page, `<meta name="robots" content="noindex">`) {
		t.Error("404.html lacks noindex")
	}
	if strings.Contains(page, `rel="canonical"`) || strings.Contains(page, `og:url`) {
		t.Error("404.html names itself as a page to index")
	}
}

func TestWebManifest(t *testing.T) {
	files := readTree(t, buildSite(t, Options{}))
	var m struct {
		Name, Lang, Display string
		StartURL            string `json:"start_url"`
		Scope               string
		Icons               []struct{ Src, Type string }
	}
	if err := json.Unmarshal(files["manifest.webmanifest"], &m); err != nil {
		t.Fatal(err)
	}
	if m.Name != "Test guide" || m.Lang != "en" || m.StartURL != "./" || m.Scope != "./" {
		t.Errorf("manifest: %+v", m)
	}
	if len(m.Icons) != 1 || files[m.Icons[0].Src] == nil || m.Icons[0].Type != "image/svg+xml" {
		t.Errorf("the manifest's icon is not the favicon that was written: %+v", m.Icons)
	}
	if !strings.HasPrefix(m.Icons[0].Src, "assets/favicon.") {
		t.Errorf("the favicon is not a fingerprinted asset: %s", m.Icons[0].Src)
	}
}
