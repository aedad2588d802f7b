package bib

import (
	"strings"
	"testing"

	"github.com/stretchguide/stretchguide/generator/guide"
)

func TestSameDOIUnderTwoKeysIsAWarningNamingBoth(t *testing.T) {
	refs := []*guide.Reference{
		{Key: "gordon2016", DOI: "10.3390/healthcare4020022", Pos: guide.Pos{Path: "content/references/studies.yaml", Line: 3, Col: 3}},
		{Key: "other", DOI: "10.1000/x", Pos: guide.Pos{Path: "content/references/studies.yaml", Line: 20, Col: 3}},
		{Key: "gordon-bloxham", DOI: "10.3390/HEALTHCARE4020022", Pos: guide.Pos{Path: "content/references/more.bib", Line: 7, Col: 1}},
		{Key: "nodoi1"}, {Key: "nodoi2"},
	}
	list := SameDOI(refs)
	if list.Warnings() != 1 || list.Errors() != 0 {
		t.Fatalf("want one warning, got %v", list)
	}
	msg := list[0].String()
	for _, want := range []string{"content/references/more.bib:7", `"gordon2016"`, `"gordon-bloxham"`, "content/references/studies.yaml:3"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the warning %q does not name %s", msg, want)
		}
	}
}
