package generator

import (
	"strings"
	"testing"
	"testing/fstest"
)

// pathological are Markdown bodies that once cost seconds and hundreds of megabytes
// each, though far under MaxFileSize.
var pathological = map[string]string{
	"brackets": strings.Repeat("[", 2_000_000) + "\n",
	"emphasis": strings.Repeat("*a _", 500_000) + "\n",
	"nested":   nestedList(1500),
	"quotes":   strings.Repeat(">", 1500) + " a\n",
	"long":     strings.Repeat("Stretch gently.\n", MaxBody/16+1),
}

// nestedList is a list n levels deep, each level indented two spaces more.
func nestedList(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat("  ", i) + "- a\n")
	}
	return b.String()
}

// Each page over a limit is refused at the first line over it, and nothing else
// about it is reported; pages just under the limits build.
func TestLimitsRefusePathologicalPages(t *testing.T) {
	const head = "---\ntitle: Big\n---\n" // the body starts on line 4
	cases := []struct {
		name, body string
		want       string // "" when the page must build
	}{
		{"2 million [", pathological["brackets"],
			"content/pages/big.md:4:50001: error: the file has more than 50000 '[' (for links, images and citations); this one is over the limit"},
		{"2 MB of *a _", pathological["emphasis"],
			"content/pages/big.md:4:100001: error: the file has more than 50000 '*', '_' and '~' marks; this one is over the limit"},
		{"a list 1,500 levels deep", pathological["nested"],
			"content/pages/big.md:54:1: error: lists and quotes are nested 51 deep here; the most is 50"},
		{"quotes 1,500 deep", pathological["quotes"],
			"content/pages/big.md:4:1: error: lists and quotes are nested 1500 deep here; the most is 50"},
		{"list markers on one line", strings.Repeat("- ", 60) + "a\n",
			"content/pages/big.md:4:1: error: lists and quotes are nested 60 deep here; the most is 50"},
		{"over 512 KB of text", pathological["long"],
			"content/pages/big.md:32771:1: error: the page's text goes past 512 KB on this line; the most is 512 KB"},
		{"brackets on later lines", "Text.\n" + strings.Repeat("[a] ", 50_000) + "\n[b]\n",
			"content/pages/big.md:6:1: error: the file has more than 50000 '['"},
		{"a list 50 levels deep builds", nestedList(50), ""},
		{"50,000 brackets build", strings.Repeat("[", 50_000) + "\n", ""},
		{"50,000 marks build", strings.Repeat("*a _", 12_500) + "\n", ""},
		{"512 KB builds", strings.Repeat("Stretch gently.\n", MaxBody/16-1), ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := siteFS(t)
			fsys["pages/big.md"] = &fstest.MapFile{Data: []byte(head + c.body)}
			problems := checkFS(fsys, "content")
			if c.want == "" {
				if problems.Errors() > 0 {
					t.Errorf("want no errors, got:\n%s", list(problems))
				}
				return
			}
			if !containsPrefix(problems, c.want) || problems.Errors() != 1 {
				t.Errorf("want only\n  %s\ngot:\n%s", c.want, list(problems))
			}
		})
	}
}

// A number out of its range is one error at the value, and the build never shows a
// total computed from it.
func TestNumbersOutOfRangeAreRefused(t *testing.T) {
	cases := []struct {
		name, file, src string
		want            []string
	}{
		{"sets at the largest int, held 59 minutes", "stretches/bad.md",
			"---\ntitle: Bad\nsummary: S.\nareas: [hips]\nhold: 59m\nsets: 9223372036854775807\n---\n",
			[]string{"content/stretches/bad.md:5:7: error: `hold` is 59m; use a length of time from 1s to 10m",
				"content/stretches/bad.md:6:7: error: `sets` is 9223372036854775807; use a whole number from 1 to 20"}},
		{"a step's sets", "routines/bad.md",
			"---\ntitle: Bad\nsummary: S.\nsteps:\n  - {stretch: bridge, sets: 9223372036854775807}\n---\n",
			[]string{"content/routines/bad.md:5:29: error: `steps[1].sets` is 9223372036854775807; use a whole number from 1 to 20"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := siteFS(t)
			fsys[c.file] = &fstest.MapFile{Data: []byte(c.src)}
			problems := checkFS(fsys, "content")
			for _, w := range c.want {
				if !containsPrefix(problems, w) {
					t.Errorf("want\n  %s\ngot:\n%s", w, list(problems))
				}
			}
			if problems.Errors() != len(c.want) {
				t.Errorf("want %d errors, got:\n%s", len(c.want), list(problems))
			}
		})
	}
}
