package front

// This file says, for the JSON Schema that editors use, which values each type's
// UnmarshalYAML accepts; package schema puts the pieces together.

// DurationPattern matches what ParseDuration reads (30s, 45 seconds, 1m, 1 min 30 s),
// in the regular-expression syntax JSON Schema uses.
const DurationPattern = `^\s*(?:[0-9]+\s*(?:[mM]|[mM][iI][nN][sS]?|[mM][iI][nN][uU][tT][eE][sS]?)(?:\s*[0-9]+\s*(?:[sS]|[sS][eE][cC][sS]?|[sS][eE][cC][oO][nN][dD][sS]?))?|[0-9]+\s*(?:[sS]|[sS][eE][cC][sS]?|[sS][eE][cC][oO][nN][dD][sS]?))\s*$`

// DatePattern matches a calendar day as Date reads it: 2026-11-25.
const DatePattern = `^[0-9]{4}-[0-9]{2}-[0-9]{2}`

// JSONSchema describes a Str: any single value, taken as text.
func (Str) JSONSchema() map[string]any {
	return map[string]any{"type": []string{"string", "number", "boolean"}}
}

// JSONSchema describes an Int: a whole number.
func (Int) JSONSchema() map[string]any { return map[string]any{"type": "integer"} }

// JSONSchema describes a Duration: a length of time such as 30s or 1m.
func (Duration) JSONSchema() map[string]any {
	return map[string]any{"type": "string", "pattern": DurationPattern}
}

// JSONSchema describes a Date: year-month-day.
func (Date) JSONSchema() map[string]any {
	return map[string]any{"type": "string", "pattern": DatePattern}
}

// Reference is one entry of a CSL-YAML or CSL-JSON file, as far as the guide reads it.
// Package bib reads these files itself, since CSL allows far more than front matter
// does; this type describes the fields for the JSON Schema, and a test of package bib
// keeps it in step with the reader.
type Reference struct {
	ID             Str      `yaml:"id" required:"true" doc:"The key pages cite the work by, such as gordon2016."`
	Type           Str      `yaml:"type" doc:"The CSL type: article-journal, book, chapter, report, webpage, ..."`
	Author         []Name   `yaml:"author" doc:"The authors, in order."`
	Editor         []Name   `yaml:"editor" doc:"The editors; used as authors when there are none."`
	Issued         CSLDate  `yaml:"issued" doc:"When the work was published."`
	Title          Str      `yaml:"title" doc:"The work's title."`
	ContainerTitle Str      `yaml:"container-title" doc:"The journal, book or website it appeared in."`
	Publisher      Str      `yaml:"publisher" doc:"Who published it."`
	Volume         Str      `yaml:"volume" doc:"The journal volume."`
	Issue          Str      `yaml:"issue" doc:"The journal issue."`
	Page           Str      `yaml:"page" doc:"The pages, such as 227-231, or the article number."`
	DOI            Str      `yaml:"DOI" doc:"The DOI, such as 10.3390/healthcare4020022."`
	URL            Str      `yaml:"URL" doc:"Where the work can be read online."`
	Accessed       CSLDate  `yaml:"accessed" doc:"When a web page was read."`
	Grade          Str      `yaml:"grade" enum:"high,moderate,low,very-low" doc:"How certain the evidence is (GRADE)."`
	GradeReason    Str      `yaml:"grade_reason" doc:"One line on why the evidence has that grade."`
	Custom         CSLExtra `yaml:"custom" doc:"CSL's place for extra fields; the guide reads grade and grade_reason from it."`
}

// CSL marks the types that describe reference files, which package bib reads rather
// than Decode: they may hold any other CSL field (the reader accepts and ignores them),
// and a group of fields is never written as a bare value.
func (Reference) CSL() {}

// Name is a person's or an organisation's name in a reference.
type Name struct {
	Family  Str `yaml:"family" doc:"The family name, such as Gordon."`
	Given   Str `yaml:"given" doc:"The given names or initials, such as Rebecca or R."`
	Literal Str `yaml:"literal" doc:"An organisation's name, such as World Health Organization."`
}

// CSL marks Name as part of a reference; it may hold particles and suffixes too.
func (Name) CSL() {}

// CSLDate is a date in a reference: 2016, "2016-02-09", or {date-parts: [[2016, 2, 9]]}.
type CSLDate struct{}

// JSONSchema describes a CSLDate: a year, a year-month-day text, or date parts.
func (CSLDate) JSONSchema() map[string]any {
	return map[string]any{"anyOf": []any{
		map[string]any{"type": "integer"},
		map[string]any{"type": "string"},
		map[string]any{"type": "object", "properties": map[string]any{
			"date-parts": map[string]any{"type": "array", "items": map[string]any{
				"type": "array", "minItems": 1, "maxItems": 3,
				"items": map[string]any{"type": []string{"integer", "string"}, "pattern": "^[0-9]+$"}}},
		}},
	}}
}

// CSLExtra is CSL's custom group of extra fields.
type CSLExtra struct {
	Grade       Str `yaml:"grade" enum:"high,moderate,low,very-low" doc:"How certain the evidence is (GRADE)."`
	GradeReason Str `yaml:"grade_reason" doc:"One line on why the evidence has that grade."`
}

// CSL marks CSLExtra as part of a reference; it may hold fields for other tools.
func (CSLExtra) CSL() {}
