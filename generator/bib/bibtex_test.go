package bib

import (
	"strings"
	"testing"
)

func TestReadBibTeX(t *testing.T) {
	runCases(t, ReadBibTeX, []readCase{
		{
			name: "article",
			src: "@article{freiwald2018,\n  author = {Freiwald, J{\\\"u}rgen and Hoppe, Matthias W.},\n" +
				"  title = {Effects of supplemental heat therapy},\n  journal = {Clinical Biomechanics},\n" +
				"  year = {2018}, volume = {57}, pages = {107--113},\n  doi = {10.1016/j.clinbiomech.2018.06.008}\n}\n",
			refs: []string{"key=freiwald2018 type=article-journal au=Freiwald, Jürgen|Hoppe, Matthias W. date=2018 " +
				"title=Effects of supplemental heat therapy in=Clinical Biomechanics vol=57 pp=107–113 " +
				"doi=10.1016/j.clinbiomech.2018.06.008 @1:1"},
		},
		{
			name: "accents and escapes",
			src: "@misc{a, title = {{\\\"u} \\\"a \\'e \\`a \\^o \\~n \\c{c} \\c c {\\ss} \\& \\% \\$ \\# \\_ " +
				"\\'{\\i} \\v{s} {\\o} \\aa{} \\H{o} \\k{a} \\={o} \\.{z} \\r{u} \\\"{y}}}",
			refs: []string{"key=a type=document title=ü ä é à ô ñ ç ç ß & % $ # _ í š ø å ő ą ō ż ů ÿ @1:1"},
		},
		{
			name: "accents without a precomposed letter get a combining mark",
			src:  `@misc{a, title = {\"w \d{h}}}`,
			refs: []string{"key=a type=document title=w\u0308 h\u0323 @1:1"},
		},
		{
			name: "dashes, ties, quotes and braces",
			src:  "@misc{a, title = {{DNA} pages 1--2 -- a---b x~y ``quoted'' {\\textendash} \\emph{em} {\\bf bold} \\foo{bar}}}",
			refs: []string{"key=a type=document title=DNA pages 1–2 – a—b x\u00a0y “quoted” – em bold bar @1:1"},
		},
		{
			name: "quoted values with braces and quotes inside",
			src:  `@misc{a, title = "The {"}Back{"} {School}"}`,
			refs: []string{`key=a type=document title=The "Back" School @1:1`},
		},
		{
			name: "macros and concatenation",
			src: "@string{jer = {Journal of Exercise Rehabilitation}}\n@STRING(pre = \"The \")\n" +
				"@article{a, journal = JER, title = pre # \"Back\" # { } # jer, month = feb, year = 2017}\n",
			refs: []string{"key=a type=article-journal date=2017-2 title=The Back Journal of Exercise Rehabilitation " +
				"in=Journal of Exercise Rehabilitation @3:1"},
		},
		{
			name: "both author forms, organisations and particles",
			src: "@book{a, author = {Gordon, Rebecca and Saul Bloxham and {World Health Organization} and\n" +
				"  van der Berg, Jan and Ludwig van Beethoven and M{\\\"u}ller, J{\\\"o}rg and D.~E. Knuth and Plato and others}}",
			refs: []string{"key=a type=book au=Gordon, Rebecca|Bloxham, Saul|{World Health Organization}|van der Berg, Jan|" +
				"van Beethoven, Ludwig|Müller, Jörg|Knuth, D. E.|Plato @1:1"},
		},
		{
			name: "editors stand in for missing authors",
			src:  "@book{a, editor = {Ed, E.}}\n@book{b, author = {Au, A.}, editor = {Ed, E.}}",
			refs: []string{"key=a type=book au=Ed, E. @1:1", "key=b type=book au=Au, A. @2:1"},
		},
		{
			name: "entry types",
			src: "@book{a, publisher = {Human Kinetics}}\n@inproceedings{b, booktitle = {Proc. Spine}}\n" +
				"@misc{c, url = {https://example.org}}\n@misc{d}\n@online{e}\n@techreport{f, institution = {NICE}}\n",
			refs: []string{"key=a type=book pub=Human Kinetics @1:1", "key=b type=paper-conference in=Proc. Spine @2:1",
				"key=c type=webpage url=https://example.org @3:1", "key=d type=document @4:1", "key=e type=webpage @5:1",
				"key=f type=report pub=NICE @6:1"},
		},
		{
			name: "DOI, URL and urldate are read verbatim",
			src: "@online{a, url = {https://example.org/a\\_b~c--d}, urldate = {2024-01-02},\n" +
				"  doi = {https://doi.org/10.1002/(SICI)1097-4636}}\n" +
				"@misc{b, howpublished = {\\url{https://example.org/x_y}}}",
			refs: []string{"key=a type=webpage doi=10.1002/(SICI)1097-4636 url=https://example.org/a_b~c--d acc=2024-01-02 @1:1",
				"key=b type=webpage url=https://example.org/x_y @3:1"},
		},
		{
			name: "biblatex date, issue and journaltitle",
			src:  "@article{a, date = {2016-02-09}, journaltitle = {Healthcare}, issue = {2}, pages = {22-25}}",
			refs: []string{"key=a type=article-journal date=2016-2-9 in=Healthcare iss=2 pp=22–25 @1:1"},
		},
		{
			name: "comments, preamble and free text",
			src: "Free text with user@example.com in it.\n@comment{ @article{x, title={no}} }\n" +
				"@preamble{\"\\newcommand{\\noop}[1]{}\"}\n%  @article{y}\n  @article(a, title = {A (x)})\n",
			refs: []string{"key=a type=article-journal title=A (x) @5:3"},
		},
		{
			name: "fields the guide does not use are accepted quietly",
			src:  "@article{a, abstract = {Long}, keywords = {back}, issn = {1}, file = {a.pdf}, x-custom = {1}}",
			refs: []string{"key=a type=article-journal @1:1"},
		},
		{
			name:  "misspelt field",
			src:   "@article{a,\n  jounral = {Spine}}",
			refs:  []string{"key=a type=article-journal @1:1"},
			diags: []string{"2:3 warning: unknown field jounral is ignored"},
			hint:  `did you mean "journal"?`,
		},
		{
			name:  "unknown entry type",
			src:   "@artcle{a, title = {T}}",
			refs:  []string{"key=a type=document title=T @1:1"},
			diags: []string{"1:2 warning: unknown entry type @artcle; it is read as @misc"},
			hint:  `did you mean "article"?`,
		},
		{
			name:  "unclosed brace, and the next entry is still read",
			src:   "@article{a,\n  title = {Back {{pain},\n  year = 2016}\n\n@book{b, title = {Y}}\n",
			refs:  []string{"key=b type=book title=Y @5:1"},
			diags: []string{`2:11 error: unclosed "{": no matching "}" before the next entry, at line 5`},
		},
		{
			name:  "unclosed brace at the end of the file",
			src:   "@book{b, title = {Y}}\n@article{a, title = {Back {{pain}}\n",
			refs:  []string{"key=b type=book title=Y @1:1"},
			diags: []string{`2:21 error: unclosed "{": no matching "}" before the end of the file`},
		},
		{
			name:  "a stray brace that takes in the next fields",
			src:   "@article{a,\n  title = {Back {pain},\n  year = 2016\n}\n\n@book{b, title = {Y}}\n",
			refs:  []string{"key=b type=book title=Y @6:1"},
			diags: []string{`2:11 error: the { that opens title is not closed before the next entry, at line 6: the fields after it are lost`},
			hint:  "add the missing } at the end of the value",
		},
		{
			name:  "a stray brace in the last entry",
			src:   "@article{a,\n  title = {A {Second},\n  year = {2016},\n  author = {X}\n}\n",
			diags: []string{`2:11 error: the { that opens title is not closed before the end of the file: the fields after it are lost`},
		},
		{
			name:  "a } too many ends the entry early",
			src:   "@article{a,\n  title = {A {Second}}},\n  year = {2016}\n}\n",
			refs:  []string{"key=a type=article-journal title=A Second @1:1"},
			diags: []string{`2:23 error: this "}" ends the entry, but year and the fields after it follow: they are lost`},
			hint:  "remove the extra }",
		},
		{
			name:  "a } too many on one line",
			src:   "@book{a, title = {A}}, Year = 2016}\n@book{b, title = {B}}\n",
			refs:  []string{"key=a type=book title=A @1:1", "key=b type=book title=B @2:1"},
			diags: []string{`1:21 error: this "}" ends the entry, but year and the fields after it follow: they are lost`},
		},
		{
			name: "text after an entry that is not a field",
			src:  "@book{a, title = {A}}\nSee also = the notes.\n\n@book{b, title = {B}}\nNotes: none\n",
			refs: []string{"key=a type=book title=A @1:1", "key=b type=book title=B @4:1"},
		},
		{
			name:  "entry not closed before the next one",
			src:   "@article{a,\n  title = {X},\n\n@book{b, title = {Y}}\n",
			refs:  []string{"key=b type=book title=Y @4:1"},
			diags: []string{`1:1 error: the entry is not closed: "}" is missing before the next entry, at line 4`},
		},
		{
			name:  "entry not closed at the end of the file",
			src:   "@article{a,\n  title = {X}\n",
			diags: []string{`1:1 error: the entry is not closed: "}" is missing before the end of the file`},
		},
		{
			name:  "unclosed quote",
			src:   "@article{a,\n  title = \"X\n}\n@book{b}",
			refs:  []string{"key=b type=book @4:1"},
			diags: []string{`2:11 error: the quoted value has no closing " before the } at line 3`},
		},
		{
			name:  "unclosed quote before the next entry",
			src:   "@article{a,\n  title = \"X {\n@book{b}",
			refs:  []string{"key=b type=book @3:1"},
			diags: []string{`2:11 error: the quoted value has no closing " before the next entry, at line 3`},
		},
		{
			name:  "unclosed quote at the end of the file",
			src:   "@article{a, title = \"X",
			diags: []string{`1:21 error: the quoted value has no closing " before the end of the file`},
		},
		{
			name: "a comment over several lines hides the entries in it",
			src:  "@Comment{\n@article{old, title = {Old}}\n}\n@comment(jabref-meta: x;)\n@book{b}",
			refs: []string{"key=b type=book @5:1"},
		},
		{
			name: "an unclosed comment runs to the next entry",
			src:  "@comment{ not closed\n@book{b}",
			refs: []string{"key=b type=book @2:1"},
		},
		{
			name:  "unclosed preamble",
			src:   "@preamble{\"\\newcommand\"\n@book{b}",
			refs:  []string{"key=b type=book @2:1"},
			diags: []string{`1:10 error: unclosed "{": no matching "}" before the next entry, at line 2`},
		},
		{
			name: "percent comments hide entries",
			src:  "% @article{old, title = {Old}}\n@article{new}",
			refs: []string{"key=new type=article-journal @2:1"},
		},
		{
			name:  "missing key",
			src:   "@article{, title = {X}}\n@article{\n  title = {X}}\n@book{b}",
			refs:  []string{"key=b type=book @4:1"},
			diags: []string{"1:10 error: the entry has no key", "3:3 error: the entry has no key"},
		},
		{
			name:  "key with a space",
			src:   "@article{my key, title={x}}\n@book{b}",
			refs:  []string{"key=b type=book @2:1"},
			diags: []string{`1:13 error: expected a comma after the key "my"`},
		},
		{
			name:  "missing comma between fields: reported, and the rest is read",
			src:   "@article{a,\n  title = {X}\n  year = 2016}\n",
			refs:  []string{"key=a type=article-journal date=2016 title=X @1:1"},
			diags: []string{`3:3 error: expected a comma or "}" after the value of title`},
		},
		{
			name:  "missing equals sign",
			src:   "@article{a, title {X}}\n@book{b}",
			refs:  []string{"key=b type=book @2:1"},
			diags: []string{`1:19 error: expected = after the field name "title"`},
		},
		{
			name:  "missing value",
			src:   "@article{a, title = }",
			diags: []string{`1:21 error: expected a value, found '}'`},
		},
		{
			name:  "unknown macro",
			src:   "@string{spine = {Spine}}\n@article{a, journal = spien}",
			refs:  []string{"key=a type=article-journal @2:1"},
			diags: []string{`2:23 error: unknown @string name "spien"`},
			hint:  `did you mean "spine"?`,
		},
		{
			name:  "bad year and month",
			src:   "@article{a, year = {20x6}, month = {Smarch}}",
			refs:  []string{"key=a type=article-journal @1:1"},
			diags: []string{`1:20 error: year "20x6" is not a year`, `1:36 error: month "Smarch" is not a month`},
		},
		{
			name:  "bad dates",
			src:   "@article{a, date = {2016-02-30}, urldate = {yesterday}}",
			refs:  []string{"key=a type=article-journal @1:1"},
			diags: []string{"1:20 error: date: 2016-02 has no day 30", `1:44 error: urldate: cannot read "yesterday" as a date`},
		},
		{
			name:  "empty name",
			src:   "@article{a, author = {Gordon, R. and and Bloxham, S.}}",
			refs:  []string{"key=a type=article-journal au=Gordon, R.|Bloxham, S. @1:1"},
			diags: []string{"1:22 error: the author list has an empty name"},
		},
		{
			name:  "duplicate field",
			src:   "@article{a, title = {A},\n  title = {B}}",
			refs:  []string{"key=a type=article-journal title=A @1:1"},
			diags: []string{"2:3 warning: field title is given twice in this entry; the first is used"},
		},
		{
			name:  "duplicate key",
			src:   "@article{a, title = {A}}\n\n@book{a, title = {B}}",
			refs:  []string{"key=a type=article-journal title=A @1:1"},
			diags: []string{`3:1 error: reference id "a" is used twice in this file, at lines 1 and 3`},
		},
		{
			name:  "known type without a brace",
			src:   "@article a, title = {A}}",
			diags: []string{"1:10 error: expected { after @article"},
		},
		{
			name:  "entry without a type",
			src:   "@{a, title = {T}}\n@book{b}",
			refs:  []string{"key=b type=book @2:1"},
			diags: []string{"1:2 error: the entry has no type"},
		},
		{
			name:  "CR and CRLF line breaks",
			src:   "@book{a}\r\n@book{b}\r@book{c,\r title = {T}, year = {x}}",
			refs:  []string{"key=a type=book @1:1", "key=b type=book @2:1", "key=c type=book title=T @3:1"},
			diags: []string{`4:22 error: year "x" is not a year`},
		},
		{
			name: "empty file",
			src:  "",
		},
	})
}

// TestReadBibTeXMacroBomb checks that @string names defined in terms of
// themselves cannot make a value grow without bound.
func TestReadBibTeXMacroBomb(t *testing.T) {
	src := "@string{a = {xxxxxxxxxxxxxxxx}}\n" + strings.Repeat("@string{a = a # a # a # a}\n", 40) + "@misc{k, title = a}\n"
	refs, list := ReadBibTeX("refs", []byte(src))
	if len(refs) != 1 || len(refs[0].Title) > 2*maxValueLen {
		t.Fatalf("got %d references, title of %d bytes", len(refs), len(refs[0].Title))
	}
	if len(list) == 0 || list[0].Line != 8 || !strings.Contains(list[0].Message, "longer than") {
		t.Errorf("diagnostics: %v", list)
	}
}
