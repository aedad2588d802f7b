package style

import (
	"strconv"

	"github.com/stretchguide/stretchguide/generator/guide"
)

// ama writes r as the AMA Manual of Style (11th edition) does:
//
//	Youngster I, Russell GH, ... Title. *JAMA*. 2014;312(17):1772-1778. doi:10...
//	Author AA. *Book Title*. Publisher; 2017.
//	Author. Page title. Site. Published March 5, 2023. Accessed March 1, 2024. https://...
//
// Up to six authors are listed, else the first three and "et al". The DOI or
// address ends the entry without a full stop.
func ama(r *guide.Reference) []guide.RefPart {
	var e entry
	if who := compactAuthors(r.Authors, 6, 3); who != "" {
		e.text(period(who) + " ")
	}
	switch kindOf(r) {
	case journal:
		e.text(period(titleOf(r)))
		if r.Container != "" {
			e.text(" ")
			e.add(r.Container, "cite")
			e.text(".")
		}
		year := ""
		if r.Year > 0 {
			year = strconv.Itoa(r.Year)
		}
		e.text(" " + year + numberedSource(r, hyphens(r.Pages)) + ".")
	case book:
		e.add(titleOf(r), "cite")
		if !e.endsWith(".?!") {
			e.text(".")
		}
		e.publisherYear(r)
	case web:
		e.text(period(titleOf(r)))
		if site := firstOf(r.Container, r.Publisher); site != "" {
			e.text(" " + period(site))
		}
		if d := longDate(r.Year, r.Month, r.Day); d != "" {
			e.text(" Published " + d + ".")
		}
		if !r.Accessed.IsZero() {
			e.text(" Accessed " + longDate(r.Accessed.Year(), int(r.Accessed.Month()), r.Accessed.Day()) + ".")
		}
	}
	e.doiOrURL(r, " ")
	return e
}
