package generator

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchguide/stretchguide/generator/diag"
)

// edit changes a file of the test's content or layouts copy; it names the files it
// touched, as the watcher of serve would.
type edit struct {
	name  string
	apply func(t *testing.T, content, layouts string) []string
	// bodies and pages, when not -1, are how many the incremental build must render:
	// proof that it reuses work rather than only getting the same answer.
	bodies, pages int
	fails         bool // the edit breaks the content: both builds must fail alike
}

func replaceIn(t *testing.T, file, old, new string) []string {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s does not contain %q", file, old)
	}
	if err := os.WriteFile(file, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	return []string{file}
}

// readFile returns the text of file, failing the test when it cannot be read.
func readFile(t *testing.T, file string) string {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func writeFile(t *testing.T, file, content string) []string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return []string{file}
}

var incrementalEdits = []edit{
	{name: "nothing changed", bodies: 0, pages: 0,
		apply: func(t *testing.T, c, l string) []string { return nil }},
	{name: "stretch body", bodies: 1, pages: 1,
		apply: func(t *testing.T, c, l string) []string {
			return replaceIn(t, filepath.Join(c, "stretches/bridge.md"), "1. Lie on your back.", "1. Lie on your back on a mat.")
		}},
	{name: "a TODO left in the text", bodies: 1, pages: 1, // a warning, as in the full build
		apply: func(t *testing.T, c, l string) []string {
			return replaceIn(t, filepath.Join(c, "stretches/bridge.md"), "2. Lift your hips", "2. TODO: how high. Lift your hips")
		}},
	{name: "file saved unchanged", bodies: 0, pages: 0,
		apply: func(t *testing.T, c, l string) []string { return []string{filepath.Join(c, "stretches/bridge.md")} }},
	{name: "front matter", bodies: 0, pages: -1, // the body's bytes are the same: its HTML is kept
		apply: func(t *testing.T, c, l string) []string {
			return replaceIn(t, filepath.Join(c, "stretches/childs-pose.md"), `title = "Child's pose"`, `title = "Child's pose, resting"`)
		}},
	{name: "a reference", bodies: -1, pages: -1,
		apply: func(t *testing.T, c, l string) []string {
			// A second Gordon 2016 makes every label of the first "2016a": bodies citing
			// it must render again although their files did not change.
			f := filepath.Join(c, "references/studies.yaml")
			b, _ := os.ReadFile(f)
			return writeFile(t, f, string(b)+`- id: gordon2016b
  type: book
  author:
    - family: Gordon
      given: R.
    - family: Bloxham
      given: S.
  issued:
    date-parts: [[2016]]
  title: Exercise for the back
`)
		}},
	{name: "a routine step", bodies: 0, pages: -1,
		apply: func(t *testing.T, c, l string) []string {
			return replaceIn(t, filepath.Join(c, "routines/bedtime.md"), "    hold: 30s", "    reps: 5")
		}},
	{name: "a layout", bodies: -1, pages: -1,
		apply: func(t *testing.T, c, l string) []string {
			return replaceIn(t, filepath.Join(l, "stretch.html"), `<h1>{{.Title}}</h1>`, `<h1>{{.Title}}</h1>
<p class="note">Go gently.</p>`)
		}},
	{name: "the stylesheet", bodies: -1, pages: -1,
		apply: func(t *testing.T, c, l string) []string {
			f := filepath.Join(l, "style.css")
			b, _ := os.ReadFile(f)
			return writeFile(t, f, string(b)+"\n.note { font-weight: bold; }\n")
		}},
	{name: "a citation added to a body", bodies: 1, pages: -1,
		apply: func(t *testing.T, c, l string) []string {
			return replaceIn(t, filepath.Join(c, "stretches/open-book.md"), "Turn slowly.", "Turn slowly [@freiwald2018].")
		}},
	{name: "a picture replaced", bodies: 0, pages: 0,
		apply: func(t *testing.T, c, l string) []string {
			// Drawn in the routine's PDF handout too, which must change with it.
			return replaceIn(t, filepath.Join(c, "stretches/bridge.svg"), `x2="230" y2="140"`, `x2="200" y2="100"`)
		}},
	{name: "broken front matter", fails: true,
		apply: func(t *testing.T, c, l string) []string {
			return replaceIn(t, filepath.Join(c, "stretches/bridge.md"), "title: Bridge", "title: [Bridge")
		}},
	{name: "fixed again", bodies: 0, pages: 0, // as before the broken build: all from the memo
		apply: func(t *testing.T, c, l string) []string {
			return replaceIn(t, filepath.Join(c, "stretches/bridge.md"), "title: [Bridge", "title: Bridge")
		}},
	{name: "a new stretch, not named by the watcher", bodies: 1, pages: -1,
		apply: func(t *testing.T, c, l string) []string {
			writeFile(t, filepath.Join(c, "stretches/cat-cow.md"), "---\ntitle: Cat-cow\nsummary: Round and arch your back.\nareas: [lower-back]\nreps: 10\n---\nSee the [bridge](bridge.md).\n")
			return nil
		}},
	{name: "a deletion", bodies: 1, pages: -1,
		apply: func(t *testing.T, c, l string) []string {
			f := filepath.Join(c, "stretches/open-book.md")
			if err := os.Remove(f); err != nil {
				t.Fatal(err)
			}
			return append(replaceIn(t, filepath.Join(c, "routines/bedtime.md"), "  - stretch: open-book\n    sets: 2\n", ""), f)
		}},
	{name: "a folder of content removed", bodies: 1, pages: -1,
		apply: func(t *testing.T, c, l string) []string {
			f := filepath.Join(c, "pages")
			if err := os.RemoveAll(f); err != nil {
				t.Fatal(err)
			}
			return append(replaceIn(t, filepath.Join(c, "routines/bedtime.md"), "A [warm pack](../pages/about.md) may help", "A warm pack may help"), f)
		}},
	{name: "the same body back", bodies: 1, pages: 1,
		apply: func(t *testing.T, c, l string) []string {
			return replaceIn(t, filepath.Join(c, "stretches/bridge.md"), "1. Lie on your back on a mat.", "1. Lie on your back.")
		}},
	{name: "a numbered citation style", bodies: -1, pages: -1,
		apply: func(t *testing.T, c, l string) []string {
			return replaceIn(t, filepath.Join(c, "_index.md"), "language: en\n", "language: en\ncitation_style: vancouver\n")
		}},
	{name: "another numbered style, same numbers", bodies: -1, pages: -1, // the markers' shape alone changes
		apply: func(t *testing.T, c, l string) []string {
			return replaceIn(t, filepath.Join(c, "_index.md"), "citation_style: vancouver", "citation_style: ama")
		}},
}

