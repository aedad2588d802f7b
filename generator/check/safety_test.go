package check

import "testing"

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
