package generator

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchguide/stretchguide/generator/load"
)

// builderOver returns a Builder of a copy of the test site, without handouts, that
// reads the copy through what wrap makes of it, and the copy's folder.
func builderOver(t *testing.T, wrap func(fs.StatFS) fs.FS) (*Builder, string) {
	t.Helper()
	content := t.TempDir()
	if err := os.CopyFS(content, os.DirFS("testdata/site")); err != nil {
		t.Fatal(err)
	}
	b, err := NewBuilder(Options{Content: content, NoPDF: true})
	if err != nil {
		t.Fatal(err)
	}
	b.src = load.Inputs(wrap(os.DirFS(content).(fs.StatFS)))
	return b, content
}

// listCounter is a folder that counts how often its top is listed.
type listCounter struct {
	fs.StatFS
	lists *atomic.Int32
}

func (c listCounter) ReadDir(name string) ([]fs.DirEntry, error) {
	if name == "." {
		c.lists.Add(1)
	}
	return fs.ReadDir(c.StatFS, name)
}

// A save of a file the last build read rebuilds without listing the content folder
// again (at 1,000 stretches the listing was a fifth of serve's rebuild); a new,
// removed or unnamed change lists it again, so nothing is missed.
func TestNamedEditSkipsListing(t *testing.T) {
	var lists atomic.Int32
	b, content := builderOver(t, func(dir fs.StatFS) fs.FS { return listCounter{dir, &lists} })
	bridge := filepath.Join(content, "stretches", "bridge.md")
	steps := []struct {
		name   string
		change func() []string
		lists  int32  // listings of the folder the build makes
		page   string // a page the build must have
		gone   string // a page the build must not have
	}{
		{"first build", func() []string { return nil }, 1, "stretches/bridge/index.html", ""},
		{"a saved stretch", func() []string { return replaceIn(t, bridge, "title: Bridge", "title: Bridge, hips up") }, 0, "stretches/bridge/index.html", ""},
		{"saved twice before the build", func() []string {
			return append(replaceIn(t, bridge, "Bridge, hips up", "Bridge, hips high"), bridge)
		}, 0, "stretches/bridge/index.html", ""},
		{"a new file named", func() []string {
			return writeFile(t, filepath.Join(content, "stretches", "cat-cow.md"), "---\ntitle: Cat-cow\nsummary: Round and arch your back.\nareas: [lower-back]\nreps: 10\n---\nSlowly.\n")
		}, 1, "stretches/cat-cow/index.html", ""},
		{"a removed file named", func() []string {
			f := filepath.Join(content, "stretches", "cat-cow.md")
			if err := os.Remove(f); err != nil {
				t.Fatal(err)
			}
			return []string{f}
		}, 1, "", "stretches/cat-cow/index.html"},
		{"a new file not named", func() []string {
			writeFile(t, filepath.Join(content, "stretches", "cat-cow.md"), "---\ntitle: Cat-cow\nsummary: Round and arch your back.\nareas: [lower-back]\nreps: 10\n---\nSlowly.\n")
			return nil
		}, 1, "stretches/cat-cow/index.html", ""},
		{"a folder named", func() []string { return []string{filepath.Join(content, "stretches")} }, 1, "stretches/cat-cow/index.html", ""},
	}
	for _, s := range steps {
		before := lists.Load()
		b.Changed(s.change()...)
		out, _, err := b.Build(context.Background())
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if got := lists.Load() - before; got != s.lists {
			t.Errorf("%s: the content folder was listed %d times, want %d", s.name, got, s.lists)
		}
		if _, ok := out[s.page]; s.page != "" && !ok {
			t.Errorf("%s: no %s", s.name, s.page)
		}
		if _, ok := out[s.gone]; s.gone != "" && ok {
			t.Errorf("%s: %s is still there", s.name, s.gone)
		}
		if s.name == "a saved stretch" && !strings.Contains(string(out["stretches/bridge/index.html"]), "Bridge, hips up") {
			t.Errorf("%s: the page does not show the edit", s.name)
		}
	}
}

// openCounter is a folder that counts how often each file is opened.
type openCounter struct {
	fs.StatFS
	mu     sync.Mutex
	opened map[string]int
}

func (c *openCounter) Open(name string) (fs.File, error) {
	c.mu.Lock()
	c.opened[name]++
	c.mu.Unlock()
	return c.StatFS.Open(name)
}

func (c *openCounter) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(c.StatFS, name) }

// A rebuild after a page's text changed renders the pictures from the bytes loading
// read, without opening them again (2,000 pictures were a tenth of a rebuild); a
// replaced picture is read again and published.
func TestRebuildKeepsPictures(t *testing.T) {
	files := &openCounter{opened: map[string]int{}}
	b, content := builderOver(t, func(dir fs.StatFS) fs.FS { files.StatFS = dir; return files })
	const svg = "stretches/bridge.svg"
	build := func() map[string][]byte {
		out, _, err := b.Build(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	first := build()
	published := ""
	for name, data := range first {
		if strings.HasSuffix(name, ".svg") && strings.Contains(name, "bridge") {
			published = name
			if orig, _ := os.ReadFile(filepath.Join(content, svg)); !bytes.Equal(data, orig) {
				t.Fatalf("%s differs from %s", name, svg)
			}
		}
	}
	if published == "" {
		t.Fatal("the bridge's picture is not published")
	}
	before := files.opened[svg]
	b.Changed(replaceIn(t, filepath.Join(content, "stretches", "bridge.md"), "1. Lie on your back.", "1. Lie on your back on a mat.")...)
	build()
	if n := files.opened[svg] - before; n != 0 {
		t.Errorf("a text edit opened the picture %d times", n)
	}
	replaced := []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>`)
	if err := os.WriteFile(filepath.Join(content, svg), replaced, 0o644); err != nil {
		t.Fatal(err)
	}
	b.Changed(filepath.Join(content, svg))
	if got := build()[published]; !bytes.Equal(got, replaced) {
		t.Errorf("after the picture was replaced, %s is %q", published, got)
	}
}
