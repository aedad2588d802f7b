// Package words splits text into the words the search index holds: lowercase runs
// of letters and digits, each once, without short and common words. Load lists a
// body's words once; render lists them again with each page's title and summary.
package words

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// List lists the words of texts, lowercase and each once in order of first use,
// separated by spaces, leaving out short and common words and the words of known.
// Listing a list again with the same known words gives it back, so a body's words
// may be listed once, when it is loaded, and again with its page's title, summary
// and other words for the index: List(known, List("", text)) is List(known, text).
// It walks the words in place rather than listing them first.
func List(known string, texts ...string) string {
	seen := make(map[string]bool, 64)
	each(known, func(w string) { seen[w] = true })
	var out strings.Builder
	for _, t := range texts {
		each(t, func(w string) {
			if !seen[w] && !stopWords[w] && utf8.RuneCountInString(w) > 2 {
				seen[w] = true
				if out.Len() > 0 {
					out.WriteByte(' ')
				}
				out.WriteString(w)
			}
		})
	}
	return out.String()
}

// Tokens splits s into lowercase words of letters and digits; "child's" gives
// "childs".
func Tokens(s string) []string {
	out := []string{}
	each(s, func(w string) { out = append(out, w) })
	return out
}

// each calls fn with each word Tokens would list, in order.
func each(s string, fn func(string)) {
	s = strings.ToLower(s)
	if strings.ContainsAny(s, "'’") {
		s = apostrophes.Replace(s)
	}
	start := -1 // of the word being read
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			fn(s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		fn(s[start:])
	}
}

// apostrophes are dropped from words: "child's" and "child’s" give "childs".
var apostrophes = strings.NewReplacer("'", "", "’", "")

// stopWords are common words nobody searches a stretching guide by.
var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`about after again all also and any are because been before being both but
		can cannot could did does doing for from had has have having her here him his how into its just might
		more most much must not now off only other our out over own she should some such than that the their them
		then there these they this those through too under until upon very was were what when where which while
		who why will with would you your yours yourself`) {
		stopWords[w] = true
	}
}
