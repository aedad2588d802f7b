package readability

import (
	"strings"
	"testing"
)

// The counters were first written with strings.FieldsFunc and strings.Builder, which
// allocate for every word; the versions that replaced them must count the same. These
// are the first versions, kept as the reference.

func referenceAdd(t *Text, s string, at int) {
	for _, tok := range strings.FieldsFunc(s, isSpace) {
		core := strings.TrimFunc(tok, notWordRune)
		if core != "" {
			for _, part := range strings.FieldsFunc(core, isDash) {
				if n := referenceSyllables(part); n > 0 || hasDigit(part) {
					if t.cur.Words == 0 {
						t.cur.At = at
					}
					t.cur.Words++
					t.cur.Syllables += max(n, 1)
				}
			}
		}
		if endsSentence(tok) && !abbreviation(tok) {
			t.EndBlock()
		}
	}
}

// referenceSyllables is Syllables with its first way of folding the word.
func referenceSyllables(word string) int {
	var b strings.Builder
	for _, r := range strings.ToLower(word) {
		if r = fold(r); r >= 'a' && r <= 'z' {
			b.WriteRune(r)
		}
	}
	w := b.String()
	if w == "" {
		return 0
	}
	return Syllables(w) // w is plain lowercase a-z: Syllables keeps it as it is
}

// FuzzSameAsReference holds Add and Syllables to the reference on any input, valid
// UTF-8 or not, split into two Adds at any point.
func FuzzSameAsReference(f *testing.F) {
	for _, s := range []string{"The cat sat on the mat.", "Dr. J. Smith, e.g. p. 22!", "—–-/'", "naïve café Übung",
		"a\nb\n\n?", "ééé...", "ÀÉÎ stretches—lifted/used", "\xff\xfeab cd\x80.", "x-y-z 10-15 s, “quoted.”"} {
		f.Add(s, uint8(3))
	}
	f.Fuzz(func(t *testing.T, s string, cut uint8) {
		i := min(int(cut), len(s))
		var got, want Text
		got.Add(s[:i], 1)
		got.Add(s[i:], 2)
		referenceAdd(&want, s[:i], 1)
		referenceAdd(&want, s[i:], 2)
		if got.Stats() != want.Stats() || got.cur != want.cur {
			t.Fatalf("Add(%q) = %+v, the reference gives %+v", s, got.Stats(), want.Stats())
		}
		for w := range strings.FieldsSeq(s) {
			if g, r := Syllables(w), referenceSyllables(w); g != r {
				t.Fatalf("Syllables(%q) = %d, the reference gives %d", w, g, r)
			}
		}
	})
}