// TestIncrementalEqualsFull runs a sequence of edits on a copy of the test site and
// after each compares what the Builder made, reusing its previous work, with a full
// Build of the same files: they must be equal byte for byte.
func TestIncrementalEqualsFull(t *testing.T) {
	content, layoutsDir := t.TempDir(), t.TempDir()
	if err := os.CopyFS(content, os.DirFS("testdata/site")); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(layoutsDir, os.DirFS("../layouts")); err != nil {
		t.Fatal(err)
	}
	opts := Options{Content: content, Layouts: layoutsDir, BaseURL: "https://example.org/guide/"}
	runEdits(t, opts, incrementalEdits)
}

// summaryEdits are edits to a stretch's summary, which only some pages show.
var summaryEdits = []edit{
	// The bridge's summary: its page, the pages with its card (its two areas, its
	// position, the two stretches related to it), its routine and the pages listing
	// every stretch (home, the list of stretches, the maker): 10 of 17. Not the other
	// position, the warning signs, the references, the free pages, progress or 404.
	{name: "a stretch's summary", bodies: 0, pages: 10,
		apply: func(t *testing.T, c, l string) []string {
			return replaceIn(t, filepath.Join(c, "stretches/bridge.md"), "summary: Lift your hips", "summary: Raise your hips")
		}},
	// Layouts from a folder may show any summary on any page: once they differ from
	// the built-in ones, a summary edit renders every page again.
	{name: "a layout showing every summary", bodies: -1, pages: -1,
		apply: func(t *testing.T, c, l string) []string {
			return replaceIn(t, filepath.Join(l, "red-flags.html"), `{{define "main"}}`, `{{define "main"}}{{range .Guide.Stretches}}<p>{{.Summary}}</p>{{end}}`)
		}},
	{name: "a stretch's summary, with that layout", bodies: 0, pages: -1,
		apply: func(t *testing.T, c, l string) []string {
			return replaceIn(t, filepath.Join(c, "stretches/bridge.md"), "summary: Raise your hips", "summary: Lift your hips")
		}},
}

// With the built-in layouts, an edit to a stretch's summary renders again only the
// pages showing it; with other layouts, every page. Both equal a full build.
func TestSummaryEditRendersItsPages(t *testing.T) {
	content, layoutsDir := t.TempDir(), t.TempDir()
	if err := os.CopyFS(content, os.DirFS("testdata/site")); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(layoutsDir, os.DirFS("../layouts")); err != nil {
		t.Fatal(err)
	}
	runEdits(t, Options{Content: content, Layouts: layoutsDir}, summaryEdits)
}

