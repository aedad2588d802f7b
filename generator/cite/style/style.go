// Package style holds the citation styles a guide can use, one small formatter each:
// author-year (APA 7), and the numbered styles clinical journals and leaflets use,
// Vancouver (NLM's Citing Medicine) and AMA (AMA Manual of Style, 11th edition).
// A style writes each reference out for the reference list, the evidence lists, the
// popovers and the PDF handouts, and gives the marker the text shows where it is
// cited.
//
// Numbered styles number the references in reference-list order: by first author,
// year and title, as the list is sorted for every style (the citation-name system).
// A reference keeps the same number on every page, and editing one page never
// renumbers the others.
package style

import (
	"strconv"

	"github.com/stretchguide/stretchguide/generator/guide"
)

// The names of the styles, as content/_index.md's citation_style gives them.
const (
	AuthorYear = "author-year"
	Vancouver  = "vancouver"
	AMA        = "ama"
)

// Names lists the styles, the default first.
var Names = []string{AuthorYear, Vancouver, AMA}

// formatter writes one reference out in a style.
type formatter func(r *guide.Reference) []guide.RefPart

var formatters = map[string]formatter{AuthorYear: apa, Vancouver: vancouver, AMA: ama}

// Known reports whether name is a style; "" counts as the default.
func Known(name string) bool {
	_, ok := formatters[name]
	return ok || name == ""
}

// Numbered reports whether the style cites by number.
func Numbered(name string) bool { return name == Vancouver || name == AMA }

// Apply sets each reference's Number, Marker and Entry in the style the site names
// (author-year when it names none). g.References must be in reference-list order,
// and for author-year their year suffixes set.
func Apply(g *guide.Guide) {
	name := g.Site.CitationStyle
	f, ok := formatters[name]
	if !ok {
		f = apa
	}
	for i, r := range g.References {
		r.Number = i + 1
		r.Marker = r.Label()
		if Numbered(name) {
			r.Marker = strconv.Itoa(r.Number)
		}
		r.Entry = f(r)
	}
}

// Entry writes r out in the named style, without changing r.
func Entry(name string, r *guide.Reference) []guide.RefPart {
	f, ok := formatters[name]
	if !ok {
		f = apa
	}
	return f(r)
}
