package generator

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchguide/stretchguide/generator/render"
)

// Pages for authors are left out of the search, the menus and the sitemap; other
// names and synonyms reach the search index.
func TestAuthorsPagesAndOtherNames(t *testing.T) {
	files := readTree(t, buildPatientSite(t, "../content", nil))
	var es []render.SearchEntry
	if err := json.Unmarshal(files["search.json"], &es); err != nil {
		t.Fatal(err)
	}
	also := map[string]string{}
	for _, e := range es {
		if strings.Contains(e.URL, "authoring") {
			t.Errorf("the search index holds the authors' page %s", e.URL)
		}
		also[e.URL] = e.Also
	}
	for u, want := range map[string]string{"stretches/supine-spinal-twist/": "trunk rotation", "stretches/hamstring-stretch/": "sciatica", "red-flags/#leg-numbness": "sciatica"} {
		if !strings.Contains(also[u], want) {
			t.Errorf("%s is known in search as %q, want %q among them", u, also[u], want)
		}
	}
	for _, p := range []string{"sitemap.xml", "index.html", "stretches/bridge/index.html"} {
		if strings.Contains(string(files[p]), "authoring/") {
			t.Errorf("%s links to the authors' page", p)
		}
	}
	if _, ok := files["authoring/index.html"]; !ok {
		t.Error("the authors' page is no longer written")
	}
	if !strings.Contains(string(files["index.html"]), `href="progress/">My progress</a>`) {
		t.Error("the home page does not link to My progress")
	}
}
