package schema

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/stretchguide/stretchguide/generator/bib"
	"github.com/stretchguide/stretchguide/generator/front"
	"github.com/stretchguide/stretchguide/generator/load"
)

// compiled compiles every schema with a JSON Schema validator, which also checks
// each against the draft-07 meta-schema.
func compiled(t *testing.T) map[string]*jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	for name, b := range Files() {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s is not JSON: %v", name, err)
		}
		if err := c.AddResource("https://schema.test/"+name, doc); err != nil {
			t.Fatal(err)
		}
	}
	out := map[string]*jsonschema.Schema{}
	for _, k := range Kinds {
		s, err := c.Compile("https://schema.test/" + k.File)
		if err != nil {
			t.Fatalf("%s does not compile: %v", k.File, err)
		}
		out[k.File] = s
	}
	return out
}

// jsonValue turns a Go value into the form the validator expects.
func jsonValue(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	out, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// translated matches the language part of a translation's name: bridge.es.md.
var translated = regexp.MustCompile(`\.[a-z]{2,3}(-[a-z0-9]{2,8})?\.md$`)

// schemaFor names the schema of a content file, or "" for a file without one; a
// translation (bridge.es.md) has the translation schema of its kind.
func schemaFor(p string) string {
	if loc := translated.FindStringIndex(p); loc != nil {
		if orig := schemaFor(p[:loc[0]] + ".md"); orig != "" {
			return strings.TrimSuffix(orig, ".json") + ".translation.json"
		}
		return ""
	}
	switch dir, ext := path.Dir(p), path.Ext(p); {
	case p == "_index.md":
		return "site.json"
	case p == "red-flags.md":
		return "red-flags.json"
	case dir == "stretches" && ext == ".md":
		return "stretch.json"
	case dir == "routines" && ext == ".md":
		return "routine.json"
	case dir == "pages" && ext == ".md":
		return "page.json"
	case dir == "references" && (ext == ".yaml" || ext == ".json"):
		return "reference.json"
	}
	return ""
}

// instance reads a content file as the JSON value its schema checks: the front matter
// of a page, or the whole of a reference file.
func instance(t *testing.T, name string, src []byte) any {
	t.Helper()
	if path.Ext(name) == ".json" {
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(src))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return v
	}
	var n yaml.Node
	if path.Ext(name) == ".md" {
		m, issue := front.Split(src)
		if issue != nil {
			t.Fatalf("%s: %s", name, issue.Msg)
		}
		if m.Node == nil {
			t.Fatalf("%s has no front matter", name)
		}
		return jsonValue(t, FromYAML(m.Node))
	}
	if err := yaml.Unmarshal(src, &n); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return jsonValue(t, FromYAML(&n))
}

