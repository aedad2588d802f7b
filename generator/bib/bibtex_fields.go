package bib

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/guide"
)

// bibTypes maps BibTeX and biblatex entry types to CSL types; "" means misc,
// which is a webpage when it has a URL and a document otherwise.
var bibTypes = map[string]string{
	"article": "article-journal", "book": "book", "booklet": "pamphlet",
	"inproceedings": "paper-conference", "conference": "paper-conference",
	"proceedings": "book", "incollection": "chapter", "inbook": "chapter",
	"misc": "", "online": "webpage", "electronic": "webpage", "www": "webpage",
	"techreport": "report", "report": "report", "manual": "book",
	"phdthesis": "thesis", "mastersthesis": "thesis", "thesis": "thesis",
	"unpublished": "manuscript", "dataset": "dataset", "software": "software",
	"patent": "patent", "periodical": "periodical",
}

// bibRead are the fields read, for hints on misspelt ones.
var bibRead = []string{"author", "editor", "title", "subtitle", "journal", "journaltitle", "booktitle",
	"publisher", "institution", "organization", "school", "year", "date", "month", "volume",
	"number", "issue", "pages", "doi", "url", "urldate", "howpublished", "grade", "grade_reason"}

// bibIgnored are fields reference managers write that the guide does not use.
var bibIgnored = strings.Fields(`abstract address annote annotation archiveprefix bdsk-url-1
	chapter copyright crossref day edition eissn eprint eprintclass eprinttype file groups isbn issn
	key keywords langid language lccn location mendeley-groups mendeley-tags note owner pmcid pmid
	primaryclass series shorttitle timestamp type version`)

// reference interprets an entry's fields, reporting values it cannot read.
func (p *bibParser) reference(e *bibEntry) *guide.Reference {
	ref := &guide.Reference{Key: e.key, Pos: p.position(e.off)}
	typ, known := bibTypes[e.typ]
	if !known {
		names := make([]string, 0, len(bibTypes))
		for n := range bibTypes {
			names = append(names, n)
		}
		sort.Strings(names)
		p.warnf(e.off+1, diag.DidYouMean(e.typ, names, "use @article, @book, @inproceedings, @online or @misc"),
			"unknown entry type @%s; it is read as @misc", e.typ)
	}
	f := map[string]bibField{}
	for _, fd := range e.fields {
		if _, dup := f[fd.name]; dup {
			p.warnf(fd.nameOff, "delete one of them", "field %s is given twice in this entry; the first is used", fd.name)
			continue
		}
		f[fd.name] = fd
		if !contains(bibRead, fd.name) && !contains(bibIgnored, fd.name) {
			if s := diag.Suggest(fd.name, bibRead); s != "" {
				p.warnf(fd.nameOff, diag.DidYouMean(fd.name, bibRead, ""), "unknown field %s is ignored", fd.name)
			}
		}
	}
	text := func(name string) string {
		if fd, ok := f[name]; ok {
			return latexToText(fd.raw)
		}
		return ""
	}
	ref.Title = text("title")
	if sub := text("subtitle"); sub != "" {
		ref.Title += ": " + sub
	}
	ref.Container = firstOf(text("journal"), text("journaltitle"), text("booktitle"))
	ref.Publisher = firstOf(text("publisher"), text("institution"), text("organization"), text("school"))
	ref.Volume = text("volume")
	ref.Issue = firstOf(text("number"), text("issue"))
	ref.Pages = cleanPages(text("pages"))
	if fd, ok := f["doi"]; ok {
		ref.DOI = cleanDOI(latexVerbatim(fd.raw))
	}
	if fd, ok := f["url"]; ok {
		ref.URL = latexVerbatim(fd.raw)
	} else if fd, ok := f["howpublished"]; ok {
		if m := urlCommand.FindStringSubmatch(fd.raw); m != nil {
			ref.URL = latexVerbatim(m[1])
		}
	}
	if fd, ok := f["author"]; ok {
		ref.Authors = p.names(fd)
	}
	if fd, ok := f["editor"]; ok && len(ref.Authors) == 0 {
		ref.Authors = p.names(fd)
	}
	if fd, ok := f["grade"]; ok {
		if g := guide.Grade(latexToText(fd.raw)); g.Valid() {
			ref.Grade = g
		} else {
			p.errorf(fd.valueOff, diag.DidYouMean(string(g), guide.Grades, gradeHint), "%q is not an evidence grade", string(g))
		}
	}
	ref.GradeReason = text("grade_reason")
	p.dates(ref, f)
	if ref.Year == 0 {
		ref.Month, ref.Day = 0, 0
	}
	ref.Type = typ
	if !known || typ == "" {
		ref.Type = "document"
		if ref.URL != "" {
			ref.Type = "webpage"
		}
	}
	return ref
}

var urlCommand = regexp.MustCompile(`\\url\{([^{}]*)\}`)

