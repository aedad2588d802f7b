// Package schema writes JSON Schemas for the front matter of each kind of content file
// and for reference files. They are made from the Go types of package front, which the
// loader decodes into, so the schemas and the build always agree on what a field is.
// The build publishes them at /schema/<name>.json; an editor that knows JSON Schema
// (such as VS Code with the YAML extension) then checks a file as the author types.
package schema

import (
	"bytes"
	"encoding/json"
	"reflect"
	"sort"
	"strconv"

	"go.yaml.in/yaml/v3"

	"github.com/stretchguide/stretchguide/generator/front"
)

// Draft is the JSON Schema version the schemas are written in; draft-07 is the one
// editors support best.
const Draft = "http://json-schema.org/draft-07/schema#"

// A Kind is one schema: its file name, what it describes and the Go type behind it.
type Kind struct {
	File  string // stretch.json
	Title string
	Type  reflect.Type
	// List is set for a file that holds a list of entries (references) rather than
	// one set of fields.
	List bool
	// Translation is set for the schema of a translation (bridge.es.md): it takes
	// every top-level field it leaves out from its original, so none is required;
	// the fields it gives are checked as in the original's schema.
	Translation bool
}

// Kinds lists every schema the site publishes.
var Kinds = []Kind{
	{"stretch.json", "Stretch (content/stretches/<slug>.md front matter)", reflect.TypeFor[front.Stretch](), false, false},
	{"routine.json", "Routine (content/routines/<slug>.md front matter)", reflect.TypeFor[front.Routine](), false, false},
	{"red-flags.json", "Warning signs (content/red-flags.md front matter)", reflect.TypeFor[front.RedFlags](), false, false},
	{"page.json", "Page (content/pages/<slug>.md front matter)", reflect.TypeFor[front.Page](), false, false},
	{"site.json", "Site settings (content/_index.md front matter)", reflect.TypeFor[front.Site](), false, false},
	{"reference.json", "References (content/references/*.yaml or *.json, CSL)", reflect.TypeFor[front.Reference](), true, false},
	{"stretch.translation.json", "Translated stretch (content/stretches/<slug>.<lang>.md front matter)", reflect.TypeFor[front.Stretch](), false, true},
	{"routine.translation.json", "Translated routine (content/routines/<slug>.<lang>.md front matter)", reflect.TypeFor[front.Routine](), false, true},
	{"red-flags.translation.json", "Translated warning signs (content/red-flags.<lang>.md front matter)", reflect.TypeFor[front.RedFlags](), false, true},
	{"page.translation.json", "Translated page (content/pages/<slug>.<lang>.md front matter)", reflect.TypeFor[front.Page](), false, true},
	{"site.translation.json", "Translated home page (content/_index.<lang>.md front matter)", reflect.TypeFor[front.Site](), false, true},
}

// Files returns every schema, by file name, as indented JSON. The output depends only
// on the types, so builds stay byte-identical.
func Files() map[string][]byte {
	files := make(map[string][]byte, len(Kinds))
	for _, k := range Kinds {
		files[k.File] = k.JSON()
	}
	return files
}

// JSON is the schema as indented JSON.
func (k Kind) JSON() []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(k.Schema()); err != nil {
		panic(err) // maps of strings, numbers and lists always encode
	}
	return b.Bytes()
}

// Schema is the schema as a JSON value. Groups of fields other than the top one are
// written once, under definitions, and referred to by name.
func (k Kind) Schema() map[string]any {
	b := &builder{defs: map[string]any{}}
	s := b.object(k.Type, !k.Translation)
	if k.List {
		// Pandoc writes a list, or a mapping whose references field holds it; a file
		// may also hold a single entry.
		b.defs[k.Type.Name()] = s
		entry := ref(k.Type)
		list := map[string]any{"type": "array", "items": entry}
		s = map[string]any{"anyOf": []any{list,
			map[string]any{"type": "object", "required": []string{"references"}, "properties": map[string]any{"references": list}},
			entry}}
	}
	s["$schema"] = Draft
	s["title"] = k.Title
	if len(b.defs) > 0 {
		s["definitions"] = b.defs
	}
	return s
}

// schemer is a value type that describes its own values (front.Str, front.Duration...).
type schemer interface{ JSONSchema() map[string]any }

