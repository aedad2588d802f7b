package generator

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchguide/stretchguide/generator/diag"
)

// layoutsCopy copies the built-in layouts to a temporary folder and lets edit change
// one of its files.
func layoutsCopy(t *testing.T, file string, edit func(string) string) string {
	t.Helper()
	lay := filepath.Join(t.TempDir(), "layouts")
	must(t, os.CopyFS(lay, os.DirFS("../layouts")))
	b, err := os.ReadFile(filepath.Join(lay, file))
	must(t, err)
	must(t, os.WriteFile(filepath.Join(lay, file), []byte(edit(string(b))), 0o644))
	return lay
}

// TestMissingStringIsAnError: a string the layouts use that a language's file lacks
// stops check and the build, naming the key, the language file and where it is used.
func TestMissingStringIsAnError(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		t.Run(lang, func(t *testing.T) {
			file := filepath.Join("i18n", lang+".yaml")
			lay := layoutsCopy(t, file, func(s string) string {
				return strings.Replace(s, "  skip: ", "  skipped: ", 1)
			})
			want := filepath.Join(lay, file) + `: error: the interface string "nav.skip", used by ` + filepath.Join(lay, "base.html") + ":"
			checked := Check(Options{Content: "testdata/site", Layouts: lay, Today: testToday})
			if !containsPrefix(checked, want) {
				t.Errorf("check: want %q, got:\n%s", want, list(checked))
			}
			_, err := Build(context.Background(), Options{Content: "testdata/site", Layouts: lay, Out: filepath.Join(t.TempDir(), "public")})
			var be *diag.BuildError
			if !errors.As(err, &be) || !containsPrefix(be.List, want) {
				t.Errorf("build: want %q, got %v", want, err)
			}
		})
	}
}

// TestUnusedStringIsAWarning: a key no layout uses is a warning at its line.
func TestUnusedStringIsAWarning(t *testing.T) {
	file := filepath.Join("i18n", "es.yaml")
	lay := layoutsCopy(t, file, func(s string) string { return "olvidado: \"nadie me usa\"\n" + s })
	checked := Check(Options{Content: "testdata/site", Layouts: lay, Today: testToday})
	want := filepath.Join(lay, file) + `:1: warning: the interface string "olvidado" is not used`
	if !containsPrefix(checked, want) {
		t.Errorf("want %q, got:\n%s", want, list(checked))
	}
	if n := checked.Errors(); n != 0 {
		t.Errorf("an unused string is no error, got %d:\n%s", n, list(checked))
	}
}

// TestShippedStringsAreComplete: the built-in layouts use every string of every
// language, and every language has every string they use.
func TestShippedStringsAreComplete(t *testing.T) {
	checked := Check(Options{Content: "testdata/site", Today: testToday})
	for _, d := range checked {
		if strings.Contains(d.Path, "i18n") {
			t.Errorf("%s", d)
		}
	}
}
