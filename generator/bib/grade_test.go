package bib

import "testing"

// An evidence grade may be written as a field of its own in every format, or in
// CSL's custom group; a word that is not a GRADE level is an error at its place.
func TestReadGrades(t *testing.T) {
	runCases(t, ReadCSLYAML, []readCase{
		{name: "yaml grade", src: "- id: a\n  grade: moderate\n- id: b\n  custom:\n    grade: very-low\n    other: x\n",
			refs: []string{"key=a grade=moderate @1:3", "key=b grade=very-low @3:3"}},
		{name: "yaml grade reason", src: "- id: a\n  grade: low\n  grade_reason: one small trial\n- id: b\n  custom:\n    grade: high\n    grade_reason: many trials\n",
			refs: []string{"key=a grade=low why=one small trial @1:3", "key=b grade=high why=many trials @4:3"}},
		{name: "yaml unknown grade", src: "- id: a\n  grade: very low\n",
			refs:  []string{"key=a @1:3"},
			diags: []string{`2:10 error: "very low" is not an evidence grade`}, hint: `did you mean "very-low"?`},
		{name: "yaml grade as a list", src: "- id: a\n  grade: [low]\n",
			refs:  []string{"key=a @1:3"},
			diags: []string{"2:10 error: grade must be text, not a list"}},
	})
	runCases(t, ReadCSLJSON, []readCase{
		{name: "json grade", src: `[{"id": "a", "grade": "high"}, {"id": "b", "custom": {"grade": "low"}}]`,
			refs: []string{"key=a grade=high @1:2", "key=b grade=low @1:32"}},
		{name: "json grade reason", src: `[{"id": "a", "grade": "low", "grade_reason": "few people"}, {"id": "b", "custom": {"grade_reason": "old"}}]`,
			refs: []string{"key=a grade=low why=few people @1:2", "key=b why=old @1:61"}},
		{name: "json unknown grade", src: "[{\"id\": \"a\",\n  \"custom\": {\"grade\": \"strong\"}}]",
			refs:  []string{"key=a @1:2"},
			diags: []string{`2:23 error: "strong" is not an evidence grade`}, hint: "high, moderate, low or very-low"},
	})
	runCases(t, ReadBibTeX, []readCase{
		{name: "bibtex grade", src: "@article{a,\n  title = {T},\n  grade = {moderate}\n}\n",
			refs: []string{"key=a type=article-journal title=T grade=moderate @1:1"}},
		{name: "bibtex grade reason", src: "@article{a,\n  title = {T},\n  grade = {low},\n  grade_reason = {one small trial}\n}\n",
			refs: []string{"key=a type=article-journal title=T grade=low why=one small trial @1:1"}},
		{name: "bibtex unknown grade", src: "@article{a,\n  title = {T},\n  grade = {moderat}\n}\n",
			refs:  []string{"key=a type=article-journal title=T @1:1"},
			diags: []string{`3:11 error: "moderat" is not an evidence grade`}, hint: `did you mean "moderate"?`},
	})
}
