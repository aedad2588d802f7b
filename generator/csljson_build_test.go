package generator

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// zoteroGordon is the test site's gordon2016 as Zotero's "Export > CSL JSON" writes
// it: tab-indented, years as text, fields the guide does not use, and the grade in
// CSL's custom group.
const zoteroGordon = `[
	{
		"id": "gordon2016",
		"type": "article-journal",
		"abstract": "Chronic low back pain is common.",
		"container-title": "Healthcare",
		"DOI": "10.3390/healthcare4020022",
		"ISSN": "2227-9032",
		"issue": "2",
		"journalAbbreviation": "Healthcare",
		"language": "en",
		"number": "22",
		"source": "DOI.org (Crossref)",
		"title": "A systematic review of the effects of exercise and physical activity on non-specific chronic low back pain",
		"volume": "4",
		"author": [
			{
				"family": "Gordon",
				"given": "R."
			},
			{
				"family": "Bloxham",
				"given": "S."
			}
		],
		"issued": {
			"date-parts": [
				[
					"2016"
				]
			]
		},
		"custom": {
			"grade": "moderate",
			"grade_reason": "A review of trials that used different methods"
		}
	}
]
`

// A Zotero CSL-JSON file builds into exactly the site that the same reference in
// CSL-YAML builds: the same bibliography entry, the same citations and evidence lists.
func TestZoteroCSLJSONBuildsLikeYAML(t *testing.T) {
	content := copySite(t)
	if err := os.Remove(filepath.Join(content, "references", "studies.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(content, "references", "studies.json"), []byte(zoteroGordon), 0o644); err != nil {
		t.Fatal(err)
	}
	fromJSON := readTree(t, buildSite(t, Options{Content: content}))
	fromYAML := readTree(t, buildSite(t, Options{}))
	if len(fromJSON) != len(fromYAML) {
		t.Fatalf("%d files from JSON, %d from YAML", len(fromJSON), len(fromYAML))
	}
	for p, b := range fromYAML {
		if !bytes.Equal(fromJSON[p], b) && p != "admin/config.yml" { // the editor opens YAML reference files only
			t.Errorf("%s differs between the YAML and the JSON reference", p)
		}
	}
	if !bytes.Contains(fromJSON["bibliography/index.html"], []byte(`<li id="ref-gordon2016">`)) {
		t.Error("the bibliography lacks the reference")
	}
}
