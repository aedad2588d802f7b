package bib

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/guide"
)

// readCase is one table test of a reader: the references it should return,
// each written by describe, and its diagnostics, each as
// "line:col severity: message".
type readCase struct {
	name  string
	src   string
	refs  []string
	diags []string
	hint  string // when set, some diagnostic's hint must contain it
}

// runCases runs cases against read.
func runCases(t *testing.T, read func(string, []byte) ([]*guide.Reference, diag.List), cases []readCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			refs, list := read("refs", []byte(c.src))
			var got []string
			for _, r := range refs {
				got = append(got, describe(r))
			}
			if !reflect.DeepEqual(got, c.refs) {
				t.Errorf("references:\n got %q\nwant %q", got, c.refs)
			}
			var diags, hints []string
			for _, d := range list {
				if d.Path != "refs" {
					t.Errorf("diagnostic path %q, want %q", d.Path, "refs")
				}
				diags = append(diags, fmt.Sprintf("%d:%d %s: %s", d.Line, d.Col, d.Severity, d.Message))
				hints = append(hints, d.Hint)
			}
			if !reflect.DeepEqual(diags, c.diags) {
				t.Errorf("diagnostics:\n got %q\nwant %q", diags, c.diags)
			}
			if c.hint != "" && !strings.Contains(strings.Join(hints, "\n"), c.hint) {
				t.Errorf("no hint contains %q; hints: %q", c.hint, hints)
			}
		})
	}
}

// describe writes the fields a reference has, in a fixed order, ending with
// its position: "key=a type=book au=Gordon, R|{WHO} date=2016-2 title=T @1:3".
func describe(r *guide.Reference) string {
	var parts []string
	add := func(name, v string) {
		if v != "" {
			parts = append(parts, name+"="+v)
		}
	}
	add("key", r.Key)
	add("type", r.Type)
	var names []string
	for _, n := range r.Authors {
		switch {
		case n.Literal != "":
			names = append(names, "{"+n.Literal+"}")
		case n.Given != "":
			names = append(names, n.Family+", "+n.Given)
		default:
			names = append(names, n.Family)
		}
	}
	add("au", strings.Join(names, "|"))
	if r.Year != 0 || r.Month != 0 || r.Day != 0 {
		date := fmt.Sprint(r.Year)
		if r.Month != 0 {
			date += fmt.Sprint("-", r.Month)
		}
		if r.Day != 0 {
			date += fmt.Sprint("-", r.Day)
		}
		add("date", date)
	}
	add("title", r.Title)
	add("in", r.Container)
	add("pub", r.Publisher)
	add("vol", r.Volume)
	add("iss", r.Issue)
	add("pp", r.Pages)
	add("doi", r.DOI)
	add("url", r.URL)
	add("acc", r.Accessed.ISO())
	add("grade", string(r.Grade))
	add("why", r.GradeReason)
	parts = append(parts, fmt.Sprintf("@%d:%d", r.Pos.Line, r.Pos.Col))
	return strings.Join(parts, " ")
}
