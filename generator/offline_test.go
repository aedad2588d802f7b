package generator

import (
	"regexp"
	"strings"
	"testing"
)

func TestServiceWorkerListsTheBuildAndItsVersion(t *testing.T) {
	files := readTree(t, buildSite(t, Options{}))
	sw := string(files["sw.js"])
	if sw == "" {
		t.Fatal("sw.js is not at the site root")
	}
	for name := range files {
		if strings.HasPrefix(name, "assets/sw.") {
			t.Errorf("the service worker is also written as %s", name)
		}
	}
	for _, want := range []string{`"./"`, `"stretches/bridge/"`, `"routines/bedtime/"`, `"search.json"`, `"404.html"`, `"progress/"`, `"stretches/bridge/bridge.svg"`, `"assets/follow.`} {
		if !strings.Contains(sw, want) {
			t.Errorf("sw.js does not keep %s", want)
		}
	}
	for _, not := range []string{`index.html"`, `"sitemap.xml"`, `"sw.js"`, `"schema/`} {
		if strings.Contains(sw, not) {
			t.Errorf("sw.js lists %s", not)
		}
	}
	if !regexp.MustCompile(`const VERSION = '[0-9a-f]{16}';`).MatchString(sw) {
		t.Fatalf("sw.js has no version: %.300s", sw)
	}
}

// All scripts of a language's site (a reader loads one) together stay under 40 KB
// as written, and each page loads only the scripts it uses.
func TestScriptsStayWithinFortyKB(t *testing.T) {
	files := readTree(t, buildPatientSite(t, "../content", nil))
	total := map[string]int{}
	for p, b := range files {
		lang, rest := siteOf(files, p)
		if strings.HasSuffix(p, ".js") && !isMakerScript(rest) { // the maker's count apart
			total[lang] += len(b)
		}
	}
	for lang, n := range total {
		if n > 40<<10 {
			t.Errorf("the guide %q ships %d bytes of JavaScript, over 40 KB", lang, n)
		}
	}
	for page, want := range map[string]map[string]bool{
		"index.html":                             {"finder": true},
		"routines/daily-five/index.html":         {"follow": true, "print": true},
		"stretches/bridge/index.html":            {"follow": true},
		"progress/index.html":                    {"progress": true},
		"red-flags/index.html":                   {},
		"stretches/index.html":                   {"finder": true},
		"stretches/hamstring-stretch/index.html": {"follow": true},
	} {
		html := string(files[page])
		for _, s := range []string{"finder", "follow", "print", "progress"} {
			if got := strings.Contains(html, "assets/"+s+"."); got != want[s] {
				t.Errorf("%s loads %s.js: %v, want %v", page, s, got, want[s])
			}
		}
		for _, s := range []string{"search", "cite", "offline"} {
			if !strings.Contains(html, "assets/"+s+".") {
				t.Errorf("%s does not load %s.js", page, s)
			}
		}
	}
}