// csl is a group of fields of a reference file (see front.Reference.CSL).
type csl interface{ CSL() }

// builder makes one schema, collecting the definitions of groups of fields.
type builder struct{ defs map[string]any }

func ref(t reflect.Type) map[string]any { return map[string]any{"$ref": "#/definitions/" + t.Name()} }

// value describes the values of type t that the loader accepts.
func (b *builder) value(t reflect.Type) map[string]any {
	if s, ok := reflect.Zero(t).Interface().(schemer); ok {
		return s.JSONSchema()
	}
	switch t.Kind() {
	case reflect.Slice:
		item := b.value(t.Elem())
		// A single value where a list goes is read as a list of one.
		return map[string]any{"anyOf": []any{map[string]any{"type": "array", "items": item}, item}}
	case reflect.Struct:
		if _, done := b.defs[t.Name()]; !done {
			b.defs[t.Name()] = nil // taken, in case a type refers to itself
			b.defs[t.Name()] = b.object(t, true)
		}
		return ref(t)
	}
	panic("schema: no JSON Schema for " + t.String())
}

// object describes a group of fields, requiring the required ones when require is
// set (a translation's top level leaves them to its original). Like the decoder, it
// also accepts a bare value for the first field when no other field is required:
// "- gordon2016" for {key: gordon2016}; never for a translation's whole front matter.
func (b *builder) object(t reflect.Type, require bool) map[string]any {
	fields := front.Fields(t)
	props := map[string]any{}
	var required []string
	for _, f := range fields {
		p := b.field(f)
		if f.Doc != "" {
			if _, isRef := p["$ref"]; isRef { // draft-07 ignores the siblings of $ref
				p = map[string]any{"allOf": []any{p}}
			}
			p["description"] = f.Doc
		}
		props[f.Name] = p
		if f.Required && require {
			required = append(required, f.Name)
		}
	}
	sort.Strings(required)
	obj := map[string]any{"type": "object", "properties": props}
	if len(required) > 0 {
		obj["required"] = required
	}
	_, isCSL := reflect.Zero(t).Interface().(csl)
	if !isCSL {
		obj["additionalProperties"] = false
	}
	if !isCSL && require && len(fields) > 0 && (len(required) == 0 || len(required) == 1 && required[0] == fields[0].Name) {
		bare := b.field(fields[0])
		if _, complex := bare["anyOf"]; !complex && bare["$ref"] == nil {
			return map[string]any{"anyOf": []any{bare, obj}}
		}
	}
	return obj
}

// field describes one field's values: its allowed words, or its type's values, with
// the range of a whole number and the most items of a list (the min and max tags).
func (b *builder) field(f front.Field) map[string]any {
	if f.Enum != nil {
		return map[string]any{"type": "string", "enum": f.Enum}
	}
	p := b.value(f.Type)
	lo, errLo := strconv.Atoi(f.Min)
	hi, errHi := strconv.Atoi(f.Max)
	if p["type"] == "integer" && errLo == nil && errHi == nil {
		p["minimum"], p["maximum"] = lo, hi
	}
	if alts, ok := p["anyOf"].([]any); ok && f.Type.Kind() == reflect.Slice && errHi == nil {
		alts[0].(map[string]any)["maxItems"] = hi
	}
	return p
}

// FromYAML turns a YAML tree into the JSON value a schema validator reads: mappings
// become objects, sequences arrays, and each scalar the JSON value its YAML tag names
// (a date stays text, as the loader reads it). Validating front matter this way checks
// exactly what an editor's YAML support checks.
func FromYAML(n *yaml.Node) any {
	for n != nil && (n.Kind == yaml.DocumentNode || n.Kind == yaml.AliasNode) {
		if n.Kind == yaml.AliasNode {
			n = n.Alias
		} else if len(n.Content) > 0 {
			n = n.Content[0]
		} else {
			return nil
		}
	}
	if n == nil {
		return nil
	}
	switch n.Kind {
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = FromYAML(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		l := make([]any, len(n.Content))
		for i, c := range n.Content {
			l[i] = FromYAML(c)
		}
		return l
	}
	switch n.Tag {
	case "!!null":
		return nil
	case "!!bool", "!!int", "!!float":
		var v any
		if err := n.Decode(&v); err == nil {
			return v
		}
	}
	return n.Value
}
