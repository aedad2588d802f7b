package bib

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/guide"
)

// cleanText trims s and collapses each run of white space, line breaks
// included, to one space, so that a title wrapped over lines in the source
// reads the same as one written on one line.
func cleanText(s string) string {
	if !strings.ContainsFunc(s, isCollapsible) {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, isCollapsible), " ")
}

// isCollapsible is white space other than the non-breaking space, which BibTeX
// writes as ~ on purpose.
func isCollapsible(r rune) bool { return unicode.IsSpace(r) && r != '\u00a0' }

// cleanDOI strips the resolver prefixes people paste along with a DOI.
func cleanDOI(s string) string {
	s = strings.TrimSpace(s)
	for _, p := range []string{"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi.org/", "doi:"} {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return strings.TrimSpace(s[len(p):])
		}
	}
	return s
}

// cleanPages writes a page range with an en dash, whichever of -, -- or – the
// source used: "227-231" and "227--231" both become "227–231".
func cleanPages(s string) string {
	s = strings.ReplaceAll(cleanText(s), "--", "–")
	rs := []rune(s)
	for i := 1; i+1 < len(rs); i++ {
		if rs[i] == '-' && unicode.IsDigit(rs[i-1]) && unicode.IsDigit(rs[i+1]) {
			rs[i] = '–'
		}
	}
	return string(rs)
}

// dateHint is the hint given for every date that cannot be read.
const dateHint = "write the date as 2016, 2016-02 or 2016-02-09"

// parseISODate reads "2016", "2016-02" or "2016-02-09", also with a time or an
// EDTF range after it ("2016-02-09T10:00:00Z", "2016/2017"), of which only the
// first date counts.
func parseISODate(s string) (y, m, d int, err error) {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "/Tt "); i > 0 && strings.Trim(s[:i], "0123456789-") == "" {
		s = s[:i]
	}
	parts := strings.Split(s, "-")
	if len(parts) > 3 || parts[0] == "" {
		return 0, 0, 0, fmt.Errorf("cannot read %q as a date", s)
	}
	nums := make([]int, 3)
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || strings.HasPrefix(p, "+") {
			return 0, 0, 0, fmt.Errorf("cannot read %q as a date", s)
		}
		nums[i] = n
	}
	return nums[0], nums[1], nums[2], checkDate(nums[0], nums[1], nums[2])
}

// checkDate reports whether year, month and day (month and day 0 when not
// known) name a real day.
func checkDate(y, m, d int) error {
	switch {
	case y < 1 || y > 9999:
		return fmt.Errorf("year %d is not a year between 1 and 9999", y)
	case m < 0 || m > 12:
		return fmt.Errorf("month %d is not a month from 1 to 12", m)
	case d != 0 && m == 0:
		return fmt.Errorf("the date has a day but no month")
	case d < 0 || d > 31:
		return fmt.Errorf("day %d is not a day from 1 to 31", d)
	}
	if d > 0 && time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Day() != d {
		return fmt.Errorf("%04d-%02d has no day %d", y, m, d)
	}
	return nil
}

// accessedDate turns a checked date into a guide.Date; a missing month or day
// counts as the first.
func accessedDate(y, m, d int) guide.Date {
	return guide.Date{Time: time.Date(y, time.Month(max(m, 1)), max(d, 1), 0, 0, 0, 0, time.UTC)}
}

// monthNumber reads a month as a number ("2", "02") or an English name or
// abbreviation ("feb", "Feb.", "February"); it returns 0 when it cannot.
func monthNumber(s string) int {
	s = strings.ToLower(strings.TrimSuffix(strings.TrimSpace(s), "."))
	if n, err := strconv.Atoi(s); err == nil {
		if n >= 1 && n <= 12 {
			return n
		}
		return 0
	}
	if len(s) < 3 {
		return 0
	}
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		if strings.HasPrefix(name, s) {
			return int(m)
		}
	}
	return 0
}

// cslTypes are the item types of CSL 1.0.2, for the hint on a misspelt type.
var cslTypes = []string{
	"article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
	"broadcast", "chapter", "classic", "collection", "dataset", "document", "entry",
	"entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic", "hearing",
	"interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
	"musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical",
	"personal_communication", "post", "post-weblog", "regulation", "report", "review",
	"review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage",
}

// isCSLType reports whether t is one of cslTypes.
func isCSLType(t string) bool {
	for _, c := range cslTypes {
		if c == t {
			return true
		}
	}
	return false
}

// dupes remembers the keys read from one file, to report a key used twice.
type dupes map[string]guide.Pos

// check reports whether key is new; when it is not, it adds an error at pos
// naming the line of the first use.
func (s dupes) check(list *diag.List, key string, pos guide.Pos) bool {
	if first, ok := s[key]; ok {
		list.Errorf(pos.Path, pos.Line, pos.Col, "give one of them another id, or delete the copy",
			"reference id %q is used twice in this file, at lines %d and %d", key, first.Line, pos.Line)
		return false
	}
	s[key] = pos
	return true
}

// lineIndex turns byte offsets into 1-based lines and columns; columns count
// characters, as yaml.v3 does, not bytes. Lines end at \n, \r\n or a lone \r.
type lineIndex struct {
	data   []byte
	starts []int // offset of the first byte of each line
	// chars[k] is the number of characters in data[:k*charStep], so that a
	// column costs the same however long its line is.
	chars []int
}

const charStep = 64

func newLineIndex(data []byte) lineIndex {
	x := lineIndex{data: data, starts: []int{0}, chars: make([]int, 0, len(data)/charStep+1)}
	n := 0
	for i, b := range data {
		if i%charStep == 0 {
			x.chars = append(x.chars, n)
		}
		if b&0xc0 != 0x80 { // not a UTF-8 continuation byte: a new character
			n++
		}
		if b == '\n' || b == '\r' && (i+1 == len(data) || data[i+1] != '\n') {
			x.starts = append(x.starts, i+1)
		}
	}
	return x
}

// pos returns the line and column of the byte at off.
func (x lineIndex) pos(off int) (line, col int) {
	off = min(max(off, 0), len(x.data))
	i := sort.SearchInts(x.starts, off+1) - 1
	return i + 1, x.charsBefore(off) - x.charsBefore(x.starts[i]) + 1
}

// charsBefore counts the characters in data[:off].
func (x lineIndex) charsBefore(off int) int {
	k := off / charStep
	if k >= len(x.chars) {
		k = len(x.chars) - 1
	}
	if k < 0 {
		return 0
	}
	n := x.chars[k]
	for _, b := range x.data[k*charStep : off] {
		if b&0xc0 != 0x80 {
			n++
		}
	}
	return n
}

// guard turns a panic, which would be a bug in this package, into an error
// about the file, so that one odd file cannot stop the whole build. Readers
// defer it with their named results.
func guard(path string, refs *[]*guide.Reference, list *diag.List) {
	if r := recover(); r != nil {
		*refs = nil
		list.Errorf(path, 1, 0, "please report this with the file attached", "internal error while reading the file: %v", r)
	}
}
