package bib

import (
	"fmt"
	"strings"
	"testing"
)

func TestReadCSLYAML(t *testing.T) {
	runCases(t, ReadCSLYAML, []readCase{
		{
			name: "top-level list",
			src:  "- id: a\n  type: book\n  title: T\n",
			refs: []string{"key=a type=book title=T @1:3"},
		},
		{
			name: "references mapping as Pandoc writes it",
			src:  "---\nreferences:\n- id: a\n  title: One\n- id: b\n  title: Two\n...\n",
			refs: []string{"key=a title=One @3:3", "key=b title=Two @5:3"},
		},
		{
			name: "a single entry",
			src:  "id: a\ntitle: T\n",
			refs: []string{"key=a title=T @1:1"},
		},
		{
			name: "issued as a year",
			src:  "- id: a\n  issued: 2016\n",
			refs: []string{"key=a date=2016 @1:3"},
		},
		{
			name: "issued as date-parts",
			src:  "- id: a\n  issued: {date-parts: [[2016, 2, 9]]}\n",
			refs: []string{"key=a date=2016-2-9 @1:3"},
		},
		{
			name: "issued as date-parts written as text, with a range",
			src:  "- id: a\n  issued:\n    date-parts:\n    - ['2016', '2']\n    - [2017]\n",
			refs: []string{"key=a date=2016-2 @1:3"},
		},
		{
			name: "issued as a quoted ISO date",
			src:  "- id: a\n  issued: \"2016-02-09\"\n",
			refs: []string{"key=a date=2016-2-9 @1:3"},
		},
		{
			name: "issued as a YAML date",
			src:  "- id: a\n  issued: 2016-02-09\n",
			refs: []string{"key=a date=2016-2-9 @1:3"},
		},
		{
			name: "issued raw and literal",
			src:  "- id: a\n  issued: {raw: 2016-02}\n- id: b\n  issued: {literal: in press}\n",
			refs: []string{"key=a date=2016-2 @1:3", "key=b @3:3"},
		},
		{
			name: "accessed in every form",
			src: "- id: a\n  accessed: 2020-05-04\n- id: b\n  accessed: {date-parts: [[2020, 5, 4]]}\n" +
				"- id: c\n  accessed: '2020-05'\n",
			refs: []string{"key=a acc=2020-05-04 @1:3", "key=b acc=2020-05-04 @3:3", "key=c acc=2020-05-01 @5:3"},
		},
		{
			name: "every text field",
			src: "- id: a\n  title: T\n  container-title: J\n  publisher: P\n  volume: 13\n  issue: '2'\n" +
				"  page: 227-231\n  DOI: 10.1/x\n  URL: https://example.org/a\n",
			refs: []string{"key=a title=T in=J pub=P vol=13 iss=2 pp=227–231 doi=10.1/x url=https://example.org/a @1:3"},
		},
		{
			name: "titles over several lines read as one",
			src:  "- id: a\n  title: >\n    Effects of   supplemental\n    heat therapy\n",
			refs: []string{"key=a title=Effects of supplemental heat therapy @1:3"},
		},
		{
			name: "DOI prefixes are stripped",
			src: "- {id: a, DOI: 'https://doi.org/10.1/a'}\n- {id: b, DOI: 'doi:10.1/b'}\n" +
				"- {id: c, doi: 'DOI: 10.1/c'}\n- {id: d, DOI: 'https://dx.doi.org/10.1/d'}\n",
			refs: []string{"key=a doi=10.1/a @1:3", "key=b doi=10.1/b @2:3", "key=c doi=10.1/c @3:3", "key=d doi=10.1/d @4:3"},
		},
		{
			name: "authors, literal names and particles",
			src: "- id: a\n  author:\n  - {family: Gordon, given: Rebecca}\n  - literal: World Health Organization\n" +
				"  - {family: Berg, non-dropping-particle: van den, given: Jan}\n  - {given: Plato}\n",
			refs: []string{"key=a au=Gordon, Rebecca|{World Health Organization}|van den Berg, Jan|{Plato} @1:3"},
		},
		{
			name: "editors stand in for missing authors",
			src:  "- id: a\n  editor: [{family: Ed, given: E}]\n- id: b\n  author: [{family: Au}]\n  editor: [{family: Ed}]\n",
			refs: []string{"key=a au=Ed, E @1:3", "key=b au=Au @3:3"},
		},
		{
			name: "numeric id",
			src:  "- id: 12\n",
			refs: []string{"key=12 @1:3"},
		},
		{
			name: "fields the guide does not use are accepted quietly",
			src:  "- id: a\n  abstract: Long.\n  ISSN: 1234-5678\n  language: en\n  PMID: '1'\n  title-short: T\n",
			refs: []string{"key=a @1:3"},
		},
		{
			name:  "unknown field",
			src:   "- id: a\n  titel: T\n",
			refs:  []string{"key=a @1:3"},
			diags: []string{`2:3 warning: unknown field "titel"`},
			hint:  `did you mean "title"?`,
		},
		{
			name:  "unknown type",
			src:   "- id: a\n  type: article-jounal\n",
			refs:  []string{"key=a type=article-jounal @1:3"},
			diags: []string{`2:9 warning: "article-jounal" is not a CSL type`},
			hint:  `did you mean "article-journal"?`,
		},
		{
			name:  "entry without id",
			src:   "- title: No id\n- id: b\n",
			refs:  []string{"key=b @2:3"},
			diags: []string{"1:3 error: this reference has no id"},
		},
		{
			name:  "duplicate id",
			src:   "- id: a\n  title: One\n- id: a\n  title: Two\n",
			refs:  []string{"key=a title=One @1:3"},
			diags: []string{`3:3 error: reference id "a" is used twice in this file, at lines 1 and 3`},
		},
		{
			name:  "duplicate field",
			src:   "- id: a\n  title: One\n  title: Two\n",
			refs:  []string{"key=a title=One @1:3"},
			diags: []string{`3:3 error: "title" is given twice, on lines 2 and 3; keep one`},
		},
		{
			name:  "duplicate name part",
			src:   "- id: a\n  author:\n    - family: Gordon\n      family: Smith\n",
			refs:  []string{"key=a au=Gordon @1:3"},
			diags: []string{`4:7 error: "family" is given twice, on lines 3 and 4; keep one`},
		},
		{
			name:  "duplicate date part",
			src:   "- id: a\n  issued:\n    date-parts: [[2016]]\n    DATE-PARTS: [[2020]]\n",
			refs:  []string{"key=a date=2016 @1:3"},
			diags: []string{`4:5 error: "DATE-PARTS" is given twice, on lines 3 and 4; keep one`},
		},
		{
			name:  "duplicate custom field, on one line",
			src:   "- id: a\n  custom: {grade: high, grade: low}\n",
			refs:  []string{"key=a grade=high @1:3"},
			diags: []string{`2:25 error: "grade" is given twice, on line 2; keep one`},
		},
		{
			name:  "mapping where text goes",
			src:   "- id: a\n  title:\n    main: T\n",
			refs:  []string{"key=a @1:3"},
			diags: []string{"3:5 error: title must be text, not a set of fields"},
		},
		{
			name:  "author as text",
			src:   "- id: a\n  author: Gordon, R.\n",
			refs:  []string{"key=a @1:3"},
			diags: []string{"2:11 error: author must be a list of names, not text"},
		},
		{
			name:  "author item as text",
			src:   "- id: a\n  author:\n  - Gordon, R.\n  - family: Bloxham\n",
			refs:  []string{"key=a au=Bloxham @1:3"},
			diags: []string{"3:5 error: each author must be a set of name parts, not text"},
		},
		{
			name:  "empty name and unknown name part",
			src:   "- id: a\n  author:\n  - {famliy: Gordon}\n",
			refs:  []string{"key=a @1:3"},
			diags: []string{`3:6 warning: unknown name part "famliy"`, "3:5 error: this author has no name"},
			hint:  `did you mean "family"?`,
		},
		{
			name:  "issued as a list",
			src:   "- id: a\n  issued: [2016]\n",
			refs:  []string{"key=a @1:3"},
			diags: []string{"2:11 error: issued must be a date, not a list"},
		},
		{
			name: "impossible dates",
			src: "- id: a\n  issued: 2016-13-01\n- id: b\n  issued: {date-parts: [[2016, 2, 30]]}\n" +
				"- id: c\n  accessed: spring 2016\n- id: d\n  issued: {date-parts: [[2016, x]]}\n- id: e\n  issued: {date-parts: 2016}\n",
			refs: []string{"key=a @1:3", "key=b @3:3", "key=c @5:3", "key=d @7:3", "key=e @9:3"},
			diags: []string{
				"2:11 error: issued: month 13 is not a month from 1 to 12",
				"4:25 error: issued: 2016-02 has no day 30",
				`6:13 error: accessed: cannot read "spring 2016" as a date`,
				"8:32 error: issued: date-parts must hold whole numbers",
				"10:24 error: issued: date-parts must be a list holding one list of a year, month and day",
			},
		},
		{
			name:  "YAML syntax error",
			src:   "- id: a\n  title: [unclosed\n- id: b\n",
			diags: []string{"2:1 error: the YAML cannot be read: did not find expected ',' or ']'\n    2 |   title: [unclosed\n      | ^"},
		},
		{
			name:  "bad indentation",
			src:   "- id: a\n  title: T\n bad: x\n",
			diags: []string{"3:2 error: the YAML cannot be read: this key is indented 1 space, but the ones beside it are indented 2 spaces\n    3 |  bad: x\n      |  ^"},
		},
		{
			name:  "colon in a plain value",
			src:   "- id: a\n  title: Back pain: a review\n",
			diags: []string{"2:19 error: the YAML cannot be read: this text holds a colon and a space, which YAML reads as the start of another field\n    2 |   title: Back pain: a review\n      |                   ^"},
			hint:  "in quotes",
		},
		{
			name:  "tab in indentation",
			src:   "- id: a\n\ttitle: T\n",
			diags: []string{"2:1 error: the YAML cannot be read: this line is indented with a tab\n    2 | →title: T\n      | ^"},
		},
		{
			name:  "CR and CRLF line breaks",
			src:   "- id: a\r\n  title: T\r\n- id: b\r  issued: x\r",
			refs:  []string{"key=a title=T @1:3", "key=b @3:3"},
			diags: []string{`4:11 error: issued: cannot read "x" as a date`},
		},
		{
			name:  "empty file",
			src:   "",
			diags: []string{"1:0 warning: the file holds no references"},
		},
		{
			name:  "misspelt references",
			src:   "refrences:\n- id: a\n",
			diags: []string{"1:1 error: the file has no list of references"},
			hint:  `did you mean "references"?`,
		},
		{
			name:  "references not a list",
			src:   "references: gordon2016\n",
			diags: []string{"1:13 error: references must be a list of entries, not text"},
		},
		{
			name:  "entry not a mapping",
			src:   "- gordon2016\n- id: b\n",
			refs:  []string{"key=b @2:3"},
			diags: []string{"1:3 error: a reference must be a set of fields, not text"},
		},
		{
			name: "anchors, aliases and merge keys",
			src:  "- &base\n  id: a\n  container-title: &j Spine\n- <<: *base\n  id: b\n  publisher: *j\n",
			refs: []string{"key=a in=Spine @1:3", "key=b in=Spine pub=Spine @4:3"},
		},
		{
			name:  "alias to itself",
			src:   "- &a [*a]\n",
			diags: []string{"1:3 error: a reference must be a set of fields, not a list"},
		},
	})
}

// TestReadCSLYAMLAliasBomb checks that aliases cannot make the reader do
// work out of proportion to the file: each entry below brings in a list of
// a thousand names.
func TestReadCSLYAMLAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("- id: a\n  author: &names\n")
	for range 1000 {
		b.WriteString("  - {family: F, given: G}\n")
	}
	for i := range 2000 {
		fmt.Fprintf(&b, "- {id: k%d, author: *names}\n", i)
	}
	refs, list := ReadCSLYAML("refs", []byte(b.String()))
	if list.Errors() != 1 || !strings.Contains(list[0].Message, "aliases too often") {
		t.Errorf("diagnostics: %v", list)
	}
	if len(refs) != 2001 {
		t.Errorf("got %d references, want 2001", len(refs))
	}
}
