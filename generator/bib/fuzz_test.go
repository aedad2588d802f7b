package bib

import (
	"reflect"
	"strings"
	"testing"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/guide"
)

// The seed corpora are in testdata/fuzz/<FuzzName>/, so that plain go test
// runs them; go test -fuzz adds new inputs next to them when one fails.

func FuzzBibTeX(f *testing.F)  { fuzzReader(f, "fuzz.bib", ReadBibTeX) }
func FuzzCSLYAML(f *testing.F) { fuzzReader(f, "fuzz.yaml", ReadCSLYAML) }
func FuzzCSLJSON(f *testing.F) { fuzzReader(f, "fuzz.json", ReadCSLJSON) }

// fuzzReader checks what must hold for any input: no panic (nor a panic
// turned into an internal error), every diagnostic inside the file and
// worded, every reference with a key, a position in the file and no key
// twice, and the same answer when the input is read again.
func fuzzReader(f *testing.F, path string, read func(string, []byte) ([]*guide.Reference, diag.List)) {
	f.Fuzz(func(t *testing.T, data []byte) {
		refs, list := read(path, data)
		lines := len(newLineIndex(data).starts)
		for _, d := range list {
			if d.Line < 1 || d.Line > lines+1 || d.Col < 0 || d.Path != path || d.Message == "" {
				t.Errorf("bad diagnostic %+v in a file of %d lines", d, lines)
			}
			if strings.Contains(d.Message, "internal error") {
				t.Errorf("reader panicked: %s", d.Message)
			}
		}
		keys := map[string]bool{}
		for _, r := range refs {
			if r == nil {
				t.Fatal("nil reference")
			}
			if r.Key == "" || keys[r.Key] {
				t.Errorf("reference with an empty or repeated key %q", r.Key)
			}
			keys[r.Key] = true
			if r.Pos.Path != path || r.Pos.Line < 1 || r.Pos.Line > lines || r.Pos.Col < 1 {
				t.Errorf("reference %q at a bad position %+v", r.Key, r.Pos)
			}
		}
		again, list2 := read(path, data)
		if !reflect.DeepEqual(refs, again) || !reflect.DeepEqual(list, list2) {
			t.Errorf("reading the same input twice gave different results")
		}
	})
}
