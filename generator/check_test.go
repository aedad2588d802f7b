package generator

import (
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchguide/stretchguide/generator/diag"
)

// siteFS reads the test site into memory, so each case can change one file.
func siteFS(t testing.TB) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	root := "testdata/site"
	err := fs.WalkDir(os.DirFS(root), ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := fs.ReadFile(os.DirFS(root), p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// testToday is the day the checks in tests measure review dates against.
var testToday = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

// checkFS checks a content tree held in fsys, naming files as prefix/path. Info lines
// are left out: tests look for problems.
func checkFS(fsys fs.FS, prefix string) diag.List {
	var problems diag.List
	for _, d := range checkContent(fsys, Options{Content: prefix, Today: testToday}) {
		if d.Severity != diag.Info {
			problems.Add(d)
		}
	}
	return problems
}

func TestCheckAcceptsTestSite(t *testing.T) {
	for _, d := range checkFS(siteFS(t), "content") {
		t.Errorf("unexpected problem: %s", d)
	}
}

// badInputs each change or add one file of the test site and expect one problem, at
// an exact place, whose message starts as given.
var badInputs = []struct {
	name, file, content string
	want                string // "path:line:col: severity: message" prefix
}{
	{"invalid YAML", "stretches/bad.md", "---\ntitle: Bad\nsummary: [unclosed\n---\nBody.\n",
		"content/stretches/bad.md:3:1: error: the front matter is not valid YAML"},
	{"missing required field", "stretches/bad.md", "---\ntitle: Bad\nareas: [hips]\nhold: 30s\ncitations: [gordon2016]\n---\nBody.\n",
		"content/stretches/bad.md:2:1: error: `summary` is missing"},
	{"unknown citation in front matter", "stretches/bad.md", "---\ntitle: Bad\nsummary: S.\nareas: [hips]\nhold: 30s\ncitations: [gordon2061]\n---\nBody.\n",
		`content/stretches/bad.md:6:13: error: unknown reference "gordon2061"`},
	{"unknown citation in text", "stretches/bad.md", "---\ntitle: Bad\nsummary: S.\nareas: [hips]\nhold: 30s\n---\nFirst line.\nIt helps [@gordon2061, p. 3].\n",
		`content/stretches/bad.md:8:11: error: unknown reference "gordon2061"`},
	{"unknown stretch in routine", "routines/bad.md", "---\ntitle: Bad\nsummary: S.\nsteps:\n  - stretch: bridge\n  - stretch: brigde\n---\n",
		`content/routines/bad.md:6:14: error: unknown stretch "brigde"`},
	{"slug used by the site", "pages/bibliography.md", "---\ntitle: Bad\n---\n",
		`content/pages/bibliography.md: error: the name "bibliography" is used by the site itself`},
	{"slug that is not a web address", "stretches/Cat Cow.md", "---\ntitle: Bad\nsummary: S.\nareas: [hips]\nhold: 30s\n---\n",
		`content/stretches/Cat Cow.md: error: the file name "Cat Cow" cannot be used in a web address`},
	{"duplicate reference id across files", "references/more.bib", "@article{gordon2016,\n  title = {Again},\n  year = {2016}\n}\n",
		`content/references/studies.yaml:1:3: error: reference "gordon2016" is defined twice`},
	{"bad duration", "stretches/bad.md", "---\ntitle: Bad\nsummary: S.\nareas: [hips]\nhold: thirty\n---\n",
		"content/stretches/bad.md:5:7: error: `hold` \"thirty\" is not a length of time"},
	{"not UTF-8", "stretches/bad.md", "---\ntitle: B\xe9d\n---\n",
		"content/stretches/bad.md:2:9: error: the file has bytes that are not UTF-8 text"},
	{"broken link", "pages/bad.md", "---\ntitle: Bad\n---\nSee [the bridge](../stretches/brigde.md).\n",
		`content/pages/bad.md:4:5: error: the link "../stretches/brigde.md" points to stretches/brigde.md, which does not exist`},
	{"missing anchor", "pages/bad.md", "---\ntitle: Bad\n---\nSee [signs](../red-flags.md#fever).\n",
		"content/pages/bad.md:4:5: error: red-flags.md has no section #fever"},
	{"unknown area", "stretches/bad.md", "---\ntitle: Bad\nsummary: S.\nareas: [hip]\nhold: 30s\n---\n",
		`content/stretches/bad.md:4:9: error: unknown area "hip"`},
	{"unknown flag", "stretches/bad.md", "---\ntitle: Bad\nsummary: S.\nareas: [hips]\nhold: 30s\nred_flags: [night-pains]\n---\n",
		`content/stretches/bad.md:6:13: error: unknown warning sign "night-pains"`},
	{"no closing delimiter", "stretches/bad.md", "---\ntitle: Bad\n",
		"content/stretches/bad.md:1:1: error: the front matter that starts here has no closing --- line"},
	{"empty file", "stretches/bad.md", "",
		"content/stretches/bad.md:1:1: error: the file is empty"},
	{"image outside content", "stretches/bad.md", "---\ntitle: Bad\nsummary: S.\nareas: [hips]\nhold: 30s\nimage: ../../go.mod\nimage_alt: A.\n---\n",
		`content/stretches/bad.md:6:8: error: the image "../../go.mod" is outside the content folder`},
	{"wrong type", "stretches/bad.md", "---\ntitle: Bad\nsummary: S.\nareas: [hips]\nreps: ten\n---\n",
		"content/stretches/bad.md:5:7: error: `reps` should be a whole number such as 10, not \"ten\""},
}

func TestCheckReportsBadInput(t *testing.T) {
	for _, c := range badInputs {
		t.Run(c.name, func(t *testing.T) {
			fsys := siteFS(t)
			fsys[c.file] = &fstest.MapFile{Data: []byte(c.content)}
			problems := checkFS(fsys, "content")
			if !containsPrefix(problems, c.want) {
				t.Errorf("want a problem starting\n  %s\ngot:\n%s", c.want, list(problems))
			}
		})
	}
}

func TestCheckWarnsOfUnknownFieldWithSuggestion(t *testing.T) {
	fsys := siteFS(t)
	fsys["stretches/bad.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Bad\nsummary: S.\nareas: [hips]\nhold: 30s\nciations: [gordon2016]\n---\n")}
	problems := checkFS(fsys, "content")
	want := `content/stretches/bad.md:6:1: warning: unknown field "ciations" is ignored` + "\n    fix: did you mean \"citations\"?"
	if !containsPrefix(problems, want) {
		t.Errorf("want %s\ngot:\n%s", want, list(problems))
	}
	if problems.Errors() != 0 {
		t.Errorf("an unknown field should only warn; got:\n%s", list(problems))
	}
}

func containsPrefix(l diag.List, prefix string) bool {
	for _, d := range l {
		if strings.HasPrefix(d.String(), prefix) {
			return true
		}
	}
	return false
}

func list(l diag.List) string {
	var b strings.Builder
	for _, d := range l {
		b.WriteString("  " + d.String() + "\n")
	}
	return b.String()
}

func TestCheckRejectsDuplicateAndMalformedIDs(t *testing.T) {
	fsys := siteFS(t)
	fsys["red-flags.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Signs\nflags:\n  - {id: fever, title: F, urgency: urgent, action: A}\n  - {id: fever, title: F, urgency: urgent, action: A}\n  - {id: Night Pain, title: N, urgency: soon, action: A}\n  - {id: cauda-equina, title: C, urgency: emergency, action: A}\n  - {id: night-pain, title: N, urgency: soon, action: A}\n---\n")}
	problems := checkFS(fsys, "content")
	for _, want := range []string{
		`content/red-flags.md:5:10: error: warning sign "fever" is listed twice`,
		`content/red-flags.md:6:10: error: warning sign id "Night Pain" cannot be used in a web address`,
	} {
		if !containsPrefix(problems, want) {
			t.Errorf("want %s\ngot:\n%s", want, list(problems))
		}
	}
}