// runEdits builds the site of opts, then makes each edit and compares what the
// Builder made with a full Build of the same files.
func runEdits(t *testing.T, opts Options, edits []edit) {
	t.Helper()
	content, layoutsDir := opts.Content, opts.Layouts
	b, err := NewBuilder(opts)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := b.Build(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, e := range edits {
		b.Changed(e.apply(t, content, layoutsDir)...)
		got, res, err := b.Build(context.Background())

		full := opts
		full.Out = filepath.Join(t.TempDir(), "public")
		fullRes, fullErr := Build(context.Background(), full)
		if e.fails {
			var be *diag.BuildError
			if !errors.As(err, &be) || !errors.As(fullErr, &be) {
				t.Fatalf("%s: want both builds to fail, got %v and %v", e.name, err, fullErr)
			}
			if diagText(res.Problems) != diagText(fullRes.Problems) {
				t.Errorf("%s: problems differ:\n%s\nfull build:\n%s", e.name, diagText(res.Problems), diagText(fullRes.Problems))
			}
			continue
		}
		if err != nil || fullErr != nil {
			t.Fatalf("%s: incremental: %v; full: %v", e.name, err, fullErr)
		}
		if diagText(res.Problems) != diagText(fullRes.Problems) {
			t.Errorf("%s: warnings differ:\n%s\nfull build:\n%s", e.name, diagText(res.Problems), diagText(fullRes.Problems))
		}
		want := readTree(t, full.Out)
		compareTrees(t, e.name, got, want)
		bodies, pages := b.Rendered()
		if e.bodies >= 0 && bodies != e.bodies {
			t.Errorf("%s: rendered %d bodies, want %d", e.name, bodies, e.bodies)
		}
		if e.pages >= 0 && pages != e.pages {
			t.Errorf("%s: rendered %d pages, want %d", e.name, pages, e.pages)
		}
	}
}

func compareTrees(t *testing.T, step string, got, want map[string][]byte) {
	t.Helper()
	var names []string
	for p := range want {
		names = append(names, p)
	}
	sort.Strings(names)
	for _, p := range names {
		if g, ok := got[p]; !ok {
			t.Errorf("%s: %s is missing from the incremental build", step, p)
		} else if !bytes.Equal(g, want[p]) && !utf8.Valid(g) {
			t.Errorf("%s: %s differs from the full build", step, p)
		} else if !bytes.Equal(g, want[p]) {
			t.Errorf("%s: %s differs from the full build:\n%s\nfull build:\n%s", step, p, g, want[p])
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("%s: %s was built incrementally but not by the full build", step, p)
		}
	}
}

func diagText(l diag.List) string {
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.String() + "\n")
	}
	return b.String()
}

// TestBuilderRetriesBrokenLayouts checks that a layout that does not parse fails
// the build, and that the builder reads the layouts again once they are fixed.
func TestBuilderRetriesBrokenLayouts(t *testing.T) {
	layoutsDir := t.TempDir()
	if err := os.CopyFS(layoutsDir, os.DirFS("../layouts")); err != nil {
		t.Fatal(err)
	}
	b, err := NewBuilder(Options{Content: "testdata/site", Layouts: layoutsDir})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := b.Build(context.Background()); err != nil {
		t.Fatal(err)
	}
	b.Changed(replaceIn(t, filepath.Join(layoutsDir, "page.html"), "{{.Page.Title}}", "{{.Page.Title")...)
	if _, _, err := b.Build(context.Background()); err == nil || !strings.Contains(err.Error(), "page.html") {
		t.Fatalf("want an error naming page.html, got %v", err)
	}
	b.Changed(replaceIn(t, filepath.Join(layoutsDir, "page.html"), "{{.Page.Title", "{{.Page.Title}}")...)
	if _, _, err := b.Build(context.Background()); err != nil {
		t.Fatalf("after the fix: %v", err)
	}
}

// TestLazyHandouts builds with the PDF handouts made on request, as serve does: the
// files leave them out, and each one asked for is the full build's, before and after
// an edit that changes it.
func TestLazyHandouts(t *testing.T) {
	content := t.TempDir()
	if err := os.CopyFS(content, os.DirFS("testdata/site")); err != nil {
		t.Fatal(err)
	}
	opts := Options{Content: content}
	b, err := NewBuilder(opts)
	if err != nil {
		t.Fatal(err)
	}
	b.LazyPDF = true
	for i, edit := range []func() []string{
		func() []string { return nil },
		func() []string {
			return replaceIn(t, filepath.Join(content, "stretches/bridge.md"), "title: Bridge", "title: Bridge, hips up")
		},
	} {
		b.Changed(edit()...)
		got, _, err := b.Build(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		full := opts
		full.Out = filepath.Join(t.TempDir(), "public")
		if _, err := Build(context.Background(), full); err != nil {
			t.Fatal(err)
		}
		want := readTree(t, full.Out)
		if _, ok := got["routines/bedtime.pdf"]; ok {
			t.Fatal("the handout was made with the pages")
		}
		make := b.Handouts()
		pdf, err := make("routines/bedtime.pdf")
		if err != nil || !bytes.Equal(pdf, want["routines/bedtime.pdf"]) || len(pdf) == 0 {
			t.Errorf("build %d: the handout made on request differs from the full build's (%v)", i, err)
		}
		if _, err := make("routines/nothing.pdf"); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("an unknown handout: %v", err)
		}
		delete(want, "routines/bedtime.pdf")
		// The service worker lists the handouts it keeps, and serve registers none.
		delete(want, "sw.js")
		delete(got, "sw.js")
		compareTrees(t, fmt.Sprint("build ", i), got, want)
	}
}
