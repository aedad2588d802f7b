package generator

import (
	"path"
	"regexp"
	"strings"
	"testing"
)

// makerScripts are the scripts of the "Make a routine" page only. They count apart
// from the patient pages' budget (TestShippedJavaScriptIsWithinBudget).
var makerScripts = []string{"prescribe.js", "qr.js"}

// makerBudget is the most the maker's scripts may weigh together, uncompressed.
const makerBudget = 30 * 1024

// isMakerScript tells whether a built file (assets/qr.0123456789.js) is one of them.
func isMakerScript(p string) bool {
	for _, name := range makerScripts {
		stem := strings.TrimSuffix(name, ".js")
		if ok, _ := path.Match("assets/"+stem+".??????????.js", p); ok {
			return true
		}
	}
	return false
}

var scriptRE = regexp.MustCompile(`<script[^>]* src="[^"]*/assets/([a-z]+)\.[0-9a-f]{10}\.js"`)

// siteOf splits the path of a built file into the folder of the language site it
// belongs to ("" for the default language, at the root) and its path in that site:
// es/make/index.html is make/index.html of es. A folder is a language's when it
// holds its own search index, as no page's folder does.
func siteOf(tree map[string][]byte, p string) (lang, rest string) {
	if first, after, ok := strings.Cut(p, "/"); ok && tree[first+"/search.json"] != nil {
		return first, after
	}
	return "", p
}

// TestMakerScriptsLoadOnlyOnTheirPage: in each language, the maker's scripts stay
// under their budget and only that language's make page loads them; the make page
// is not in the search index.
func TestMakerScriptsLoadOnlyOnTheirPage(t *testing.T) {
	tree := readTree(t, buildPatientSite(t, "../content", nil))
	size, loaded := map[string]int{}, map[string]int{}
	for p, b := range tree {
		lang, rest := siteOf(tree, p)
		if isMakerScript(rest) {
			size[lang] += len(b)
		}
		if path.Ext(p) != ".html" {
			continue
		}
		for _, m := range scriptRE.FindAllStringSubmatch(string(b), -1) {
			if maker := m[1] == "prescribe" || m[1] == "qr"; maker && rest != "make/index.html" {
				t.Errorf("%s loads %s.js", p, m[1])
			} else if maker {
				loaded[lang]++
			}
		}
	}
	if len(size) < 2 {
		t.Errorf("maker scripts in %d language sites, want the shipped guide's two", len(size))
	}
	for lang := range size {
		if loaded[lang] != len(makerScripts) {
			t.Errorf("the make page of %q loads %d of the maker's %d scripts", lang, loaded[lang], len(makerScripts))
		}
		if size[lang] == 0 || size[lang] > makerBudget {
			t.Errorf("the maker's scripts of %q weigh %d bytes together, want 1 to %d", lang, size[lang], makerBudget)
		}
	}
	if strings.Contains(string(tree["search.json"]), "make/") {
		t.Error("the make page is in the search index")
	}
	if !strings.Contains(string(tree["index.html"]), `href="make/"`) {
		t.Error("the home page does not link to the make page")
	}
}
