package bib

import (
	"fmt"
	"path"
	"testing"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/guide"
)

// TestDateFormsOfReferenceManagers reads each way Zotero, Better BibTeX and Pandoc
// write a publication date.
func TestDateFormsOfReferenceManagers(t *testing.T) {
	for _, c := range []struct {
		name, issued string
		y, m, d      int
	}{
		{"Better CSL YAML list", "[{year: 2015, month: 2}]", 2015, 2, 0},
		{"Better CSL YAML list with day", "\n  - year: 2015\n    month: 2\n    day: 9", 2015, 2, 9},
		{"Better CSL YAML range", "[{year: 2015}, {year: 2016}]", 2015, 0, 0},
		{"year and month fields", "{year: 2015, month: 2}", 2015, 2, 0},
		{"month as a name", "[{year: 2015, month: feb}]", 2015, 2, 0},
		{"Pandoc year-month", "2016-04", 2016, 4, 0},
		{"Pandoc full date", "2016-04-25", 2016, 4, 25},
		{"bare year", "2016", 2016, 0, 0},
		{"date-parts year", "{date-parts: [[2016]]}", 2016, 0, 0},
		{"date-parts year month", "{date-parts: [[2016, 4]]}", 2016, 4, 0},
		{"date-parts full", "{date-parts: [[2016, 4, 25]]}", 2016, 4, 25},
		{"date-parts as text", "{date-parts: [['2016', '4']]}", 2016, 4, 0},
		{"raw", "{raw: 2016-04}", 2016, 4, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			refs, list := ReadCSLYAML("r.yaml", []byte("- id: a\n  issued: "+c.issued+"\n"))
			if list.Errors() > 0 || len(refs) != 1 {
				t.Fatalf("%d references, problems: %v", len(refs), list)
			}
			if r := refs[0]; r.Year != c.y || r.Month != c.m || r.Day != c.d {
				t.Errorf("read %d-%d-%d, want %d-%d-%d", r.Year, r.Month, r.Day, c.y, c.m, c.d)
			}
		})
	}
	for _, bad := range []string{"[{year: 2015, month: 13}]", "{year: 2015, day: 3}", "[{year: soon}]"} {
		if _, list := ReadCSLYAML("r.yaml", []byte("- id: a\n  issued: "+bad+"\n")); list.Errors() == 0 {
			t.Errorf("issued: %s was read without an error", bad)
		}
	}
}

func TestBibTeXDateForms(t *testing.T) {
	for _, c := range []struct {
		fields  string
		y, m, d int
	}{
		{"date = {2016-04}", 2016, 4, 0},
		{"date = {2016-04-25}", 2016, 4, 25},
		{"date = {2016}", 2016, 0, 0},
		{"year = 2016, month = apr", 2016, 4, 0},
		{"year = {2016}, month = {4}", 2016, 4, 0},
		{"year = 2016", 2016, 0, 0},
	} {
		t.Run(c.fields, func(t *testing.T) {
			refs, list := ReadBibTeX("r.bib", []byte(fmt.Sprintf("@article{a, title = {T}, %s}", c.fields)))
			if list.Errors() > 0 || len(refs) != 1 {
				t.Fatalf("%d references, problems: %v", len(refs), list)
			}
			if r := refs[0]; r.Year != c.y || r.Month != c.m || r.Day != c.d {
				t.Errorf("read %d-%d-%d, want %d-%d-%d", r.Year, r.Month, r.Day, c.y, c.m, c.d)
			}
		})
	}
}

func TestArticleNumbers(t *testing.T) {
	for _, c := range []struct{ file, data string }{
		{"a.yaml", "- id: a\n  type: article-journal\n  number: '22'\n"},
		{"a.json", `[{"id": "a", "type": "article-journal", "number": 22}]`},
		{"a.bib", "@article{a, eid = {22}}"},
		{"b.bib", "@article{a, article-number = {22}}"},
	} {
		var refs []*guide.Reference
		var list diag.List
		switch path.Ext(c.file) {
		case ".yaml":
			refs, list = ReadCSLYAML(c.file, []byte(c.data))
		case ".json":
			refs, list = ReadCSLJSON(c.file, []byte(c.data))
		default:
			refs, list = ReadBibTeX(c.file, []byte(c.data))
		}
		if list.Errors() > 0 || len(refs) != 1 || refs[0].ArticleNumber != "22" || refs[0].Pages != "" {
			t.Errorf("%s: want article number 22 and no pages, got %+v", c.file, refs)
		}
	}
}
