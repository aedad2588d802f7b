package style

import (
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/stretchguide/stretchguide/generator/guide"
)

// entry gathers the parts of a written-out reference.
type entry []guide.RefPart

func (e *entry) text(s string) { e.add(s, "") }

// add appends s in style, merging it into the last part when that has the same style.
func (e *entry) add(s, style string) {
	if s == "" {
		return
	}
	if n := len(*e); n > 0 && (*e)[n-1].Style == style && style != "link" {
		(*e)[n-1].Text += s
		return
	}
	*e = append(*e, guide.RefPart{Text: s, Style: style})
}

func (e *entry) link(text, href string) {
	*e = append(*e, guide.RefPart{Text: text, Style: "link", Href: href})
}

// endsWith reports whether the text so far ends with one of the characters in set.
func (e entry) endsWith(set string) bool {
	if len(e) == 0 {
		return false
	}
	t := e[len(e)-1].Text
	return t != "" && strings.ContainsAny(t[len(t)-1:], set)
}

// publisherYear ends a book as Vancouver and AMA do: " Publisher; 2017."
func (e *entry) publisherYear(r *guide.Reference) {
	if r.Publisher != "" {
		e.text(" " + r.Publisher + ";")
	}
	if r.Year > 0 {
		e.text(" " + strconv.Itoa(r.Year))
	}
	e.text(".")
}

// doiOrURL ends an entry as Vancouver and AMA do: " doi:10...", else the address
// after before (" Available from: ", or " ").
func (e *entry) doiOrURL(r *guide.Reference, before string) {
	switch {
	case r.DOI != "":
		e.text(" ")
		e.link("doi:"+r.DOI, r.DOIURL())
	case r.URL != "":
		e.text(before)
		e.link(r.URL, r.URL)
	}
}

// period is s with a full stop, unless it ends in punctuation already.
func period(s string) string {
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".?!") {
		return s
	}
	return s + "."
}

// kind sorts references into the three shapes every style writes differently.
type kind int

const (
	journal kind = iota
	web
	book
)

func kindOf(r *guide.Reference) kind {
	switch r.Type {
	case "article-journal", "article", "article-magazine", "article-newspaper", "review":
		return journal
	case "webpage", "post", "post-weblog":
		return web
	case "book", "report", "thesis", "chapter", "manuscript":
		return book
	}
	switch {
	case r.Container != "" && (r.Volume != "" || r.Issue != "" || r.Pages != "" || r.ArticleNumber != ""):
		return journal
	case r.URL != "":
		return web
	}
	return book
}

// compactName is a name as Vancouver and AMA write it: "Gordon R", "van Tulder MW";
// an organisation's name as it is.
func compactName(n guide.Name) string {
	if n.Family == "" {
		return firstOf(n.Literal, n.Given)
	}
	var in strings.Builder
	for _, w := range strings.FieldsFunc(n.Given, func(r rune) bool { return unicode.IsSpace(r) || r == '.' || r == '-' }) {
		for _, c := range w {
			if unicode.IsLetter(c) {
				in.WriteRune(unicode.ToUpper(c))
				break
			}
		}
	}
	if in.Len() == 0 {
		return n.Family
	}
	return n.Family + " " + in.String()
}

// compactAuthors lists names as Vancouver and AMA do: all of them up to max, else
// the first keep and "et al".
func compactAuthors(names []guide.Name, max, keep int) string {
	shown := names
	if len(names) > max {
		shown = names[:keep]
	}
	parts := make([]string, len(shown))
	for i, n := range shown {
		parts[i] = compactName(n)
	}
	s := strings.Join(parts, ", ")
	if len(shown) < len(names) {
		s += ", et al"
	}
	return s
}

// hyphens writes a page range with a hyphen, as Vancouver and AMA do.
func hyphens(pages string) string {
	return strings.NewReplacer("–", "-", "—", "-").Replace(pages)
}

// monthAbbr is a month as Citing Medicine abbreviates it: Jan, Feb, ...
func monthAbbr(m int) string { return time.Month(m).String()[:3] }

// longDate writes a date as AMA and APA do: "March 1, 2024", "March 2024" or "2024".
func longDate(y, m, d int) string {
	switch {
	case y == 0:
		return ""
	case m == 0:
		return strconv.Itoa(y)
	case d == 0:
		return time.Month(m).String() + " " + strconv.Itoa(y)
	}
	return time.Month(m).String() + " " + strconv.Itoa(d) + ", " + strconv.Itoa(y)
}

func firstOf(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// titleOf is r's title, or "Title not stated" when the source gives none: what a
// source leaves out is said, never made up.
func titleOf(r *guide.Reference) string {
	return firstOf(r.Title, "Title not stated")
}
