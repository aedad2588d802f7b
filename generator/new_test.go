package generator

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/front"
	"github.com/stretchguide/stretchguide/generator/schema"
)

// copySite copies the test site to a temporary content folder.
func copySite(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dir, os.DirFS("testdata/site")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// A new stretch or routine, with nothing filled in but its title, passes check: no
// errors, and a warning for each TODO left to write. Its front matter matches the
// JSON Schema it names.
func TestNewFilesPassCheck(t *testing.T) {
	for _, c := range []struct{ kind, title, file string }{
		{"stretch", "Cat-Cow", "stretches/cat-cow.md"},
		{"routine", "Lunch break: a short reset", "routines/lunch-break-a-short-reset.md"},
	} {
		t.Run(c.kind, func(t *testing.T) {
			content := copySite(t)
			file, err := New(Options{Content: content, Out: filepath.Join(content, "..", "public"), Today: testToday}, c.kind, c.title)
			if err != nil {
				t.Fatal(err)
			}
			if want := filepath.Join(content, c.file); file != want {
				t.Errorf("wrote %s, want %s", file, want)
			}
			problems := checkContent(os.DirFS(content), Options{Content: "content", Today: testToday})
			var todos, unreviewed int
			for _, d := range problems {
				switch {
				case d.Severity == diag.Info:
				case d.Path == "content/"+c.file && strings.HasPrefix(d.Message, "a TODO is left"):
					todos++
				case d.Path == "content/"+c.file && strings.HasPrefix(d.Message, "no clinician has reviewed the page"):
					unreviewed++ // true of a new file, until a clinician checks it
				default:
					t.Errorf("unexpected problem: %s", d)
				}
			}
			if todos == 0 {
				t.Error("no warning about the TODOs left to write")
			}
			if unreviewed != 1 {
				t.Errorf("%d warnings that no clinician has reviewed the new page, want 1", unreviewed)
			}
			src, _ := os.ReadFile(file)
			if !bytes.Contains(src, []byte("# yaml-language-server: $schema=../../public/schema/"+c.kind+".json\n")) {
				t.Errorf("no yaml-language-server line pointing at the schema:\n%s", src)
			}
			validate(t, c.kind+".json", src)
		})
	}
}

// validate checks a file's front matter against one of the published schemas.
func validate(t *testing.T, name string, src []byte) {
	t.Helper()
	m, issue := front.Split(src)
	if issue != nil {
		t.Fatal(issue.Msg)
	}
	c := jsonschema.NewCompiler()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema.Files()[name]))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddResource("https://schema.test/"+name, doc); err != nil {
		t.Fatal(err)
	}
	s := c.MustCompile("https://schema.test/" + name)
	var buf bytes.Buffer
	if err := jsonEncode(&buf, schema.FromYAML(m.Node)); err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(v); err != nil {
		t.Errorf("the front matter does not match %s: %v", name, err)
	}
}

// Every field of a stretch and a routine is in a new file, written or as a note.
func TestNewFilesHaveEveryField(t *testing.T) {
	content := copySite(t)
	for kind, fields := range map[string][]front.Field{
		"stretch": front.Fields(reflect.TypeFor[front.Stretch]()),
		"routine": front.Fields(reflect.TypeFor[front.Routine]()),
	} {
		file, err := New(Options{Content: content, Today: testToday}, kind, "Every field")
		if err != nil {
			t.Fatal(err)
		}
		src, _ := os.ReadFile(file)
		for _, f := range fields {
			if !bytes.Contains(src, []byte("\n"+f.Name+":")) && !bytes.Contains(src, []byte("\n# "+f.Name+":")) {
				t.Errorf("new %s lacks the field %s", kind, f.Name)
			}
			if !bytes.Contains(src, []byte(strings.Fields(f.Doc)[0])) {
				t.Errorf("new %s lacks the note on %s", kind, f.Name)
			}
		}
	}
}

func TestNewNeverOverwrites(t *testing.T) {
	content := copySite(t)
	existing := filepath.Join(content, "stretches", "bridge.md")
	before, _ := os.ReadFile(existing)
	_, err := New(Options{Content: content}, "stretch", "Bridge")
	if err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("want an 'already exists' error, got %v", err)
	}
	after, _ := os.ReadFile(existing)
	if !bytes.Equal(before, after) {
		t.Error("the existing file was changed")
	}
	if _, err := New(Options{Content: content}, "stretch", "?!"); err == nil {
		t.Error("a title without letters should be refused")
	}
	if _, err := New(Options{Content: content}, "area", "Neck"); err == nil {
		t.Error("an unknown kind should be refused")
	}
}

func jsonEncode(w io.Writer, v any) error { return json.NewEncoder(w).Encode(v) }
