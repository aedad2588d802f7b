package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchguide/stretchguide/layouts"
)

// customLayouts copies the default layouts to a folder, with edit applied to one file.
func customLayouts(t *testing.T, file string, edit func(string) string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, layouts.FS); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		t.Fatal(err)
	}
	changed := edit(string(b))
	if changed == string(b) {
		t.Fatalf("the edit did not change %s", file)
	}
	if err := os.WriteFile(filepath.Join(dir, file), []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// A custom layout that drops the warning signs from stretch or routine pages breaks
// the safety rule; a link in the site header does not count, as it is not part of
// the page's own content. The test site's bridge still links to a warning sign from
// its text, which counts.
func TestCheckFindsPagesWithoutWarningSigns(t *testing.T) {
	cases := []struct {
		file, remove string
		want         []string
	}{
		{"stretch.html", `{{$.WarningSigns $.Signs}}`, []string{
			"content/stretches/childs-pose.md: error: the page, as the layouts render it, does not link to the warning-signs page",
			"content/stretches/open-book.md: error: the page, as the layouts render it, does not link to the warning-signs page",
		}},
		{"routine.html", `{{$.WarningSigns $.Signs}}`, []string{
			"content/routines/bedtime.md: error: the page, as the layouts render it, does not link to the warning-signs page\n    fix: make routine.html show the warning signs",
		}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			dir := customLayouts(t, c.file, func(s string) string { return strings.Replace(s, c.remove, "", 1) })
			problems := checkContent(siteFS(t), Options{Content: "content", Layouts: dir, Today: testToday})
			if problems.Errors() != len(c.want) {
				t.Errorf("want %d errors, got:\n%s", len(c.want), list(problems))
			}
			for _, w := range c.want {
				if !containsPrefix(problems, w) {
					t.Errorf("want %s\ngot:\n%s", w, list(problems))
				}
			}
		})
	}
}

func TestCheckReportsBrokenLayouts(t *testing.T) {
	dir := customLayouts(t, "stretch.html", func(s string) string {
		return strings.Replace(s, "<h1>{{.Title}}</h1>", "<h1>{{.NoSuchField}}</h1>", 1)
	})
	problems := checkContent(siteFS(t), Options{Content: "content", Layouts: dir, Today: testToday})
	if !containsPrefix(problems, dir+": error: layouts: page stretches/") {
		t.Errorf("want an error naming the layouts folder and page, got:\n%s", list(problems))
	}
}
