package render

import "testing"

func TestSearchWords(t *testing.T) {
	for _, c := range []struct{ known, text, want string }{
		{"Bridge", "The bridge lifts your hips. Hips up!", "lifts hips"},
		{"", "Child’s pose, child's pose", "childs pose"},
		{"", "Über-stretch ÖL 12 ab", "über stretch"},
		{"", "", ""},
	} {
		if got := searchWords(c.known, c.text); got != c.want {
			t.Errorf("searchWords(%q, %q) = %q, want %q", c.known, c.text, got, c.want)
		}
	}
}

// The shipped guide's index must stay small: it is downloaded on the first search.
