package render

import (
	"slices"
	"strings"

	"github.com/stretchguide/stretchguide/generator/words"
)

// addSynonyms gives each search entry the everyday words whose meanings its title,
// summary or other names use: with {sciatica: [hamstrings]}, a page with the word
// hamstrings in its title is also found by sciatica. Only those count, not the
// whole text, so that the word finds what is about it. A meaning of several words
// needs them all; a word of the page counts when it starts with the meaning's word
// (hamstring finds hamstrings).
func addSynonyms(es []SearchEntry, syn map[string][]string) {
	if len(syn) == 0 {
		return
	}
	known := make([]string, 0, len(syn))
	for w := range syn {
		known = append(known, w)
	}
	slices.Sort(known)
	for i := range es {
		e := &es[i]
		have := words.Tokens(strings.Join([]string{e.Title, e.Summary, e.Also}, " "))
		for _, w := range known {
			if slices.ContainsFunc(syn[w], func(m string) bool { return usesAll(have, words.Tokens(m)) }) && !slices.Contains(have, w) {
				e.Also = strings.TrimPrefix(e.Also+", "+w, ", ")
			}
		}
	}
}

// usesAll reports whether every word of want starts a word of have.
func usesAll(have, want []string) bool {
	if len(want) == 0 {
		return false
	}
	for _, w := range want {
		if !slices.ContainsFunc(have, func(h string) bool { return strings.HasPrefix(h, w) }) {
			return false
		}
	}
	return true
}
