package style

import (
	"strconv"
	"time"

	"github.com/stretchguide/stretchguide/generator/guide"
)

// apa writes r as APA 7 does (the author-year style):
//
//	Gordon, R., & Bloxham, S. (2016). Title. *Healthcare*, *4*(2), Article 22. https://doi.org/...
//	Author. (2017). *Book title*. Publisher.
//	Author. (2023, March 5). *Page title*. Site. Web article. https://...
//
// Unlike APA, a work without an author still starts with the author's place, which
// says "Author not stated": the guide says what a source leaves out.
func apa(r *guide.Reference) []guide.RefPart {
	var e entry
	k := kindOf(r)
	date := r.YearText()
	if k == web && r.Year > 0 && r.Month > 0 {
		date += ", " + time.Month(r.Month).String()
		if r.Day > 0 {
			date += " " + strconv.Itoa(r.Day)
		}
	}
	// What the source does not give is said, never made up: "Author not stated",
	// "Title not stated", and for a web article "Publisher not stated".
	if who := r.AuthorsText(); who != "" {
		e.text(period(who) + " (" + date + "). ")
	} else {
		e.text("Author not stated (" + date + "). ")
	}
	switch {
	case r.Title == "":
		e.text(titleOf(r) + ".")
	case k == journal:
		e.text(period(r.Title))
	default:
		e.add(r.Title, "cite")
		if !e.endsWith(".?!") {
			e.text(".")
		}
	}
	switch k {
	case journal:
		apaSource(&e, r)
	case book:
		if r.Publisher != "" && r.Publisher != r.AuthorsText() {
			e.text(" " + period(r.Publisher))
		}
	case web:
		if site := firstOf(r.Container, r.Publisher); site == "" {
			e.text(" Publisher not stated.")
		} else if site != r.AuthorsText() {
			e.text(" " + period(site))
		}
	}
	if r.Web() {
		e.text(" Web article.")
	}
	if u := r.Link(); u != "" {
		e.text(" ")
		e.link(u, u)
	}
	return e
}

// apaSource writes a journal, its volume and issue, and the pages or article number:
// " *Healthcare*, *4*(2), Article 22."
func apaSource(e *entry, r *guide.Reference) {
	if r.Container == "" {
		return
	}
	e.text(" ")
	e.add(r.Container, "cite")
	if r.Volume != "" {
		e.text(", ")
		e.add(r.Volume, "i")
	}
	if r.Issue != "" {
		if r.Volume == "" {
			e.text(", ")
		}
		e.text("(" + r.Issue + ")")
	}
	switch {
	case r.ArticleNumber != "":
		e.text(", Article " + r.ArticleNumber)
	case r.Pages != "":
		e.text(", " + r.Pages)
	}
	e.text(".")
}
