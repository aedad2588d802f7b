// Package check finds what is wrong with a linked guide beyond what linking finds:
// pages above the reading grade, TODOs left in, reviews coming due, clinical pages
// without a reviewer, studies without an evidence grade, and the safety rule on the
// rendered pages. It only reads the guide and adds problems.
package check

import (
	"fmt"
	"io"
	"sort"
	"strconv"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/link"
)

// Content gives the problems of the content that a build reports too, found in the
// linked guide: pages that read above the site's grade, at their hardest sentence,
// TODOs left in the text, and evidence grades no page explains (grades.go).
func Content(ln *link.Linked) diag.List {
	var list diag.List
	limit := ln.Guide.Site.ReadabilityGrade
	for _, p := range ln.Order {
		d := ln.Docs[p]
		list.Append(d.Todos)
		if !overLimit(p, limit) {
			continue
		}
		st := d.ReadingIn(ln.Guide.Site.Language)
		line, col := d.TextPosition(st.Hardest.At)
		list.Warnf(d.Display, line, col,
			"the hardest sentence starts here (grade "+grade(st.Hardest.Grade())+"): split long sentences and use shorter, everyday words",
			"the page reads at school grade %s, above the guide's limit of %d", grade(st.Grade), limit)
	}
	list.Append(gradesExplained(ln))
	return list
}

// overLimit reports whether page p reads above the site's grade limit.
func overLimit(p *guide.Page, limit int) bool {
	return p.Reading.Reliable() && p.Reading.Grade > float64(limit)
}

// grade writes a reading grade with one decimal, as the formula's precision merits;
// very simple text, which the formula puts below 0, is grade 0.
func grade(g float64) string { return strconv.FormatFloat(max(g, 0), 'f', 1, 64) }

// ReadingInfo gives each page's reading grade as an info line, except for pages
// Content warns about.
func ReadingInfo(ln *link.Linked) diag.List {
	var list diag.List
	limit := ln.Guide.Site.ReadabilityGrade
	for p, d := range ln.Docs {
		if p.Reading.Words > 0 && !overLimit(p, limit) {
			list.Infof(d.Display, 0, 0, "reads at school grade %s (%d words)", grade(p.Reading.Grade), p.Reading.Words)
		}
	}
	return list
}

// LogReading writes each page's reading grade, hardest first, for build --verbose.
func LogReading(w io.Writer, ln *link.Linked) {
	type row struct {
		path string
		r    guide.Reading
	}
	var rows []row
	for p, d := range ln.Docs {
		rows = append(rows, row{d.Display, p.Reading})
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].r.Grade != rows[j].r.Grade {
			return rows[i].r.Grade > rows[j].r.Grade
		}
		return rows[i].path < rows[j].path
	})
	fmt.Fprintf(w, "reading grade (limit %d):\n", ln.Guide.Site.ReadabilityGrade)
	for _, r := range rows {
		fmt.Fprintf(w, "  %5s  %5d words  %s\n", grade(r.r.Grade), r.r.Words, r.path)
	}
}
