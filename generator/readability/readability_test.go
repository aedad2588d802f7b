package readability

import (
	"math"
	"testing"
)

func TestSyllables(t *testing.T) {
	cases := []struct {
		word string
		want int
	}{
		// One vowel group, one syllable.
		{"the", 1}, {"back", 1}, {"stretch", 1}, {"pain", 1}, {"knee", 1}, {"hips", 1},
		// Silent e, -es and -ed.
		{"make", 1}, {"breathe", 1}, {"whole", 1}, {"makes", 1}, {"times", 1}, {"moves", 1},
		{"jumped", 1}, {"used", 1}, {"knees", 1}, {"does", 1}, {"lies", 1},
		// ... but not after -le, and not where the ending is said.
		{"table", 2}, {"simple", 2}, {"gentle", 2}, {"people", 2}, {"muscles", 2},
		{"stretches", 2}, {"boxes", 2}, {"changes", 2}, {"places", 2}, {"lifted", 2}, {"needed", 2},
		// Longer words.
		{"gently", 2}, {"morning", 2}, {"shoulder", 2}, {"stretching", 2}, {"doctor", 2},
		{"physical", 3}, {"exercise", 3}, {"therapist", 3}, {"position", 3}, {"flexibility", 5},
		{"systematic", 4}, {"everyone", 3}, {"relaxed", 2}, {"yoga", 2}, {"body", 2},
		// Vowel pairs said apart.
		{"radio", 3}, {"period", 3}, {"curious", 3}, {"usually", 4}, {"being", 2}, {"doing", 2},
		{"lying", 2}, {"saying", 2}, {"area", 3}, {"idea", 3}, {"easier", 3}, {"happiest", 3},
		{"media", 3}, {"special", 2}, {"million", 2}, {"equal", 2},
		// Case, apostrophes, accents, and words without vowels.
		{"Child's", 1}, {"Öberg", 2}, {"PT", 1}, {"NHS", 1},
		// No letters: not a word.
		{"", 0}, {"30", 0}, {"—", 0},
	}
	for _, c := range cases {
		if got := Syllables(c.word); got != c.want {
			t.Errorf("Syllables(%q) = %d, want %d", c.word, got, c.want)
		}
	}
}

// The passages' counts were made by hand; the grades follow from the formula.
func TestPassages(t *testing.T) {
	cases := []struct {
		name  string
		text  string
		words int
		sents int
		sylls int
	}{
		{"one short sentence", "The cat sat on the mat.", 6, 1, 6},
		{"short sentences", "Lie on your back. Bend your knees. Hold for 30 seconds.", 11, 3, 12},
		{"abbreviations and initials", "Dr. Berg says to stop if it hurts. See p. 22 of the review by J. Smith.", 17, 2, 18},
		{"questions and quotes", `Does it hurt? Stop! She said "rest first." Then try again.`, 11, 4, 12},
		{"hyphens count each part", "A well-known stretch.", 4, 1, 4},
		{"clinical prose",
			"Systematic reviews suggest that flexibility exercise may reduce disability in chronic low back pain.",
			14, 1, 31},
	}
	for _, c := range cases {
		got := Of(c.text)
		if got.Words != c.words || got.Sentences != c.sents || got.Syllables != c.sylls {
			t.Errorf("%s: words %d, sentences %d, syllables %d; want %d, %d, %d",
				c.name, got.Words, got.Sentences, got.Syllables, c.words, c.sents, c.sylls)
		}
		want := 0.39*float64(c.words)/float64(c.sents) + 11.8*float64(c.sylls)/float64(c.words) - 15.59
		if math.Abs(got.Grade-want) > 1e-9 {
			t.Errorf("%s: grade %.2f, want %.2f", c.name, got.Grade, want)
		}
	}
}

// Known grades: plain patient text should come out near grade 4-6, and dense clinical
// prose far above the guide's limit of 8.
func TestGradeRanges(t *testing.T) {
	plain := "Lie on your back on a mat. Bend your knees and put your feet flat on the floor. " +
		"Press down through your feet and lift your hips. Pause for a moment. Keep breathing. " +
		"Lower your hips slowly back to the mat."
	dense := "Systematic reviews suggest that supervised flexibility exercise programmes may " +
		"reduce functional disability in individuals with chronic nonspecific low back pain, " +
		"although the certainty of the evidence remains considerably limited by methodological heterogeneity."
	if g := Of(plain).Grade; g < 0 || g > 4 {
		t.Errorf("plain steps: grade %.1f, want 0-4", g)
	}
	if g := Of(dense).Grade; g < 16 {
		t.Errorf("dense clinical prose: grade %.1f, want 16 or more", g)
	}
}

func TestBlocksEndSentences(t *testing.T) {
	var tx Text
	for _, cue := range []string{"Knees bent, feet flat", "Lift your hips", "Pause, then lower slowly"} {
		tx.Add(cue, 0)
		tx.EndBlock()
	}
	tx.EndBlock() // a second end adds nothing
	if s := tx.Stats(); s.Sentences != 3 || s.Words != 11 {
		t.Errorf("got %d sentences and %d words, want 3 and 11", s.Sentences, s.Words)
	}
}

func TestEmpty(t *testing.T) {
	if s := Of("  ... — "); s.Words != 0 || s.Grade != 0 {
		t.Errorf("text without words: %+v", s)
	}
	if Grade(0, 0, 0) != 0 {
		t.Error("Grade of nothing should be 0")
	}
}

func TestHardestSentence(t *testing.T) {
	var tx Text
	tx.Add("Lie down. Bend your knees.", 1)
	tx.Add("Then, keeping your shoulders relaxed against the floor, gradually", 2)
	tx.Add("straighten one leg. Rest.", 3)
	s := tx.Stats()
	if s.Hardest.At != 2 || s.Hardest.Words != 12 {
		t.Errorf("hardest sentence %+v, want the one starting at 2 with 12 words", s.Hardest)
	}
	if s.Sentences != 4 {
		t.Errorf("%d sentences, want 4", s.Sentences)
	}
}