// The guide's own content and the test site pass their schemas.
func TestContentMatchesTheSchemas(t *testing.T) {
	schemas := compiled(t)
	for _, root := range []string{"../../content", "../testdata/site"} {
		fsys := os.DirFS(root)
		n := 0
		err := fs.WalkDir(fsys, ".", func(p string, e fs.DirEntry, err error) error {
			name := schemaFor(p)
			if err != nil || e.IsDir() || name == "" {
				return err
			}
			src, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			n++
			if err := schemas[name].Validate(instance(t, p, src)); err != nil {
				t.Errorf("%s/%s does not match %s:\n%v", root, p, name, err)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if n < 5 {
			t.Errorf("%s: only %d files checked", root, n)
		}
	}
}

// Each case is a file's front matter (or a reference file) and what the loader makes
// of it: "ok", "warning" or "error". The schema must accept exactly the "ok" ones, so
// that an editor flags what the build would.
func TestSchemaAgreesWithLoader(t *testing.T) {
	const stretch = "title: Bridge\nsummary: Lift.\nareas: [hips]\n"
	cases := []struct {
		name, file, src, loader string
	}{
		{"a minimal stretch", "stretches/a.md", stretch + "hold: 30s\n", "ok"},
		{"every form of a stretch", "stretches/a.md", stretch + "hold: 1 min 30 s\nsets: 2\nsides: both\nposition: lying\n" +
			"citations:\n  - gordon2016\n  - {key: bae2017, locator: p. 3, grade: low}\nreviewed: 2026-11-25\nequipment: mat\n", "ok"},
		{"hold: thirty", "stretches/a.md", stretch + "hold: thirty\n", "error"},
		{"hold: 30 without a unit", "stretches/a.md", stretch + "hold: 30\n", "error"},
		{"reps: ten", "stretches/a.md", stretch + "reps: ten\n", "error"},
		{"sets: two", "stretches/a.md", stretch + "reps: 5\nsets: two\n", "error"},
		{"sets: 21", "stretches/a.md", stretch + "reps: 5\nsets: 21\n", "error"},
		{"sets: 20 and reps: 100", "stretches/a.md", stretch + "reps: 100\nsets: 20\n", "ok"},
		{"sets at the largest int", "stretches/a.md", stretch + "hold: 30s\nsets: 9223372036854775807\n", "error"},
		{"a step of 0 reps", "routines/a.md", "title: R\nsummary: S.\nsteps:\n  - {stretch: bridge, reps: 0}\n", "error"},
		{"101 steps", "routines/a.md", "title: R\nsummary: S.\nsteps: [" + strings.Repeat("a, ", 100) + "a]\n", "error"},
		{"review_cycle_months: 121", "_index.md", "title: G\nreview_cycle_months: 121\n", "error"},
		{"position: upside-down", "stretches/a.md", stretch + "hold: 30s\nposition: upside-down\n", "error"},
		{"sides: left", "stretches/a.md", stretch + "hold: 30s\nsides: left\n", "error"},
		{"areas as a group", "stretches/a.md", "title: B\nsummary: S.\nareas: {hips: yes}\nhold: 30s\n", "error"},
		{"reviewed: yesterday", "stretches/a.md", stretch + "hold: 30s\nreviewed: yesterday\n", "error"},
		{"a citation grade that is not GRADE", "stretches/a.md", stretch + "hold: 30s\ncitations: [{key: a, grade: strong}]\n", "error"},
		{"a citation without a key", "stretches/a.md", stretch + "hold: 30s\ncitations: [{locator: p. 3}]\n", "error"},
		{"an unknown field", "stretches/a.md", stretch + "hold: 30s\nciations: [a]\n", "warning"},
		{"no title", "stretches/a.md", "summary: S.\nareas: [hips]\nhold: 30s\n", "error"},
		{"a routine of bare steps", "routines/a.md", "title: R\nsummary: S.\nsteps: [bridge, childs-pose]\n", "ok"},
		{"a step held forever", "routines/a.md", "title: R\nsummary: S.\nsteps:\n  - {stretch: bridge, hold: forever}\n", "error"},
		{"when: noon", "routines/a.md", "title: R\nsummary: S.\nwhen: noon\nsteps: [bridge]\n", "error"},
		{"a flag", "red-flags.md", "title: W\nflags:\n  - {id: a, title: A, urgency: soon, action: Call.}\n", "ok"},
		{"urgency: later", "red-flags.md", "title: W\nflags:\n  - {id: a, title: A, urgency: later, action: Call.}\n", "error"},
		{"a flag as a bare id", "red-flags.md", "title: W\nflags: [cauda-equina]\n", "error"},
		{"site settings", "_index.md", "title: G\nreadability_grade: 7\nreview_cycle_months: 24\nareas:\n  - {id: hips, title: Hips}\n", "ok"},
		{"readability_grade: eight", "_index.md", "title: G\nreadability_grade: eight\n", "error"},
		{"an area without a title", "_index.md", "title: G\nareas:\n  - {id: hips}\n", "error"},
		{"a page", "pages/a.md", "title: P\nreviewer: 2026-11-25\n", "ok"},
		{"a reference", "references/a.yaml", "- id: a\n  type: book\n  author: [{family: Gordon, given: R.}]\n  issued: {date-parts: [[2016, 2]]}\n  grade: moderate\n  abstract: Not read.\n", "ok"},
		{"Pandoc's references list", "references/a.yaml", "references:\n  - id: a\n    issued: 2016\n    custom: {grade: low}\n", "ok"},
		{"a translated stretch gives only its words", "stretches/a.es.md", "title: Puente\nsummary: Levante.\ncues: [Despacio]\n", "ok"},
		{"a translated stretch with nothing", "stretches/a.es.md", "reviewed: 2026-11-25\n", "ok"},
		{"a translated stretch held for thirty", "stretches/a.es.md", "title: Puente\nhold: thirty\n", "error"},
		{"a translated stretch with an unknown field", "stretches/a.es.md", "title: Puente\nciations: [a]\n", "warning"},
		{"a translated routine without steps", "routines/a.es.md", "title: R\nsummary: S.\n", "ok"},
		{"a translated routine's step without its stretch", "routines/a.es.md", "title: R\nsteps:\n  - {reps: 5}\n", "error"},
		{"translated warning signs", "red-flags.es.md", "title: Señales\nflags:\n  - {id: a, title: A, urgency: soon, action: Llame.}\n", "ok"},
		{"a translated flag without its action", "red-flags.es.md", "title: Señales\nflags:\n  - {id: a, title: A, urgency: soon}\n", "error"},
		{"a translated home page", "_index.es.md", "description: Una guía.\n", "ok"},
		{"a translated page", "pages/a.es.md", "summary: S.\n", "ok"},
		{"a stretch without areas", "stretches/a.md", "title: B\nsummary: S.\nhold: 30s\n", "error"},
		{"a routine without steps", "routines/a.md", "title: R\nsummary: S.\n", "error"},
		{"a reference grade that is not GRADE", "references/a.yaml", "- id: a\n  grade: strong\n", "error"},
		{"an author as text", "references/a.yaml", "- id: a\n  author: Gordon\n", "error"},
		{"a date in a list of words", "references/a.yaml", "- id: a\n  issued: {date-parts: [[twenty]]}\n", "error"},
	}
	schemas := compiled(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := []byte(c.src)
			if path.Ext(c.file) == ".md" {
				src = []byte("---\n" + c.src + "---\n")
			}
			if got := loaderVerdict(t, c.file, src); got != c.loader {
				t.Fatalf("the loader says %s, the case says %s", got, c.loader)
			}
			err := schemas[schemaFor(c.file)].Validate(instance(t, c.file, src))
			if (err == nil) != (c.loader == "ok") {
				t.Errorf("the schema accepts it: %v; the loader says %s (%v)", err == nil, c.loader, err)
			}
		})
	}
}

// loaderVerdict is what the loader's decoders make of a file: "ok", "warning" or "error".
func loaderVerdict(t *testing.T, file string, src []byte) string {
	t.Helper()
	if strings.HasPrefix(file, "references/") {
		_, list := bib.ReadCSLYAML(file, src)
		switch {
		case list.Errors() > 0:
			return "error"
		case list.Warnings() > 0:
			return "warning"
		}
		return "ok"
	}
	if translated.MatchString(file) { // what a translation leaves out is its original's
		f := load.LoadFile(fstest.MapFS{file: {Data: src}}, "content", file, load.NewParser(), nil)
		switch {
		case f.Problems.Errors() > 0 || f.Doc == nil:
			return "error"
		case f.Problems.Warnings() > 0:
			return "warning"
		}
		return "ok"
	}
	m, issue := front.Split(src)
	if issue != nil {
		return "error"
	}
	var v any
	for _, k := range Kinds {
		if k.File == schemaFor(file) {
			v = reflect.New(k.Type).Interface()
		}
	}
	verdict := "ok"
	for _, is := range front.Decode(m.Node, v) {
		if !is.Warning {
			return "error"
		}
		verdict = "warning"
	}
	return verdict
}

// TOML front matter is converted like YAML, and a TOML date in a text field is text.
func TestTOMLFrontMatterMatches(t *testing.T) {
	src := []byte("+++\ntitle = 2026-11-25\nsummary = \"S.\"\nareas = [\"hips\"]\nhold = \"30s\"\nreviewed = 2026-11-25\n\n[[citations]]\nkey = \"gordon2016\"\ngrade = \"high\"\n+++\nBody.\n")
	if err := compiled(t)["stretch.json"].Validate(instance(t, "stretches/a.md", src)); err != nil {
		t.Errorf("TOML front matter does not match: %v", err)
	}
}

func TestFilesAreStable(t *testing.T) {
	a, b := Files(), Files()
	if len(a) != len(Kinds) {
		t.Fatalf("%d files for %d kinds", len(a), len(Kinds))
	}
	for name := range a {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s differs between two calls", name)
		}
	}
	if !bytes.Contains(a["stretch.json"], []byte(`"description": "How long to hold, such as 30s or 1m, from 1s to 10m. Give hold or reps."`)) {
		t.Error("stretch.json lacks the doc of hold")
	}
}
