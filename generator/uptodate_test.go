package generator

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchguide/stretchguide/generator/write"
)

// A build whose program, options and input files are those of the build the output
// folder holds, with nothing in the folder touched since, writes nothing and says
// what that build said. Any change to a content or layouts file, an option or the
// folder builds again, and so does undoing a change: the folder then holds the other
// build. A hidden file in the content folder is not an input.
func TestBuildUpToDate(t *testing.T) {
	content := copySite(t)
	writeFile(t, filepath.Join(content, "notes.md"), "# Notes\n") // a warning every build reports
	layouts := filepath.Join(t.TempDir(), "layouts")
	if err := os.CopyFS(layouts, os.DirFS("../layouts")); err != nil {
		t.Fatal(err)
	}
	opts := Options{Content: content, Out: filepath.Join(t.TempDir(), "public"), NoPDF: true}
	build := func(step string, wantUpToDate bool) Result {
		t.Helper()
		res, err := Build(context.Background(), opts)
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		if res.UpToDate != wantUpToDate {
			t.Fatalf("%s: UpToDate = %v, want %v", step, res.UpToDate, wantUpToDate)
		}
		return res
	}
	first := build("first build", false)
	if first.Problems.Warnings() != 1 {
		t.Fatalf("the first build reported %v, want one warning", first.Problems)
	}
	tree, times := readTree(t, opts.Out), modTimes(t, opts.Out)
	memo, err := os.ReadFile(write.CachePath(opts.Out))
	if err != nil {
		t.Fatal(err)
	}
	again := build("nothing changed", true)
	if again.Bodies != 0 || again.Pages != 0 || !reflect.DeepEqual(again.Problems, first.Problems) ||
		again.Summary != first.Summary || again.Files != first.Files {
		t.Errorf("an up-to-date build reported %+v, want what the first did, %+v, and nothing rendered", again, first)
	}
	compareTrees(t, "nothing changed", readTree(t, opts.Out), tree)
	if now := modTimes(t, opts.Out); !reflect.DeepEqual(now, times) {
		t.Error("an up-to-date build touched the output folder")
	}
	if now, err := os.ReadFile(write.CachePath(opts.Out)); err != nil || string(now) != string(memo) {
		t.Errorf("an up-to-date build changed the memo (%v)", err)
	}

	stretch := filepath.Join(content, "stretches", "bridge.md")
	src := readFile(t, stretch)
	later := time.Now().Add(time.Hour)
	for _, c := range []struct {
		name    string
		change  func()
		rebuild bool
	}{
		{"a hidden file added", func() { writeFile(t, filepath.Join(content, ".bridge.md.swp"), "x") }, false},
		{"a stretch's text", func() { writeFile(t, stretch, src+"\nOne more sentence.\n") }, true},
		{"the stretch's text put back", func() { writeFile(t, stretch, src) }, true},
		{"the base URL", func() { opts.BaseURL = "https://example.org/guide/" }, true},
		{"handouts made", func() { opts.NoPDF = false }, true},
		{"a layouts folder", func() { opts.Layouts = layouts }, true},
		{"a layout", func() {
			f := filepath.Join(layouts, "base.html")
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, f, string(b)+"{{/* changed */}}\n")
		}, true},
		{"a page of the output touched", func() {
			if err := os.Chtimes(filepath.Join(opts.Out, "index.html"), later, later); err != nil {
				t.Fatal(err)
			}
		}, true},
	} {
		c.change()
		build(c.name, !c.rebuild)
		build(c.name+", then nothing", true)
	}
}

// modTimes gives the modification time of every file below dir.
func modTimes(t *testing.T, dir string) map[string]time.Time {
	t.Helper()
	times := map[string]time.Time{}
	err := filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		info, err := e.Info()
		times[p] = info.ModTime()
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return times
}

// A build stamps its folder only with the inputs it read: a content file or a layout
// changed after the inputs were hashed and before the build read them makes
// builtFrom false, and nothing changed makes it true.
func TestBuiltFromSeesFilesSavedDuringTheBuild(t *testing.T) {
	content := copySite(t)
	layouts := filepath.Join(t.TempDir(), "layouts")
	if err := os.CopyFS(layouts, os.DirFS("../layouts")); err != nil {
		t.Fatal(err)
	}
	opts := Options{Content: content, Layouts: layouts, NoPDF: true}
	appendTo := func(file, text string) {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, file, string(b)+text)
	}
	for _, c := range []struct {
		name   string
		change func()
		want   bool
	}{
		{"nothing", func() {}, true},
		{"a stretch", func() { appendTo(filepath.Join(content, "stretches", "bridge.md"), "\nOne more line.\n") }, false},
		{"a layout", func() { appendTo(filepath.Join(layouts, "base.html"), "{{/* changed */}}\n") }, false},
		{"a new file", func() { writeFile(t, filepath.Join(content, "pages", "new.md"), "---\ntitle: New\n---\nNew.\n") }, false},
	} {
		in, ok := hashInputs(opts)
		if !ok {
			t.Fatal("the inputs could not be hashed")
		}
		c.change()
		b, err := NewBuilder(opts)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := b.Build(context.Background()); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got := b.builtFrom(in); got != c.want {
			t.Errorf("%s changed after hashing: builtFrom = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestUpToDateSaysWhereTheGradesAre: build --verbose lists each page's reading grade;
// when the folder is up to date nothing is measured, and the log says where to find
// them instead of leaving them out without a word.
func TestUpToDateSaysWhereTheGradesAre(t *testing.T) {
	var log strings.Builder
	opts := Options{Content: "testdata/site", Out: filepath.Join(t.TempDir(), "public"), NoPDF: true, Log: &log}
	for i := range 2 {
		log.Reset()
		res, err := Build(context.Background(), opts)
		if err != nil {
			t.Fatal(err)
		}
		says := strings.Contains(log.String(), "check --grades")
		if res.UpToDate != (i == 1) || says != res.UpToDate {
			t.Errorf("build %d: up to date %v, and the log says where the grades are: %v\n%s", i+1, res.UpToDate, says, log.String())
		}
	}
}
