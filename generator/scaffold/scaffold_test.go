package scaffold

import (
	"strings"
	"testing"

	"github.com/stretchguide/stretchguide/generator/front"
)

func TestSlug(t *testing.T) {
	cases := map[string]string{
		"Cat-Cow":                   "cat-cow",
		"Child's pose":              "childs-pose",
		"Child’s pose":              "childs-pose",
		"  Figure 4 glute stretch ": "figure-4-glute-stretch",
		"90/90 hip switch":          "90-90-hip-switch",
		"Lunch break: a reset":      "lunch-break-a-reset",
		"Übung für den Rücken":      "ubung-fur-den-rucken",
		"Ελληνικά":                  "",
		"?!":                        "",
	}
	for title, want := range cases {
		if got := Slug(title); got != want {
			t.Errorf("Slug(%q) = %q, want %q", title, got, want)
		}
	}
}

// The front matter of a new file decodes without a problem, with the title given and
// the first area, stretch and so on of the guide as examples.
func TestNewFrontMatterDecodes(t *testing.T) {
	c := Context{Title: "Cat-Cow: slow", Slug: "cat-cow-slow", SchemaURL: "s.json", Today: "2026-11-25",
		Areas: []string{"lower-back", "hips"}, Flags: []string{"cauda-equina"}, Stretches: []string{"bridge", "lunge"}, References: []string{"gordon2016"}}
	var s front.Stretch
	m, issue := front.Split(Stretch(c))
	if issue != nil {
		t.Fatal(issue.Msg)
	}
	if issues := front.Decode(m.Node, &s); len(issues) > 0 {
		t.Fatalf("issues: %+v", issues)
	}
	if s.Title.V != c.Title || s.Areas[0].V != "lower-back" || s.Hold.V == 0 || s.Reps.Set() {
		t.Errorf("decoded %+v", s)
	}
	var r front.Routine
	m, issue = front.Split(Routine(c))
	if issue != nil {
		t.Fatal(issue.Msg)
	}
	if issues := front.Decode(m.Node, &r); len(issues) > 0 {
		t.Fatalf("issues: %+v", issues)
	}
	if len(r.Steps) != 2 || r.Steps[0].Stretch.V != "bridge" || r.Steps[1].Hold.V == 0 {
		t.Errorf("decoded steps %+v", r.Steps)
	}
	if !strings.Contains(string(Routine(c)), "Stretches: bridge, lunge") {
		t.Error("the routine's note on steps does not list the stretches")
	}
}

// A guide with nothing in it yet still gets a file with working examples.
func TestNewInAnEmptyGuide(t *testing.T) {
	for _, src := range [][]byte{Stretch(Context{Title: "A"}), Routine(Context{Title: "B"})} {
		if m, issue := front.Split(src); issue != nil || m.Node == nil {
			t.Errorf("no front matter in:\n%s", src)
		}
	}
}
