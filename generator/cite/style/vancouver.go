package style

import (
	"strconv"
	"strings"

	"github.com/stretchguide/stretchguide/generator/guide"
)

// vancouver writes r as NLM's Citing Medicine (2nd edition) does:
//
//	Halpern SD, Ubel PA, Caplan AL. Title. N Engl J Med. 2002 Jul 25;347(4):284-7.
//	Hayden JA, et al. Title. Cochrane Database Syst Rev. 2021;(9):CD009790. doi:10...
//	Author AA. Book title. Publisher; 2017.
//	Author. Page title [Internet]. Site; 2023 [cited 2024 Mar 1]. Available from: https://...
//
// Up to six authors are listed, else the first six and "et al".
func vancouver(r *guide.Reference) []guide.RefPart {
	var e entry
	if who := compactAuthors(r.Authors, 6, 6); who != "" {
		e.text(period(who) + " ")
	}
	k := kindOf(r)
	switch k {
	case journal:
		e.text(period(titleOf(r)))
		if r.Container != "" {
			e.text(" " + period(r.Container))
		}
		e.text(" " + nlmDate(r.Year, r.Month, r.Day) + numberedSource(r, elide(hyphens(r.Pages))) + ".")
	case book:
		e.text(period(titleOf(r)))
		e.publisherYear(r)
	case web:
		e.text(strings.TrimRight(titleOf(r), ".") + " [Internet].")
		var when []string
		if d := nlmDate(r.Year, r.Month, r.Day); d != "" {
			when = append(when, d)
		}
		if !r.Accessed.IsZero() {
			when = append(when, "[cited "+nlmDate(r.Accessed.Year(), int(r.Accessed.Month()), r.Accessed.Day())+"]")
		}
		site := firstOf(r.Publisher, r.Container)
		switch {
		case site != "" && len(when) > 0:
			e.text(" " + site + "; " + strings.Join(when, " ") + ".")
		case site != "":
			e.text(" " + period(site))
		case len(when) > 0:
			e.text(" " + strings.Join(when, " ") + ".")
		}
	}
	e.doiOrURL(r, " Available from: ")
	return e
}

// nlmDate is "2002 Jul 25", "2002 Jul" or "2002", or "" without a year.
func nlmDate(y, m, d int) string {
	if y <= 0 {
		return ""
	}
	s := strconv.Itoa(y)
	if m > 0 {
		s += " " + monthAbbr(m)
		if d > 0 {
			s += " " + strconv.Itoa(d)
		}
	}
	return s
}

// numberedSource is the part after the date in Vancouver and AMA:
// ";347(4):284-7", ";(9):CD009790" (an issue without a volume), ";4(2):22" (an
// article number).
func numberedSource(r *guide.Reference, pages string) string {
	var s string
	if r.Volume != "" || r.Issue != "" {
		s = ";" + r.Volume
		if r.Issue != "" {
			s += "(" + r.Issue + ")"
		}
	}
	if where := firstOf(r.ArticleNumber, pages); where != "" {
		s += ":" + where
	}
	return s
}

// elide shortens a page range as Citing Medicine does: 284-287 -> 284-7,
// 109-119 -> 109-19.
func elide(pages string) string {
	from, to, ok := strings.Cut(pages, "-")
	if !ok || len(from) != len(to) || !digits(from) || !digits(to) {
		return pages
	}
	i := 0
	for i < len(to)-1 && from[i] == to[i] {
		i++
	}
	return from + "-" + to[i:]
}

func digits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}
