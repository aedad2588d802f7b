// Package i18n holds the words a guide's interface shows, one catalog per language
// (layouts/i18n/<lang>.yaml): each key names a string, or its plural forms
// ({one: ..., other: ...}); nested keys are joined with dots. It also says durations,
// doses and dates in the catalog's language.
package i18n

import (
	"fmt"
	"html/template"
	"maps"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Message is one string of a catalog. A message without plural forms has only Other.
type Message struct {
	One, Other string
	Line       int // in the catalog's file
}

// Plural reports whether the message has plural forms.
func (m Message) Plural() bool { return m.One != "" }

// Catalog is the interface strings of one language.
type Catalog struct {
	Lang string // "en", "es"
	File string // as problems name it: layouts/i18n/es.yaml
	msgs map[string]Message
}

// Parse reads a catalog file. Keys are nested maps of strings; a map holding only
// one and other (and, for other languages' rules, zero, two, few, many) is a
// message with plural forms.
func Parse(file, lang string, src []byte) (*Catalog, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	c := &Catalog{Lang: lang, File: file, msgs: map[string]Message{}}
	if len(doc.Content) == 0 {
		return c, nil
	}
	if err := c.walk("", doc.Content[0]); err != nil {
		return nil, err
	}
	return c, nil
}

var pluralForms = map[string]bool{"zero": true, "one": true, "two": true, "few": true, "many": true, "other": true}

func (c *Catalog) walk(prefix string, n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("%s:%d: expected keys and strings here", c.File, n.Line)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := prefix + k.Value
		switch {
		case v.Kind == yaml.ScalarNode:
			c.msgs[key] = Message{Other: v.Value, Line: k.Line}
		case isPlural(v):
			m := Message{Line: k.Line}
			for j := 0; j+1 < len(v.Content); j += 2 {
				switch v.Content[j].Value {
				case "one":
					m.One = v.Content[j+1].Value
				case "other":
					m.Other = v.Content[j+1].Value
				}
			}
			if m.One == "" || m.Other == "" {
				return fmt.Errorf("%s:%d: %s needs both forms, one and other", c.File, k.Line, key)
			}
			c.msgs[key] = m
		default:
			if err := c.walk(key+".", v); err != nil {
				return err
			}
		}
	}
	return nil
}

func isPlural(n *yaml.Node) bool {
	if n.Kind != yaml.MappingNode || len(n.Content) == 0 {
		return false
	}
	for i := 0; i < len(n.Content); i += 2 {
		if !pluralForms[n.Content[i].Value] || n.Content[i+1].Kind != yaml.ScalarNode {
			return false
		}
	}
	return true
}

// Keys lists the catalog's keys in order.
func (c *Catalog) Keys() []string { return slices.Sorted(maps.Keys(c.msgs)) }

// Message returns the message of key, and whether there is one.
func (c *Catalog) Message(key string) (Message, bool) {
	m, ok := c.msgs[key]
	return m, ok
}

// T returns the string of key with its placeholders filled: {0}, {1}... are the
// arguments in order, and {n} is the first. When the message has plural forms, the
// first argument, a count, picks the form.
func (c *Catalog) T(key string, args ...any) (string, error) {
	m, ok := c.msgs[key]
	if !ok {
		return "", fmt.Errorf("%s has no string %q: add it", c.File, key)
	}
	s := m.Other
	if m.Plural() && len(args) > 0 && count(args[0]) == 1 {
		s = m.One
	}
	return fill(s, args), nil
}

// HTML is T for the templates of layouts/: the message, which is part of the
// layouts as the templates are, is HTML and may hold markup; the arguments are
// text and are escaped, unless they are template.HTML.
func (c *Catalog) HTML(key string, args ...any) (template.HTML, error) {
	esc := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case template.HTML:
			esc[i] = string(v)
		case string:
			esc[i] = template.HTMLEscapeString(v)
		default:
			esc[i] = a
		}
	}
	s, err := c.T(key, esc...)
	return template.HTML(s), err
}

// S is T for keys the program itself uses, which check makes sure every catalog
// holds: a missing one gives the key itself.
func (c *Catalog) S(key string, args ...any) string {
	s, err := c.T(key, args...)
	if err != nil {
		return key
	}
	return s
}

// count is a plural message's count: an integer argument, else -1.
func count(a any) int {
	switch n := a.(type) {
	case int:
		return n
	case int64:
		return int(n)
	case string:
		if i, err := strconv.Atoi(n); err == nil {
			return i
		}
	}
	return -1
}

// fill puts args into the placeholders of s: {0}, {1}, ... the argument of that
// number, and {n} the first. Other braces are left as they are. It runs for many
// strings of every page, so it reads s once and makes no replacer.
func fill(s string, args []any) string {
	if len(args) == 0 || !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			break
		}
		b.WriteString(s[:i])
		name := s[i+1 : i+j]
		if n, err := strconv.Atoi(name); name == "n" || err == nil && n >= 0 && n < len(args) && name == strconv.Itoa(n) {
			fmt.Fprint(&b, args[max(n, 0)])
			s = s[i+j+1:]
			continue
		}
		b.WriteByte('{')
		s = s[i+1:]
	}
	b.WriteString(s)
	return b.String()
}

// Script is the messages whose keys start with prefix, for the browser scripts:
// key (prefix removed) -> string, or -> {"one": ..., "other": ...}.
func (c *Catalog) Script(prefix string) map[string]any {
	out := map[string]any{}
	for k, m := range c.msgs {
		if rest, ok := strings.CutPrefix(k, prefix); ok {
			if m.Plural() {
				out[rest] = map[string]string{"one": m.One, "other": m.Other}
			} else {
				out[rest] = m.Other
			}
		}
	}
	return out
}
