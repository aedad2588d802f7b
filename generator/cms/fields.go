package cms

import (
	"reflect"
	"strings"

	"github.com/stretchguide/stretchguide/generator/front"
)

// Field is one field of the Decap CMS configuration, as its YAML reads.
type Field struct {
	Label     string   `yaml:"label"`
	Name      string   `yaml:"name"`
	Widget    string   `yaml:"widget"`
	Required  bool     `yaml:"required"`
	Hint      string   `yaml:"hint,omitempty"`
	Options   []Option `yaml:"options,omitempty"`
	Multiple  bool     `yaml:"multiple,omitempty"`
	Pattern   []string `yaml:"pattern,omitempty,flow"`
	Min       *int     `yaml:"min,omitempty"`
	Max       *int     `yaml:"max,omitempty"`
	ValueType string   `yaml:"value_type,omitempty"`
	Format    string   `yaml:"format,omitempty"`
	DateFmt   string   `yaml:"date_format,omitempty"`
	TimeFmt   *bool    `yaml:"time_format,omitempty"`
	Field     *Field   `yaml:"field,omitempty"`
	Fields    []Field  `yaml:"fields,omitempty"`
	Collapsed *bool    `yaml:"collapsed,omitempty"`
	Summary   string   `yaml:"summary,omitempty"`
	Default   any      `yaml:"default,omitempty"`
}

// Option is one choice of a select widget.
type Option struct {
	Label string `yaml:"label"`
	Value string `yaml:"value"`
}

// choices are the values a field may take that come from the guide, not from the
// type: area ids, warning-sign ids, stretch slugs and reference keys, by field path.
type choices map[string][]Option

var (
	strType      = reflect.TypeFor[front.Str]()
	intType      = reflect.TypeFor[front.Int]()
	durationType = reflect.TypeFor[front.Duration]()
	dateType     = reflect.TypeFor[front.Date]()
	cslDateType  = reflect.TypeFor[front.CSLDate]()
)

// fields turns the front-matter fields of struct type t into CMS fields: the same
// names, required flags, allowed words, ranges and docs (as hints) as the JSON
// Schemas. path names t's fields for the choices from the guide.
func fields(t reflect.Type, path string, from choices) []Field {
	var out []Field
	for _, f := range front.Fields(t) {
		out = append(out, field(f, join(path, f.Name), from))
	}
	return out
}

func field(f front.Field, path string, from choices) Field {
	c := Field{Label: label(f.Name), Name: f.Name, Required: f.Required, Hint: f.Doc}
	typ := f.Type
	list := typ.Kind() == reflect.Slice
	if list {
		typ = typ.Elem()
	}
	switch {
	case from[path] != nil:
		c.Widget, c.Options, c.Multiple = "select", from[path], list
		return c
	case f.Enum != nil:
		c.Widget = "select"
		for _, e := range f.Enum {
			c.Options = append(c.Options, Option{Label: e, Value: e})
		}
	case typ == strType && (f.Name == "image"):
		c.Widget = "image"
	case typ == strType && (f.Name == "action" || f.Name == "summary" || f.Name == "image_alt"):
		c.Widget = "text"
	case typ == strType, typ == cslDateType:
		c.Widget = "string"
	case typ == intType:
		c.Widget, c.ValueType = "number", "int"
		c.Min, c.Max = bound(f.Min), bound(f.Max)
	case typ == durationType:
		c.Widget = "string"
		c.Pattern = []string{front.DurationPattern, "a length of time, such as 30s or 1m"}
	case typ == dateType:
		no := false
		c.Widget, c.Format, c.DateFmt, c.TimeFmt = "datetime", "YYYY-MM-DD", "YYYY-MM-DD", &no
	case typ.Kind() == reflect.Struct:
		c.Widget, c.Fields = "object", fields(typ, path, from)
	}
	if list {
		item := c
		item.Label, item.Name, item.Hint, item.Required = c.Label, c.Name, "", false
		c = Field{Label: c.Label, Name: c.Name, Widget: "list", Required: f.Required, Hint: f.Doc}
		if item.Widget == "object" {
			c.Fields = item.Fields
			c.Summary = "{{fields." + item.Fields[0].Name + "}}"
		} else {
			c.Field = &item // one box per item: a cue may hold a comma
		}
		c.Max = bound(f.Max)
	}
	return c
}

// bound reads a min or max tag that is a whole number; nil otherwise.
func bound(s string) *int {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return nil
		}
		n = n*10 + int(r-'0')
	}
	if s == "" {
		return nil
	}
	return &n
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// label is a field name as the editor shows it: red_flags is "Red flags".
func label(name string) string {
	s := strings.NewReplacer("_", " ", "-", " ").Replace(name)
	return strings.ToUpper(s[:1]) + s[1:]
}
