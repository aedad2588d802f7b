package generator

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchguide/stretchguide/generator/diag"
)

// testdata/mistakes is a small guide with twenty different mistakes. One run of check
// must list all twenty, each at its line and column, and nothing else.
var twentyMistakes = []string{
	`content/_index.md:4:20: error: ` + "`readability_grade`" + ` should be a whole number such as 10, not "eight"`,
	`content/_index.md:10:9: error: area id "Upper Back" cannot be used in a web address`,
	"content/pages/about.md:2:1: error: `title` is missing",
	`content/pages/about.md:4:10: error: red-flags.md has no section #fevr`,
	"content/red-flags.md:7:14: error: `flags[1].urgency` cannot be \"later\"",
	`content/references/zotero.json:2:3: error: reference "gordon2016" is defined twice: here and at content/references/studies.yaml:1`,
	`content/routines/morning.md:7:14: error: unknown stretch "brigde"`,
	"content/routines/morning.md:9:30: error: `citations[1].grade` cannot be \"strong\"",
	`content/stretches/bridge.md:5:21: error: unknown area "hip"`,
	"content/stretches/bridge.md:7:7: error: `hold` \"thirty\" is not a length of time",
	`content/stretches/bridge.md:8:13: error: unknown warning sign "night-pains"`,
	`content/stretches/bridge.md:10:1: warning: unknown field "ciations" is ignored`,
	`content/stretches/bridge.md:12:25: error: unknown reference "gordon2061"`,
	`content/stretches/cat-cow.md:7:7: error: give either hold or reps, not both`,
	`content/stretches/cat-cow.md:8:8: error: the image "../../outside.svg" is outside the content folder`,
	`content/stretches/cat-cow.md:12:14: error: the link "brigde.md" points to stretches/brigde.md, which does not exist`,
	`content/stretches/empty.md:1:1: error: the file is empty`,
	`content/stretches/latin1.md:2:11: error: the file has bytes that are not UTF-8 text, the first in column 11 of line 2`,
	`content/stretches/lunge.md:5:10: error: the front matter is not valid TOML: expected a top-level item to end with a newline, comment, or EOF, but got 's' instead`,
	`content/stretches/plank.md:4:1: error: the front matter is not valid YAML: did not find expected ',' or ']'`,
}

func TestCheckListsTwentyMistakesInOneRun(t *testing.T) {
	var got []string
	for _, d := range checkContent(os.DirFS("testdata/mistakes"), Options{Content: "content", Today: testToday}) {
		if d.Severity != diag.Info {
			got = append(got, strings.SplitN(d.String(), "\n", 2)[0])
		}
	}
	if strings.Join(got, "\n") != strings.Join(twentyMistakes, "\n") {
		t.Errorf("got %d problems:\n%s\n\nwant these %d:\n%s", len(got), strings.Join(got, "\n"), len(twentyMistakes), strings.Join(twentyMistakes, "\n"))
	}
}

// The guide's own content has no errors.
func TestShippedContentHasNoErrors(t *testing.T) {
	problems := checkContent(os.DirFS("../content"), Options{Content: "content", Today: testToday})
	for _, d := range problems {
		switch d.Severity {
		case diag.Error:
			t.Errorf("%s", d)
		case diag.Warning:
			t.Logf("%s", d)
		}
	}
}
