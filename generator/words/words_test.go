package words

import (
	"slices"
	"testing"
)

func TestList(t *testing.T) {
	for _, c := range []struct{ known, text, want string }{
		{"Bridge", "The bridge lifts your hips. Hips up!", "lifts hips"},
		{"", "Child’s pose, child's pose", "childs pose"},
		{"", "Über-stretch ÖL 12 ab", "über stretch"},
		{"", "", ""},
	} {
		if got := List(c.known, c.text); got != c.want {
			t.Errorf("List(%q, %q) = %q, want %q", c.known, c.text, got, c.want)
		}
	}
}

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
		if got := Tokens(c.in); !slices.Equal(got, c.want) || got == nil {
			t.Errorf("Tokens(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// Listing a body's words when it is loaded and again with the page's own words
// gives what listing the whole text with them gives (List's promise, which the
// search index relies on).
func FuzzListTwice(f *testing.F) {
	for _, c := range [][2]string{
		{"Bridge", "The bridge lifts your hips. Hips up!"},
		{"", "Child’s pose, child's pose"},
		{"pose", "İstanbul ǅemal’s back-pain\xffnow, ÖL 12 ab"},
		{"hold", "Hold 30s. HOLD again; hold-hold."},
	} {
		f.Add(c[0], c[1])
	}
	f.Fuzz(func(t *testing.T, known, text string) {
		if once, twice := List(known, text), List(known, List("", text)); once != twice {
			t.Errorf("List(%q, %q) = %q, but listed twice %q", known, text, once, twice)
		}
	})
}
