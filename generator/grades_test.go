package generator

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchguide/stretchguide/generator/check"
	"github.com/stretchguide/stretchguide/generator/diag"
)

func TestEvidenceGradeProblems(t *testing.T) {
	cases := []struct {
		name   string
		change func(fstest.MapFS)
		want   string
	}{
		{"unknown grade on a citation", func(m fstest.MapFS) {
			m["pages/graded.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Graded\ncitations:\n  - {key: gordon2016, grade: moderat}\n---\nText.\n")}
		}, "content/pages/graded.md:4:30: error: `citations[1].grade` cannot be \"moderat\"\n    fix: did you mean \"moderate\"?"},
		{"unknown grade on a reference", func(m fstest.MapFS) {
			m["references/more.yaml"] = &fstest.MapFile{Data: []byte("- id: extra\n  title: Extra\n  grade: strong\n")}
		}, `content/references/more.yaml:3:10: error: "strong" is not an evidence grade`},
		{"no page explains the grades", func(m fstest.MapFS) {
			delete(m, "pages/evidence-grades.md")
		}, "content/references/studies.yaml:1:3: warning: evidence grades are used, but no page explains them to readers"},
		{"the page lacks a grade", func(m fstest.MapFS) {
			m["pages/evidence-grades.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Grades\n---\n## High\n\nSure.\n\n## Moderate\n\nFairly sure.\n")}
		}, "content/routines/bedtime.md:12:32: warning: the evidence-grades page does not explain the grade \"low\"\n    fix: add a section \"## Low\" to content/pages/evidence-grades.md"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := siteFS(t)
			c.change(fsys)
			if p := checkFS(fsys, "content"); !containsPrefix(p, c.want) {
				t.Errorf("want\n  %s\ngot:\n%s", c.want, list(p))
			}
		})
	}
}

// A grade given with a citation in front matter overrides the reference's own, and
// each badge links to its section of the explanation page.
func TestEvidenceGradeBadges(t *testing.T) {
	files := readTree(t, buildSite(t, Options{}))
	bridge := string(files["stretches/bridge/index.html"])
	if want := `<a class="grade grade-moderate" href="../../evidence-grades/#moderate">Moderate certainty</a>`; !strings.Contains(bridge, want) {
		t.Errorf("the bridge's evidence lacks the reference's own grade %s", want)
	}
	bedtime := string(files["routines/bedtime/index.html"])
	if want := `<a class="grade grade-low" href="../../evidence-grades/#low">Low certainty</a>`; !strings.Contains(bedtime, want) {
		t.Errorf("the bedtime routine lacks the grade given with its citation %s", want)
	}
	explained := string(files["evidence-grades/index.html"])
	for _, id := range []string{"high", "moderate", "low", "very-low"} {
		if !strings.Contains(explained, `id="`+id+`"`) {
			t.Errorf("the evidence-grades page has no section #%s", id)
		}
	}
}

// Link only links: the warnings about grades the evidence-grades page leaves out
// come from package check, which reads the linked guide.
func TestGradeWarningsAreChecks(t *testing.T) {
	fsys := siteFS(t)
	fsys["pages/evidence-grades.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Grades\n---\n## High\n\nSure.\n")}
	var problems diag.List
	ln := loadAndLink(fsys, Options{Content: "content"}, &problems, newTimer(nil))
	const want = "the evidence-grades page does not explain the grade"
	for _, d := range problems {
		if strings.Contains(d.Message, want) {
			t.Errorf("link reported %s", d)
		}
	}
	if got := check.Content(ln); !strings.Contains(list(got), want) {
		t.Errorf("check.Content reported no unexplained grade:\n%s", list(got))
	}
}
