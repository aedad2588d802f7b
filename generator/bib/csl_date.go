package bib

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/stretchguide/stretchguide/generator/diag"
)

// date reads a CSL date: 2016, "2016-02-09" or 2016-04 (as Pandoc writes them), a
// YAML date, a mapping with date-parts, raw or literal, or the year, month and day
// fields Better BibTeX's Better CSL YAML writes, alone or in a list:
// [{year: 2015, month: 2}]. ok is false after an error; y is 0 when the date gives
// no year.
func (r *cslReader) date(v *yaml.Node, field string) (y, m, d int, ok bool) {
	n := r.resolve(v)
	if n == nil || isNull(n) {
		return 0, 0, 0, true
	}
	switch n.Kind {
	case yaml.ScalarNode:
		return r.dateText(n, field)
	case yaml.SequenceNode:
		// Better CSL YAML: a list of dates, a range when there are two; the first counts.
		if len(n.Content) > 0 {
			if first := r.resolve(n.Content[0]); first != nil && first.Kind == yaml.MappingNode {
				return r.date(first, field)
			}
		}
	case yaml.MappingNode:
		ok = true
		for _, p := range r.unique(r.pairs(n)) {
			k := p.key
			switch strings.ToLower(k.Value) {
			case "date-parts":
				y, m, d, ok = r.dateParts(p.value, field)
			case "raw":
				if pv := r.resolve(p.value); pv != nil && pv.Kind == yaml.ScalarNode {
					y, m, d, ok = r.dateText(pv, field)
				} else {
					r.text(p.value, field+" raw")
				}
			case "year", "month", "day":
				if !r.datePart(p.value, field, strings.ToLower(k.Value), &y, &m, &d) {
					return 0, 0, 0, false
				}
			case "literal", "season", "circa", "iso8601":
			default:
				r.list.Warnf(r.path, k.Line, k.Column, diag.DidYouMean(k.Value, []string{"date-parts", "raw", "literal", "year", "month", "day"}, dateHint),
					"unknown date part %q", k.Value)
			}
		}
		if ok && (y != 0 || m != 0 || d != 0) {
			if err := checkDate(y, m, d); err != nil {
				r.list.Errorf(r.path, n.Line, n.Column, dateHint, "%s: %v", field, err)
				return 0, 0, 0, false
			}
		}
		return y, m, d, ok
	}
	r.list.Errorf(r.path, n.Line, n.Column, dateHint, "%s must be a date, not %s", field, kindName(n))
	return 0, 0, 0, false
}

// dateText reads a date written as text or as a bare year.
func (r *cslReader) dateText(n *yaml.Node, field string) (y, m, d int, ok bool) {
	y, m, d, err := parseISODate(n.Value)
	if err != nil {
		r.list.Errorf(r.path, n.Line, n.Column, dateHint, "%s: %v", field, err)
		return 0, 0, 0, false
	}
	return y, m, d, true
}

// dateParts reads [[2016, 2, 9]]; of a range [[2016], [2017]] the first date counts.
func (r *cslReader) dateParts(v *yaml.Node, field string) (y, m, d int, ok bool) {
	outer := r.resolve(v)
	if outer == nil || isNull(outer) {
		return 0, 0, 0, true
	}
	var inner *yaml.Node
	if outer.Kind == yaml.SequenceNode && len(outer.Content) > 0 {
		inner = r.resolve(outer.Content[0])
	}
	if inner == nil || inner.Kind != yaml.SequenceNode || len(inner.Content) == 0 || len(inner.Content) > 3 {
		at := outer
		if inner != nil {
			at = inner
		}
		r.list.Errorf(r.path, at.Line, at.Column, "write date-parts as [[year, month, day]], such as [[2016, 2, 9]]",
			"%s: date-parts must be a list holding one list of a year, month and day", field)
		return 0, 0, 0, false
	}
	var nums [3]int
	for i, p := range inner.Content {
		pn := r.resolve(p)
		var err error
		if pn != nil && pn.Kind == yaml.ScalarNode {
			nums[i], err = strconv.Atoi(strings.TrimSpace(pn.Value))
		}
		if pn == nil || pn.Kind != yaml.ScalarNode || err != nil {
			at := inner
			if pn != nil {
				at = pn
			}
			r.list.Errorf(r.path, at.Line, at.Column, "write date-parts as [[year, month, day]], such as [[2016, 2, 9]]",
				"%s: date-parts must hold whole numbers", field)
			return 0, 0, 0, false
		}
	}
	if err := checkDate(nums[0], nums[1], nums[2]); err != nil {
		r.list.Errorf(r.path, inner.Line, inner.Column, dateHint, "%s: %v", field, err)
		return 0, 0, 0, false
	}
	return nums[0], nums[1], nums[2], true
}

// datePart reads one of the year, month and day fields of a Better CSL YAML date
// into y, m or d; a month may also be a name ("feb"). It reports false after an
// error.
func (r *cslReader) datePart(v *yaml.Node, field, part string, y, m, d *int) bool {
	n := r.resolve(v)
	if n == nil || n.Kind != yaml.ScalarNode {
		at := v
		if n != nil {
			at = n
		}
		r.list.Errorf(r.path, at.Line, at.Column, "write it as a number, such as year: 2015, month: 2", "%s: %s must be a number", field, part)
		return false
	}
	num, err := strconv.Atoi(strings.TrimSpace(n.Value))
	if part == "month" && err != nil {
		num, err = monthNumber(n.Value), nil
	}
	if err != nil || num <= 0 {
		r.list.Errorf(r.path, n.Line, n.Column, "write it as a number, such as year: 2015, month: 2", "%s: %s %q is not a number", field, part, n.Value)
		return false
	}
	*map[string]*int{"year": y, "month": m, "day": d}[part] = num
	return true
}
