package readability

import (
	"math"
	"testing"
	"unicode/utf8"
)

// FuzzText feeds any text through the counter: it must not panic, and its counts must
// stay consistent (a sentence has a word, a word a syllable, the grade is a number).
func FuzzText(f *testing.F) {
	for _, s := range []string{"The cat sat on the mat.", "Dr. J. Smith, e.g. p. 22!", "—–-/'", "naïve café Übung", "a\nb\n\n?", "ééé..."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		var tx Text
		tx.Add(s, 1)
		tx.EndBlock()
		st := tx.Stats()
		if st.Sentences > st.Words || st.Syllables < st.Words || math.IsNaN(st.Grade) || math.IsInf(st.Grade, 0) {
			t.Fatalf("inconsistent counts for %q: %+v", s, st)
		}
		if st.Words > 0 && st.Hardest.Words == 0 {
			t.Fatalf("no hardest sentence for %q: %+v", s, st)
		}
	})
}