// dates reads year, month, biblatex's date and urldate.
func (p *bibParser) dates(ref *guide.Reference, f map[string]bibField) {
	if fd, ok := f["date"]; ok {
		if y, m, d, err := parseISODate(latexToText(fd.raw)); err != nil {
			p.errorf(fd.valueOff, dateHint, "date: %v", err)
		} else {
			ref.Year, ref.Month, ref.Day = y, m, d
		}
	}
	if fd, ok := f["year"]; ok {
		s := latexToText(fd.raw)
		y, err := strconv.Atoi(s)
		if err == nil {
			err = checkDate(y, 0, 0)
		}
		if err != nil {
			p.errorf(fd.valueOff, "write the year as four digits, such as 2016; leave it out when there is none", "year %q is not a year", s)
		} else if y != ref.Year {
			ref.Year, ref.Month, ref.Day = y, 0, 0
		}
	}
	if fd, ok := f["month"]; ok {
		s := latexToText(fd.raw)
		if m := monthNumber(s); m == 0 {
			p.errorf(fd.valueOff, "write the month as a number from 1 to 12, or as jan, feb, ...", "month %q is not a month", s)
		} else if m != ref.Month {
			ref.Month, ref.Day = m, 0
		}
	}
	if fd, ok := f["urldate"]; ok {
		if y, m, d, err := parseISODate(latexToText(fd.raw)); err != nil {
			p.errorf(fd.valueOff, dateHint, "urldate: %v", err)
		} else {
			ref.Accessed = accessedDate(y, m, d)
		}
	}
}

// names reads an author or editor list: names joined by "and", each written
// "Family, Given", "Given Family" or, for an organisation, {Name in Braces}.
func (p *bibParser) names(fd bibField) []guide.Name {
	var groups [][]string
	var cur []string
	for _, w := range splitTopLevel(fd.raw, isSpace) {
		switch {
		case w == "":
		case strings.EqualFold(w, "and"):
			groups, cur = append(groups, cur), nil
		default:
			cur = append(cur, w)
		}
	}
	groups = append(groups, cur)
	var out []guide.Name
	for _, g := range groups {
		raw := strings.Join(g, " ")
		if raw == "others" {
			continue
		}
		name := parseName(raw)
		if name == (guide.Name{}) {
			p.errorf(fd.valueOff, "separate names with a single \"and\"", "the %s list has an empty name", fd.name)
			continue
		}
		out = append(out, name)
	}
	return out
}

// parseName reads one BibTeX name.
func parseName(raw string) guide.Name {
	if end, ok := braceEnd(raw, 0); ok && end == len(raw)-1 {
		return guide.Name{Literal: nameText(raw[1:end])}
	}
	if parts := splitTopLevel(raw, isComma); len(parts) > 1 {
		// "von Last, First" or "von Last, Jr, First"
		return guide.Name{Family: nameText(parts[0]), Given: nameText(parts[len(parts)-1])}
	}
	var words []string
	for _, w := range splitTopLevel(raw, isTie) {
		if w != "" {
			words = append(words, w)
		}
	}
	switch len(words) {
	case 0:
		return guide.Name{}
	case 1:
		return guide.Name{Family: nameText(words[0])}
	}
	// The family name starts at the first lower-case word ("van", "de"),
	// or is the last word when there is none.
	last := len(words) - 1
	for i, w := range words[:last] {
		if i > 0 && w != "" && w[0] >= 'a' && w[0] <= 'z' {
			last = i
			break
		}
	}
	return guide.Name{Family: nameText(strings.Join(words[last:], " ")), Given: nameText(strings.Join(words[:last], " "))}
}

// nameText converts a name part; ties become plain spaces.
func nameText(s string) string {
	return cleanText(strings.ReplaceAll(latexToText(s), "\u00a0", " "))
}

// splitTopLevel splits s at separators outside braces; sep reports the
// length of a separator starting at i, or 0.
func splitTopLevel(s string, sep func(s string, i int) int) []string {
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
			continue
		case '}':
			depth--
			continue
		}
		if depth == 0 {
			if n := sep(s, i); n > 0 {
				parts = append(parts, s[start:i])
				start = i + n
				i += n - 1
			}
		}
	}
	return append(parts, s[start:])
}

func isSpace(s string, i int) int {
	if isSpaceByte(s[i]) {
		return 1
	}
	return 0
}

func isComma(s string, i int) int {
	if s[i] == ',' {
		return 1
	}
	return 0
}

// isTie matches white space and ~, which separate the words of a name.
func isTie(s string, i int) int {
	if isSpaceByte(s[i]) || s[i] == '~' {
		return 1
	}
	return 0
}

// braceEnd returns the offset of the } that closes the { at s[open].
func braceEnd(s string, open int) (int, bool) {
	if open >= len(s) || s[open] != '{' {
		return 0, false
	}
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i, true
			}
		}
	}
	return 0, false
}

func firstOf(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
