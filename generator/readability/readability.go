// Package readability measures how hard a text is to read with the Flesch-Kincaid
// grade level: roughly the years of (US) schooling a reader needs to follow it.
// Patient materials should read at grade 6 to 8.
//
//	grade = 0.39 × words/sentences + 11.8 × syllables/words − 15.59
//
// Syllables are counted with spelling rules, not a dictionary, so a word's count may be
// off by one now and then; over a page the errors mostly cancel out.
package readability

import (
	"strings"
	"unicode"
)

// Text accumulates prose and counts its words, sentences and syllables. Add text as it
// comes; call EndBlock after a heading, a list item or any other piece of text that
// ends a thought without a full stop.
type Text struct {
	words, sentences, syllables int
	open                        bool   // words were added since the last sentence ended
	last                        string // the last word, to tell "Dr." from a sentence end
}

// Stats are the counts of a text and its grade.
type Stats struct {
	Words, Sentences, Syllables int
	// Grade is the Flesch-Kincaid grade level, 0 for a text without words.
	Grade float64
}

// Add reads s as prose. A sentence ends at ., ! or ? followed by a space or the end of
// s, except after a common abbreviation such as "e.g." or "Dr.".
func (t *Text) Add(s string) {
	for _, tok := range strings.FieldsFunc(s, isSpace) {
		core := strings.TrimFunc(tok, notWordRune)
		if core != "" {
			for _, part := range strings.FieldsFunc(core, isDash) {
				if n := Syllables(part); n > 0 || hasDigit(part) {
					t.words++
					t.syllables += max(n, 1)
					t.open = true
				}
			}
		}
		if endsSentence(tok) && t.open && !abbreviation(tok) {
			t.sentences++
			t.open = false
		}
	}
}

// EndBlock ends the current sentence, if one is open.
func (t *Text) EndBlock() {
	if t.open {
		t.sentences++
		t.open = false
	}
}

// Stats returns the counts so far; an open sentence counts as ended.
func (t *Text) Stats() Stats {
	s := Stats{Words: t.words, Sentences: t.sentences, Syllables: t.syllables}
	if t.open {
		s.Sentences++
	}
	s.Grade = Grade(s.Words, s.Sentences, s.Syllables)
	return s
}

// Grade is the Flesch-Kincaid grade level of a text with the given counts, or 0 when
// it has no words.
func Grade(words, sentences, syllables int) float64 {
	if words == 0 || sentences == 0 {
		return 0
	}
	return 0.39*float64(words)/float64(sentences) + 11.8*float64(syllables)/float64(words) - 15.59
}

// Of measures a single piece of prose.
func Of(s string) Stats {
	var t Text
	t.Add(s)
	return t.Stats()
}

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '—' || r == '–' }

func isDash(r rune) bool { return r == '-' || r == '/' }

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

func hasDigit(s string) bool { return strings.ContainsFunc(s, unicode.IsDigit) }

// endsSentence reports whether a token ends with sentence punctuation, allowing for
// closing quotes and brackets after it: `pain."` or `(see above.)`.
func endsSentence(tok string) bool {
	tok = strings.TrimRight(tok, `"'”’)]*_`)
	return strings.HasSuffix(tok, ".") || strings.HasSuffix(tok, "!") || strings.HasSuffix(tok, "?")
}

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"dr.": true, "mr.": true, "mrs.": true, "ms.": true, "prof.": true, "st.": true,
	"e.g.": true, "i.e.": true, "vs.": true, "p.": true, "pp.": true,
	"approx.": true, "fig.": true,
}

func abbreviation(tok string) bool {
	tok = strings.TrimLeft(tok, `("'“‘[`)
	if abbreviations[strings.ToLower(tok)] {
		return true
	}
	// An initial, such as the J. of "J. Smith".
	r := []rune(tok)
	return len(r) == 2 && r[1] == '.' && unicode.IsUpper(r[0])
}
