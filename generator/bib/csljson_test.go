package bib

import (
	"strings"
	"testing"
)

func TestReadCSLJSON(t *testing.T) {
	runCases(t, ReadCSLJSON, []readCase{
		{
			name: "array of items, positions at the braces",
			src:  "[\n  {\"id\": \"a\", \"type\": \"book\", \"title\": \"T\"},\n    {\"id\": \"b\"}\n]\n",
			refs: []string{"key=a type=book title=T @2:3", "key=b @3:5"},
		},
		{
			name: "Zotero item",
			src: `[{"id":"http://zotero.org/users/1/items/ABC","type":"article-journal",
"title":"Effects of supplemental heat therapy in multimodal treated chronic low back pain patients on strength and flexibility",
"container-title":"Clinical Biomechanics","page":"107-113","volume":"57","source":"ScienceDirect",
"abstract":"Background","DOI":"10.1016/j.clinbiomech.2018.06.008","ISSN":"0268-0033","journalAbbreviation":"Clin Biomech",
"language":"en","author":[{"family":"Freiwald","given":"Jürgen"},{"family":"Hoppe","given":"Matthias W."}],
"issued":{"date-parts":[["2018","8","1"]]},"accessed":{"date-parts":[[2024,1,15]]}}]`,
			refs: []string{"key=http://zotero.org/users/1/items/ABC type=article-journal au=Freiwald, Jürgen|Hoppe, Matthias W. date=2018-8-1 " +
				"title=Effects of supplemental heat therapy in multimodal treated chronic low back pain patients on strength and flexibility " +
				"in=Clinical Biomechanics vol=57 pp=107–113 doi=10.1016/j.clinbiomech.2018.06.008 acc=2024-01-15 @1:2"},
		},
		{
			name: "numbers and literal names",
			src:  `[{"id": 7, "volume": 13, "author": [{"literal": "World Health Organization"}], "issued": {"date-parts": [[2019]]}}]`,
			refs: []string{"key=7 au={World Health Organization} date=2019 vol=13 @1:2"},
		},
		{
			name: "a single item",
			src:  `{"id": "a", "issued": {"raw": "2016-02-09"}}`,
			refs: []string{"key=a date=2016-2-9 @1:1"},
		},
		{
			name: "byte order mark",
			src:  "\ufeff[{\"id\": \"a\"}]",
			refs: []string{"key=a @1:3"},
		},
		{
			name: "null values are empty",
			src:  `[{"id": "a", "title": null, "author": null, "issued": null}]`,
			refs: []string{"key=a @1:2"},
		},
		{
			name:  "trailing comma",
			src:   "[\n  {\"id\": \"a\"},\n  {\"id\": \"b\",}\n]",
			refs:  []string{"key=a @2:3"},
			diags: []string{"3:14 error: the JSON cannot be read: invalid character '}' looking for beginning of object key string"},
		},
		{
			name:  "missing comma",
			src:   "[{\"id\": \"a\" \"title\": \"T\"}]",
			diags: []string{"1:13 error: the JSON cannot be read: invalid character '\"' after object key:value pair"},
		},
		{
			name:  "bad escape in a string",
			src:   `[{"id": "a\q"}]`,
			diags: []string{"1:12 error: the JSON cannot be read: invalid character 'q' in string escape code"},
		},
		{
			name:  "number with a leading zero",
			src:   `[{"id": 01}]`,
			diags: []string{"1:10 error: the JSON cannot be read: invalid character '1' after object key:value pair"},
		},
		{
			name:  "misspelt literal",
			src:   "[{\"id\": \"a\"},\n  {\"id\": tru}]",
			refs:  []string{"key=a @1:2"},
			diags: []string{"2:13 error: the JSON cannot be read: invalid character '}' in literal true (expecting 'e')"},
		},
		{
			name:  "file ends too soon",
			src:   "[{\"id\": \"a\"},\n {\"id\": \"b\"\n",
			refs:  []string{"key=a @1:2"},
			diags: []string{"2:11 error: the JSON cannot be read: the file ends before the JSON is complete"},
		},
		{
			name:  "text after the array",
			src:   "[{\"id\": \"a\"}]\n]",
			refs:  []string{"key=a @1:2"},
			diags: []string{"2:1 error: the JSON cannot be read: there is more text after the end of the JSON value"},
		},
		{
			name:  "not a list",
			src:   `"gordon2016"`,
			diags: []string{"1:1 error: references must be a list of entries, not text"},
		},
		{
			name:  "item not an object",
			src:   `["gordon2016", {"id": "b"}]`,
			refs:  []string{"key=b @1:16"},
			diags: []string{"1:2 error: a reference must be a set of fields, not text"},
		},
		{
			name:  "author as text",
			src:   "[{\"id\": \"a\",\n  \"author\": \"Gordon, R.\"}]",
			refs:  []string{"key=a @1:2"},
			diags: []string{"2:13 error: author must be a list of names, not text"},
		},
		{
			name:  "object where text goes",
			src:   "[{\"id\": \"a\", \"title\": {\"en\": \"T\"}}]",
			refs:  []string{"key=a @1:2"},
			diags: []string{"1:23 error: title must be text, not a set of fields"},
		},
		{
			name:  "unknown field",
			src:   "[{\"id\": \"a\",\n  \"contianer-title\": \"J\"}]",
			refs:  []string{"key=a @1:2"},
			diags: []string{`2:3 warning: unknown field "contianer-title"`},
			hint:  `did you mean "container-title"?`,
		},
		{
			name:  "missing id",
			src:   "[{\"title\": \"T\"},\n {\"id\": \"\"}]",
			diags: []string{"1:2 error: this reference has no id", "2:2 error: this reference has no id"},
		},
		{
			name:  "duplicate id",
			src:   "[{\"id\": \"a\"},\n {\"id\": \"a\"}]",
			refs:  []string{"key=a @1:2"},
			diags: []string{`2:2 error: reference id "a" is used twice in this file, at lines 1 and 2`},
		},
		{
			name:  "bad date-parts",
			src:   `[{"id": "a", "issued": {"date-parts": [[2016, 13]]}}]`,
			refs:  []string{"key=a @1:2"},
			diags: []string{"1:40 error: issued: month 13 is not a month from 1 to 12"},
		},
		{
			name:  "CR and CRLF line breaks",
			src:   "[\r\n{\"id\": \"a\"},\r{\"id\": \"b\",\r \"issued\": 2016}, x]",
			refs:  []string{"key=a @2:1", "key=b date=2016 @3:1"},
			diags: []string{"4:19 error: the JSON cannot be read: invalid character 'x' looking for beginning of value"},
		},
		{
			name:  "empty file",
			src:   " \n",
			diags: []string{"1:0 warning: the file holds no references"},
		},
		{
			name: "empty array",
			src:  "[]",
		},
		{
			name:  "non-ASCII text before the error counts as characters",
			src:   `[{"id": "a", "title": "Übung", }]`,
			diags: []string{"1:32 error: the JSON cannot be read: invalid character '}' looking for beginning of object key string"},
		},
	})
}

func TestReadCSLJSONDeepNesting(t *testing.T) {
	src := `[{"id": "a", "note": ` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `}]`
	refs, list := ReadCSLJSON("refs", []byte(src))
	if len(refs) != 0 || len(list) != 1 || list[0].Line != 1 || !strings.Contains(list[0].Message, "nested too deeply") {
		t.Errorf("got %d references and %v", len(refs), list)
	}
}
