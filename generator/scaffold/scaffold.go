// Package scaffold writes the starting text of a new stretch or routine file: front
// matter with every field, each explained by a comment made from the doc tags of
// package front, and a body outline. Fields that must be given have a working value;
// the others are commented out with an example, ready to switch on.
package scaffold

import (
	"fmt"
	"reflect"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/stretchguide/stretchguide/generator/front"
)

// Context is what the new file is written from: its title, and the ids the rest of
// the guide offers, so that examples and notes name real ones.
type Context struct {
	Title      string
	Slug       string
	SchemaURL  string   // the JSON Schema, for the yaml-language-server line
	Today      string   // YYYY-MM-DD, the example review date
	Areas      []string // area ids
	Flags      []string // warning-sign ids
	Stretches  []string // stretch slugs
	References []string // reference keys
}

// Todo starts every piece of text the author still has to write; check warns about
// each one left.
const Todo = "TODO"

// Slug makes a file name from a title: lowercase ASCII letters and digits, words
// joined by hyphens, apostrophes dropped ("Child's pose" -> "childs-pose"). Letters
// with accents lose them. It returns "" when the title has no letters or digits.
func Slug(title string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(title) {
		switch {
		case r == '\'' || r == '’':
			continue
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
		case unicode.IsLetter(r):
			r = plain(r)
		default:
			hyphen = b.Len() > 0
			continue
		}
		if r == 0 {
			continue
		}
		if hyphen {
			b.WriteByte('-')
			hyphen = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// plain is the ASCII letter an accented Latin letter is written with, or 0.
func plain(r rune) rune {
	for base, accented := range map[rune]string{'a': "àáâãäåā", 'c': "ç", 'e': "èéêëē", 'i': "ìíîïī", 'n': "ñ", 'o': "òóôõöøō", 'u': "ùúûüū", 'y': "ýÿ"} {
		if strings.ContainsRune(accented, r) {
			return base
		}
	}
	return 0
}

// Stretch is the text of a new content/stretches/<slug>.md.
func Stretch(c Context) []byte {
	examples := map[string]example{
		"title":         {on: true, value: c.Title},
		"summary":       {on: true, value: Todo + " write one plain sentence saying what the stretch is and what it helps."},
		"areas":         {on: true, value: []string{first(c.Areas, "lower-back")}, note: oneOf(c.Areas)},
		"position":      {value: "lying"},
		"hold":          {on: true, value: "30s", note: "Or switch to reps for a stretch you repeat."},
		"reps":          {value: 10},
		"sets":          {value: 2},
		"sides":         {value: "both"},
		"equipment":     {value: []string{"mat"}},
		"cues":          {value: []string{"Knees bent, feet flat", "Breathe out as you stretch"}},
		"cautions":      {value: []string{"You should feel a gentle stretch, never sharp pain.", "Stop if pain spreads down a leg."}},
		"red_flags":     {value: firstN(c.Flags, 2, "leg-numbness"), note: oneOf(c.Flags)},
		"citations":     {value: firstN(c.References, 1, "gordon2016"), note: someOf(c.References)},
		"reviewed":      {value: bare(c.Today), note: "Fill in once a clinician has checked the page."},
		"reviewer":      {value: "A. Name, physiotherapist"},
		"image":         {value: c.Slug + ".svg"},
		"image_alt":     {value: "Lying on your back with both knees bent."},
		"also_known_as": {value: []string{"another name"}},
		"images":        {value: []picture{{c.Slug + "-start.jpg", "Lying on your back with both knees bent."}, {c.Slug + "-end.jpg", "Hips lifted off the floor."}}},
	}
	body := Todo + ": say why the stretch helps, and cite the evidence like this [@" + first(c.References, "gordon2016") + "].\n\n" +
		"## How to do it\n\n1. " + Todo + ": the first step.\n2. " + Todo + ": the next step.\n\n" +
		"Know the [warning signs](../red-flags.md) that mean you should stop and get help.\n"
	return write("stretch", reflect.TypeFor[front.Stretch](), examples, c, body)
}

// Routine is the text of a new content/routines/<slug>.md.
func Routine(c Context) []byte {
	type step struct {
		Stretch string `yaml:"stretch"`
		Hold    string `yaml:"hold,omitempty"`
	}
	steps := []step{{Stretch: first(c.Stretches, "bridge")}}
	if len(c.Stretches) > 1 {
		steps = append(steps, step{Stretch: c.Stretches[1], Hold: "30s"})
	}
	examples := map[string]example{
		"title":         {on: true, value: c.Title},
		"summary":       {on: true, value: Todo + " write one plain sentence saying what the routine is for."},
		"when":          {value: "morning"},
		"steps":         {on: true, value: steps, note: "Each step names a stretch by its file name; hold, reps and sets may change its dose for this routine. Stretches: " + strings.Join(c.Stretches, ", ") + "."},
		"citations":     {value: firstN(c.References, 1, "gordon2016"), note: someOf(c.References)},
		"reviewed":      {value: bare(c.Today), note: "Fill in once a clinician has checked the page."},
		"reviewer":      {value: "A. Name, physiotherapist"},
		"also_known_as": {value: []string{"another name"}},
	}
	body := Todo + ": say who the routine is for and when to do it.\n\n" +
		"Know the [warning signs](../red-flags.md) that mean you should stop and get help.\n"
	return write("routine", reflect.TypeFor[front.Routine](), examples, c, body)
}

// picture is one entry of a stretch's images list, in the order authors read it.
type picture struct {
	File string `yaml:"file"`
	Alt  string `yaml:"alt"`
}

// example is a field's value in a new file: on when the field is written, off when it
// is a comment to switch on; note adds to the field's doc.
type example struct {
	on    bool
	value any
	note  string
}

// write lays out the front matter of type t, one field at a time in the type's
// order, then the body. A field without an example panics: a test makes sure every
// field has one.
func write(kind string, t reflect.Type, examples map[string]example, c Context, body string) []byte {
	var b strings.Builder
	b.WriteString("---\n")
	fmt.Fprintf(&b, "# yaml-language-server: $schema=%s\n", c.SchemaURL)
	fmt.Fprintf(&b, "# A new %s. A line starting with # is a note; to use a field shown as a note,\n", kind)
	b.WriteString("# delete the # in front of it. Replace each TODO, then run: stretchguide check\n")
	for _, f := range front.Fields(t) {
		ex, ok := examples[f.Name]
		if !ok {
			panic("scaffold: no example for " + kind + " field " + f.Name)
		}
		b.WriteString("\n")
		doc := f.Doc
		if f.Required {
			doc += " Required."
		}
		if f.Enum != nil {
			doc += " One of: " + strings.Join(f.Enum, ", ") + "."
		}
		if ex.note != "" {
			doc += " " + ex.note
		}
		comment(&b, doc)
		field := yamlField(f.Name, ex.value)
		if !ex.on {
			field = "# " + strings.ReplaceAll(strings.TrimSuffix(field, "\n"), "\n", "\n# ") + "\n"
		}
		b.WriteString(field)
	}
	b.WriteString("---\n")
	b.WriteString(body)
	return []byte(b.String())
}

// comment writes text as # lines of at most about 88 characters.
func comment(b *strings.Builder, text string) {
	line := "#"
	for _, w := range strings.Fields(text) {
		if len(line)+1+len(w) > 88 && line != "#" {
			b.WriteString(line + "\n")
			line = "#"
		}
		line += " " + w
	}
	b.WriteString(line + "\n")
}

// bare is a value written as it is, such as a date, which YAML would otherwise quote.
type bare string

// yamlField writes name: value as YAML, lists of words in flow style ([a, b]).
func yamlField(name string, value any) string {
	if v, ok := value.(bare); ok {
		return name + ": " + string(v) + "\n"
	}
	if words, ok := value.([]string); ok && len(strings.Join(words, ", ")) < 60 && !strings.ContainsAny(strings.Join(words, ""), ",:#[]{}'\"") {
		return name + ": [" + strings.Join(words, ", ") + "]\n"
	}
	var buf strings.Builder
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(map[string]any{name: value}); err != nil {
		panic(err) // strings, numbers, lists and maps always encode
	}
	return strings.Replace(buf.String(), "\n- ", "\n  - ", -1)
}

func first(ids []string, fallback string) string {
	if len(ids) > 0 {
		return ids[0]
	}
	return fallback
}

func firstN(ids []string, n int, fallback string) []string {
	if len(ids) == 0 {
		return []string{fallback}
	}
	return ids[:min(n, len(ids))]
}

func oneOf(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	return "Ids: " + strings.Join(ids, ", ") + "."
}

func someOf(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	if len(ids) > 8 {
		return "Keys include " + strings.Join(ids[:8], ", ") + "; see content/references/."
	}
	return "Keys: " + strings.Join(ids, ", ") + "."
}
