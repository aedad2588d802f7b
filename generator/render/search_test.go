package render

import (
	"slices"
	"testing"
)

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

// TestTokens: words are runs of letters and digits, lowercase, apostrophes dropped;
// anything else, bytes that are not UTF-8 too, ends a word.
func TestTokens(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"", []string{}},
		{"  ", []string{}},
		{"Hold 30s", []string{"hold", "30s"}},
		{"ǅemal’s back-pain\xffnow", []string{"ǆemals", "back", "pain", "now"}},
		{"end", []string{"end"}},
	} {
		if got := tokens(c.in); !slices.Equal(got, c.want) || got == nil {
			t.Errorf("tokens(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
