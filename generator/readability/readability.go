// Package readability measures how hard a text is to read with the formula of its
// language: for English the Flesch-Kincaid grade level, roughly the years of (US)
// schooling a reader needs to follow it; for Spanish Fernández Huerta's reading
// ease, turned into a school grade (spanish.go). Patient materials should read at
// grade 6 to 8.
//
//	grade = 0.39 × words/sentences + 11.8 × syllables/words − 15.59
//
// Syllables are counted with spelling rules, not a dictionary, so a word's count may be
// off by one now and then; over a page the errors mostly cancel out.
package readability

import (
	"cmp"
	"iter"
	"strings"
	"unicode"
	"unsafe"
)

// Text accumulates prose and counts its words, sentences and syllables. Add text as it
// comes; call EndBlock after a heading, a list item or any other piece of text that
// ends a thought without a full stop. The zero Text is empty and ready to use.
type Text struct {
	formula                     Formula // "" is Flesch-Kincaid
	words, sentences, syllables int
	cur                         Sentence // the sentence being read; Words is 0 between sentences
	hardest                     Sentence
}

// Sentence is one sentence's counts, and where it starts as the caller gave it to Add.
type Sentence struct {
	At               int
	Words, Syllables int
	formula          Formula
}

// Grade is the sentence's own grade, by the formula of its text.
func (s Sentence) Grade() float64 { return s.formula.grade(s.Words, 1, s.Syllables) }

// NewText returns an empty Text measured by the formula of language lang (a BCP 47
// tag); the zero Text is measured as English.
func NewText(lang string) Text { return Text{formula: FormulaOf(lang)} }

// Stats are the counts of a text and its grade.
type Stats struct {
	Words, Sentences, Syllables int
	// Grade is the school grade by the formula of the text's language (Flesch-Kincaid
	// for English), 0 for a text without words or a language without a formula.
	Grade float64
	// Formula is the formula Grade comes from; None when the language has none.
	Formula Formula
	// Hardest is the sentence with the highest grade: the first one to rewrite.
	Hardest Sentence
}

// Add reads s as prose; at is where s starts, in whatever terms the caller likes (a
// byte offset, a line), and is reported as the start of each sentence that begins
// in s. A sentence ends at ., ! or ? at the end of a word, except after a common
// abbreviation such as "e.g." or "Dr." or an initial.
func (t *Text) Add(s string, at int) {
	for tok := range fields(s, isSpace) {
		core := strings.TrimFunc(tok, notWordRune)
		if core != "" {
			for part := range fields(core, isDash) {
				if n := t.formula.syllables(part); n > 0 || hasDigit(part) {
					if t.cur.Words == 0 {
						t.cur.At, t.cur.formula = at, t.formula
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

// EndBlock ends the current sentence, if one is open.
func (t *Text) EndBlock() {
	if t.cur.Words == 0 {
		return
	}
	t.words += t.cur.Words
	t.syllables += t.cur.Syllables
	t.sentences++
	if t.hardest.Words == 0 || t.cur.Grade() > t.hardest.Grade() {
		t.hardest = t.cur
	}
	t.cur = Sentence{}
}

// Stats returns the counts so far; an open sentence counts as ended.
func (t *Text) Stats() Stats {
	c := *t
	c.EndBlock()
	return Stats{Words: c.words, Sentences: c.sentences, Syllables: c.syllables,
		Grade: c.formula.grade(c.words, c.sentences, c.syllables), Formula: cmp.Or(c.formula, FleschKincaid), Hardest: c.hardest}
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
	t.Add(s, 0)
	return t.Stats()
}

// fields yields the same pieces as strings.FieldsFunc(s, sep) without making a slice
// of them: Add runs over every word of every page of a guide.
func fields(s string, sep func(rune) bool) iter.Seq[string] {
	return func(yield func(string) bool) {
		start := -1
		for i, r := range s {
			switch {
			case !sep(r):
				if start < 0 {
					start = i
				}
			case start >= 0:
				if !yield(s[start:i]) {
					return
				}
				start = -1
			}
		}
		if start >= 0 {
			yield(s[start:])
		}
	}
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

// AddBytes is Add for text held in a byte slice, which it reads without copying and
// does not keep.
func (t *Text) AddBytes(b []byte, at int) {
	if len(b) > 0 {
		t.Add(unsafe.String(&b[0], len(b)), at)
	}
}
