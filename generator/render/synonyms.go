package render

import (
	"slices"
	"strings"
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
	words := make([]string, 0, len(syn))
	for w := range syn {
		words = append(words, w)
	}
	slices.Sort(words)
	for i := range es {
		e := &es[i]
		have := tokens(strings.Join([]string{e.Title, e.Summary, e.Also}, " "))
		for _, w := range words {
			if slices.ContainsFunc(syn[w], func(m string) bool { return usesAll(have, tokens(m)) }) && !slices.Contains(have, w) {
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
