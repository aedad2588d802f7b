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
		{"stretch.html", `{{template "warning-signs" (flags $ $.Signs)}}`, []string{
			"content/stretches/childs-pose.md: error: the page, as the layouts render it, does not link to the warning-signs page",
			"content/stretches/open-book.md: error: the page, as the layouts render it, does not link to the warning-signs page",
		}},
		{"routine.html", `{{template "warning-signs" (flags $ $.Signs)}}`, []string{
			"content/routines/bedtime.md: error: the page, as the layouts render it, does not link to the warning-signs page\n    fix: make routine.html show the warning signs",
		}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			dir := customLayouts(t, c.file, func(s string) string { return strings.Replace(s, c.remove, "", 1) })
			problems := check(siteFS(t), Options{Content: "content", Layouts: dir, Today: testToday})
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

// A link to the page, or to a section of it, counts; links elsewhere do not.
func TestLinksTo(t *testing.T) {
	cases := []struct {
		html, from string
		want       bool
	}{
		{`<a href="../../red-flags/">signs</a>`, "stretches/bridge/", true},
		{`<a class="x" href="../../red-flags/#cauda-equina">sign</a>`, "stretches/bridge/", true},
		{`<a href="/guide/red-flags/">signs</a>`, "stretches/bridge/", false}, // another folder
		{`<a href="../red-flags/">signs</a>`, "stretches/bridge/", false},
		{`<a href="https://example.org/red-flags/">signs</a>`, "stretches/bridge/", false},
		{`<link href="../../red-flags/">`, "stretches/bridge/", false},
		{`<a href="red-flags/">signs</a>`, "", true},
	}
	for _, c := range cases {
		if got := linksTo([]byte(c.html), c.from, "red-flags/"); got != c.want {
			t.Errorf("linksTo(%s, from %s) = %v, want %v", c.html, c.from, got, c.want)
		}
	}
}

func TestCheckReportsBrokenLayouts(t *testing.T) {
	dir := customLayouts(t, "stretch.html", func(s string) string {
		return strings.Replace(s, "<h1>{{.Title}}</h1>", "<h1>{{.NoSuchField}}</h1>", 1)
	})
	problems := check(siteFS(t), Options{Content: "content", Layouts: dir, Today: testToday})
	if !containsPrefix(problems, dir+": error: layouts: page stretches/") {
		t.Errorf("want an error naming the layouts folder and page, got:\n%s", list(problems))
	}
}
