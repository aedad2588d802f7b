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

// TestMakerScriptsLoadOnlyOnTheirPage: the maker's scripts stay under their budget
// and no other page loads them; the make page is not in the search index.
func TestMakerScriptsLoadOnlyOnTheirPage(t *testing.T) {
	tree := readTree(t, buildPatientSite(t, "../content", nil))
	size, loaded := 0, 0
	for p, b := range tree {
		if isMakerScript(p) {
			size += len(b)
		}
		if path.Ext(p) != ".html" {
			continue
		}
		for _, m := range scriptRE.FindAllStringSubmatch(string(b), -1) {
			if maker := m[1] == "prescribe" || m[1] == "qr"; maker && p != "make/index.html" {
				t.Errorf("%s loads %s.js", p, m[1])
			} else if maker {
				loaded++
			}
		}
	}
	if loaded != len(makerScripts) {
		t.Errorf("the make page loads %d of the maker's %d scripts", loaded, len(makerScripts))
	}
	if size == 0 || size > makerBudget {
		t.Errorf("the maker's scripts weigh %d bytes together, want 1 to %d", size, makerBudget)
	}
	if strings.Contains(string(tree["search.json"]), "make/") {
		t.Error("the make page is in the search index")
	}
	if !strings.Contains(string(tree["index.html"]), `href="make/"`) {
		t.Error("the home page does not link to the make page")
	}
}
