package readability

import (
	"strings"
	"unicode"
)

// Syllables estimates how many syllables an English word has from its spelling: each
// group of vowels is one, less a silent final e, -es or -ed, plus the vowel pairs
// that are usually said apart (radio, usually, being). It is 0 for a word without
// letters and at least 1 otherwise.
func Syllables(word string) int {
	var buf [48]byte // most words fit: no allocation
	b := buf[:0]
	for _, r := range word {
		if r = fold(unicode.ToLower(r)); r >= 'a' && r <= 'z' {
			b = append(b, byte(r))
		}
	}
	w := string(b)
	if w == "" {
		return 0
	}
	if len(w) <= 3 {
		return 1
	}
	n := 0
	prevVowel := false
	for i := range len(w) {
		v := isVowel(w, i)
		if v && !prevVowel {
			n++
		}
		prevVowel = v
	}
	last := len(w) - 1
	switch {
	case w[last] == 'e' && !isVowel(w, last-1) && !(w[last-1] == 'l' && !isVowel(w, last-2)):
		n-- // make, breathe, whole; but table, simple keep theirs
	case strings.HasSuffix(w, "es") && !isVowel(w, last-2) && !strings.ContainsRune("sxzhgc", rune(w[last-2])) &&
		!(w[last-2] == 'l' && !isVowel(w, last-3)):
		n-- // makes, times; but boxes, stretches, changes, places, muscles keep theirs
	case strings.HasSuffix(w, "ed") && !isVowel(w, last-2) && w[last-2] != 't' && w[last-2] != 'd':
		n-- // jumped, used; but lifted, needed keep theirs
	}
	for i := 1; i+1 < len(w); i++ {
		pair, before := w[i:i+2], w[i-1]
		switch {
		case pair == "ia" && !strings.ContainsRune("ct", rune(before)):
			n++ // media, trivia; not special, partial
		case pair == "io" && !strings.ContainsRune("ctxsg", rune(before)) && (i+2 == len(w) || strings.ContainsRune("dru", rune(w[i+2]))):
			n++ // radio, period, curious; not position, million, religion
		case pair == "ua" && before != 'q' && before != 'g':
			n++ // usually, gradual; not equal, language
		}
	}
	if strings.HasSuffix(w, "ing") && len(w) > 4 && isVowel(w, len(w)-4) {
		n++ // being, doing, lying
	}
	if strings.HasSuffix(w, "ea") || strings.HasSuffix(w, "ier") || strings.HasSuffix(w, "iest") {
		n++ // area, idea; easier, happiest
	}
	return max(n, 1)
}

// isVowel reports whether w[i] is a vowel sound: a, e, i, o, u, and y except at the
// start of a word (yes, you).
func isVowel(w string, i int) bool {
	if i < 0 || i >= len(w) {
		return false
	}
	switch w[i] {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	case 'y':
		return i > 0
	}
	return false
}

// fold maps accented Latin letters to their base letter (é to e), so that words such
// as "café" or "naïve" are counted like their plain spelling.
func fold(r rune) rune {
	if r < 0x80 || !unicode.IsLetter(r) {
		return r
	}
	for base, accented := range accents {
		if strings.ContainsRune(accented, r) {
			return base
		}
	}
	return r
}

var accents = map[rune]string{
	'a': "àáâãäåā", 'e': "èéêëē", 'i': "ìíîïī", 'o': "òóôõöøō", 'u': "ùúûüū", 'y': "ýÿ",
	'c': "ç", 'n': "ñ",
}
