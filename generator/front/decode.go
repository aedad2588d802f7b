package front

import (
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/stretchguide/stretchguide/generator/diag"
)

// Issue is one problem found while decoding front matter.
type Issue struct {
	At
	Warning bool
	Msg     string
	Hint    string
}

// Decode fills v, a pointer to one of this package's structs, from the mapping node n.
// It never stops at the first problem: every wrong value, missing required field and
// unknown field is returned, each at its place. An unknown field is a warning that
// names the closest known one.
func Decode(n *yaml.Node, v any) []Issue {
	d := &decoder{}
	d.value(n, reflect.ValueOf(v).Elem(), "")
	return d.issues
}

type decoder struct{ issues []Issue }

func (d *decoder) add(n *yaml.Node, warning bool, hint, format string, args ...any) {
	d.issues = append(d.issues, Issue{At: at(n), Warning: warning, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

var unmarshaler = reflect.TypeFor[yaml.Unmarshaler]()

func (d *decoder) value(n *yaml.Node, v reflect.Value, name string) {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n.Tag == "!!null" {
		return // "hold:" with nothing after it counts as left out
	}
	if v.Addr().Type().Implements(unmarshaler) {
		if err := n.Decode(v.Addr().Interface()); err != nil {
			msg, hint := err.Error(), ""
			if p, ok := err.(*Problem); ok {
				msg, hint = p.Msg, p.Hint
			}
			d.add(n, false, hint, "%s %s", label(name), msg)
		}
		return
	}
	switch v.Kind() {
	case reflect.Slice:
		items := n.Content
		if n.Kind != yaml.SequenceNode {
			items = []*yaml.Node{n} // a single value where a list goes is a list of one
		}
		v.Set(reflect.MakeSlice(v.Type(), len(items), len(items)))
		for i, item := range items {
			d.value(item, v.Index(i), fmt.Sprintf("%s[%d]", name, i+1))
		}
	case reflect.Struct:
		switch n.Kind {
		case yaml.MappingNode:
			d.mapping(n, v, name)
		case yaml.ScalarNode: // a bare value fills the group's first field: "- gordon2016"
			fields := cachedFields(v.Type())
			d.value(n, v.Field(fields[0].Index), join(name, fields[0].Name))
			for _, f := range fields[1:] {
				if f.Required {
					d.add(n, false, fmt.Sprintf("write it as a group of fields: %s: %s, %s: ...", fields[0].Name, n.Value, f.Name),
						"%s is missing", label(join(name, f.Name)))
				}
			}
		default:
			d.add(n, false, "", "%s should be a group of fields, not %s", label(name), kindWords(n))
		}
	}
}

func (d *decoder) mapping(n *yaml.Node, v reflect.Value, name string) {
	fields := cachedFields(v.Type())
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		f, ok := fieldNamed(fields, k.Value)
		if first := seen[k.Value]; first != nil && k.Kind == yaml.ScalarNode {
			where := fmt.Sprintf("on lines %d and %d", first.Line, k.Line)
			if first.Line == k.Line {
				where = fmt.Sprintf("on line %d", k.Line)
			}
			d.add(k, false, "delete one of them", "%s is given twice, %s; keep one", label(join(name, k.Value)), where)
			continue
		}
		seen[k.Value] = k
		if !ok {
			d.add(k, true, diag.DidYouMean(k.Value, fieldNames(fields), "remove it, or check the spelling against the authoring guide"),
				"unknown field %q is ignored", join(name, k.Value))
			continue
		}
		d.value(val, v.Field(f.Index), join(name, f.Name))
		d.bounds(f, val, v.Field(f.Index), join(name, f.Name))
		if f.Enum == nil {
			continue // no need to box the value to look at it
		}
		if s, ok := v.Field(f.Index).Interface().(Str); ok && s.V != "" && !slices.Contains(f.Enum, s.V) {
			d.add(val, false, diag.DidYouMean(s.V, f.Enum, "use one of: "+strings.Join(f.Enum, ", ")),
				"%s cannot be %q", label(join(name, f.Name)), s.V)
		}
	}
	for _, f := range fields {
		if f.Required && seen[f.Name] == nil {
			d.add(n, false, fmt.Sprintf("add a line like `%s: ...`", f.Name), "%s is missing", label(join(name, f.Name)))
		}
	}
}

// Field describes one front-matter field of a struct.
type Field struct {
	Name     string   // as written in the file
	Index    int      // in the struct
	Required bool     // the file must give it
	Enum     []string // the allowed words, if only some are
	Doc      string   // what it means, in a sentence
	Min, Max string   // the range of a number or length of time, or the most items of a list; "" for none
	Type     reflect.Type
}

// Fields lists the front-matter fields of struct type t in declaration order.
func Fields(t reflect.Type) []Field {
	var fs []Field
	for i := range t.NumField() {
		sf := t.Field(i)
		name := sf.Tag.Get("yaml")
		if name == "" {
			continue
		}
		var enum []string
		if e := sf.Tag.Get("enum"); e != "" {
			enum = strings.Split(e, ",")
		}
		fs = append(fs, Field{Name: name, Index: i, Required: sf.Tag.Get("required") == "true", Enum: enum, Doc: sf.Tag.Get("doc"),
			Min: sf.Tag.Get("min"), Max: sf.Tag.Get("max"), Type: sf.Type})
	}
	return fs
}

// fieldCache holds Fields of each struct type decoded so far: reading the struct
// tags again for every file of a big guide is a measurable part of decoding.
var fieldCache sync.Map // reflect.Type -> []Field

func cachedFields(t reflect.Type) []Field {
	if fs, ok := fieldCache.Load(t); ok {
		return fs.([]Field)
	}
	fs, _ := fieldCache.LoadOrStore(t, Fields(t))
	return fs.([]Field)
}

func fieldNamed(fs []Field, name string) (Field, bool) {
	for _, f := range fs {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

func fieldNames(fs []Field) []string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.Name
	}
	sort.Strings(names)
	return names
}

func join(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

func label(name string) string {
	if name == "" {
		return "the front matter"
	}
	return "`" + name + "`"
}
