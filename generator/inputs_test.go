package generator

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchguide/stretchguide/generator/diag"
)

// secret marks the bytes of files outside the content folder: they must appear
// nowhere in what a build writes or reports.
const secret = "SECRET-bytes-from-outside-the-guide"

// outsideFile writes a file with the secret outside any content folder and gives
// its path.
func outsideFile(t *testing.T, name, text string) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(file, []byte(text+"\n<!-- "+secret+" -->\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// setImage points the test site's bridge stretch at another picture.
func setImage(t *testing.T, dir, image string) {
	t.Helper()
	file := filepath.Join(dir, "stretches", "bridge.md")
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.Replace(b, []byte("image: bridge.svg\n"), []byte("image: "+image+"\n"), 1)
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

const svgHead = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">` + "\n"

// refusedInputs are content trees a build must refuse: each setup changes a copy of
// testdata/site at dir; want lists problems (content/ stands for dir).
var refusedInputs = []struct {
	name  string
	setup func(t *testing.T, dir string)
	want  []string
}{
	{"picture linked outside", func(t *testing.T, dir string) {
		must(t, os.Remove(filepath.Join(dir, "stretches/bridge.svg")))
		must(t, os.Symlink(outsideFile(t, "evil.svg", svgHead+"</svg>"), filepath.Join(dir, "stretches/bridge.svg")))
	}, []string{`content/stretches/bridge.md:18:8: error: the image "bridge.svg" is a link to a file outside the content folder`}},
	{"page linked outside", func(t *testing.T, dir string) {
		src, err := os.ReadFile(filepath.Join(dir, "stretches/open-book.md"))
		must(t, err)
		must(t, os.Symlink(outsideFile(t, "linked.md", string(src)), filepath.Join(dir, "stretches/linked.md")))
	}, []string{"content/stretches/linked.md:1:1: error: the file is a link to a place outside the content folder"}},
	{"references linked outside", func(t *testing.T, dir string) {
		must(t, os.Symlink(outsideFile(t, "refs.yaml", "- id: x\n  type: book\n  title: X"), filepath.Join(dir, "references/more.yaml")))
	}, []string{"content/references/more.yaml:1:1: error: the file is a link to a place outside the content folder"}},
	{"page linked to dev zero", func(t *testing.T, dir string) {
		must(t, os.Symlink("/dev/zero", filepath.Join(dir, "pages/x.md")))
	}, []string{"content/pages/x.md:1:1: error: the file is a link to a place outside the content folder"}},
	{"page that is a FIFO", func(t *testing.T, dir string) {
		must(t, syscall.Mkfifo(filepath.Join(dir, "pages/y.md"), 0o644))
	}, []string{"content/pages/y.md:1:1: error: the file is not a regular file"}},
	{"picture that is a FIFO", func(t *testing.T, dir string) {
		must(t, os.Remove(filepath.Join(dir, "stretches/bridge.svg")))
		must(t, syscall.Mkfifo(filepath.Join(dir, "stretches/bridge.svg"), 0o644))
	}, []string{`content/stretches/bridge.md:18:8: error: the image "bridge.svg" is not a regular file`}},
	{"picture in .git", func(t *testing.T, dir string) {
		must(t, os.MkdirAll(filepath.Join(dir, ".git"), 0o755))
		must(t, os.WriteFile(filepath.Join(dir, ".git/config"), []byte("[core]\n"+secret+"\n"), 0o644))
		setImage(t, dir, "../.git/config")
	}, []string{`content/stretches/bridge.md:18:8: error: the image "../.git/config" is a hidden file`}},
	{"picture that is YAML", func(t *testing.T, dir string) {
		must(t, os.WriteFile(filepath.Join(dir, "stretches/notes.yaml"), []byte(secret+": yes\n"), 0o644))
		setImage(t, dir, "notes.yaml")
	}, []string{`content/stretches/bridge.md:18:8: error: the image "notes.yaml" is not a picture file`}},
	{"hidden picture", func(t *testing.T, dir string) {
		must(t, os.WriteFile(filepath.Join(dir, "stretches/.hidden.png"), []byte("\x89PNG\r\n\x1a\n"+secret), 0o644))
		setImage(t, dir, ".hidden.png")
	}, []string{`content/stretches/bridge.md:18:8: error: the image ".hidden.png" is a hidden file`}},
	{"PNG that is text", func(t *testing.T, dir string) {
		must(t, os.WriteFile(filepath.Join(dir, "stretches/text.png"), []byte(secret+"\n"), 0o644))
		setImage(t, dir, "text.png")
	}, []string{`content/stretches/bridge.md:18:8: error: the image "text.png" is not a PNG picture`}},
	{"SVG with a script", badSVG("<g>\n  <script>alert(1)</script>\n</g>"),
		[]string{"content/stretches/bridge.svg:3:3: error: the picture has a <script> element", badSVGLine}},
	{"SVG with onload", badSVG(`<rect width="2" onload="alert(1)"/>`),
		[]string{"content/stretches/bridge.svg:2:17: error: the attribute onload runs code", badSVGLine}},
	{"SVG with a javascript: link", badSVG(`<a xlink:href="javascript:alert(1)"><rect/></a>`),
		[]string{"content/stretches/bridge.svg:2:4: error: the attribute href holds a javascript: address", badSVGLine}},
	{"SVG with foreignObject", badSVG(`<foreignObject width="5" height="5"><p xmlns="http://www.w3.org/1999/xhtml">Hi</p></foreignObject>`),
		[]string{"content/stretches/bridge.svg:2:1: error: the picture has a <foreignObject> element", badSVGLine}},
	{"SVG that loads from another site", badSVG(`<image href="https://example.org/track.png" width="5" height="5"/>`),
		[]string{"content/stretches/bridge.svg:2:8: error: the attribute href points to another site", badSVGLine}},
}

const badSVGLine = `content/stretches/bridge.md:18:8: error: the image "bridge.svg" is not a safe SVG picture`

// badSVG replaces the test site's bridge picture with one holding body (from line 2).
func badSVG(body string) func(t *testing.T, dir string) {
	return func(t *testing.T, dir string) {
		must(t, os.WriteFile(filepath.Join(dir, "stretches/bridge.svg"), []byte(svgHead+body+"\n<!-- "+secret+" -->\n</svg>\n"), 0o644))
	}
}

// guarded runs f, failing the test if it has not returned within a generous time:
// a build that opened a FIFO or read /dev/zero would never return.
func guarded(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(2 * time.Minute):
		t.Fatalf("%s has not returned: it is stuck reading an input", what)
	}
}

// TestBuildRefusesWhatIsNotItsOwn runs Check and Build on each refused input: each
// reports the problem where the author can fix it, the output folder stays exactly
// as it was, and no byte from outside the guide shows up anywhere.
func TestBuildRefusesWhatIsNotItsOwn(t *testing.T) {
	for _, c := range refusedInputs {
		t.Run(c.name, func(t *testing.T) {
			out := buildSite(t, Options{})
			before := readTree(t, out)
			dir := filepath.Join(t.TempDir(), "content")
			must(t, os.CopyFS(dir, os.DirFS("testdata/site")))
			c.setup(t, dir)
			var checked, built, served diag.List
			var err, serr error
			var files map[string][]byte
			guarded(t, "check", func() { checked = Check(Options{Content: dir, Today: testToday}) })
			guarded(t, "build", func() {
				var res Result
				res, err = Build(context.Background(), Options{Content: dir, Out: out})
				built = res.Problems
			})
			guarded(t, "the Builder of serve", func() { // what the dev server serves
				b, err := NewBuilder(Options{Content: dir, NoPDF: true})
				must(t, err)
				var res Result
				files, res, serr = b.Build(context.Background())
				served = res.Problems
			})
			for what, err := range map[string]error{"build": err, "Builder": serr} {
				if be := (*diag.BuildError)(nil); !errors.As(err, &be) {
					t.Errorf("%s: want a BuildError, got %v", what, err)
				}
			}
			if files != nil {
				t.Errorf("the Builder gave files to serve")
			}
			for _, w := range c.want {
				w = strings.Replace(w, "content/", filepath.ToSlash(dir)+"/", 1)
				for what, l := range map[string]diag.List{"check": checked, "build": built, "Builder": served} {
					if !containsPrefix(l, w) {
						t.Errorf("%s: want %s\ngot:\n%s", what, w, list(l))
					}
				}
			}
			if strings.Contains(list(checked)+list(built)+list(served), secret) {
				t.Errorf("the problems quote a file from outside the guide")
			}
			after := readTree(t, out)
			if len(after) != len(before) {
				t.Errorf("output changed from %d to %d files", len(before), len(after))
			}
			for p, b := range after {
				if !bytes.Equal(before[p], b) {
					t.Errorf("%s changed after a failed build", p)
				}
				if bytes.Contains(b, []byte(secret)) {
					t.Errorf("%s holds bytes from outside the guide", p)
				}
			}
		})
	}
}

// TestLayoutInputsAreRefused: a layouts file that links out of the layouts folder,
// or is a FIFO, stops Check and Build, naming the file.
func TestLayoutInputsAreRefused(t *testing.T) {
	t.Run("link outside", func(t *testing.T) {
		testLayoutRefused(t, "base.html", "the file is a link to a place outside the layouts folder", func(file string) error {
			must(t, os.Remove(file))
			return os.Symlink(outsideFile(t, "base.html", `{{define "base"}}{{end}}`), file)
		})
	})
	t.Run("FIFO", func(t *testing.T) {
		testLayoutRefused(t, "extra.css", "the file is not a regular file", func(file string) error {
			return syscall.Mkfifo(file, 0o644)
		})
	})
}

func testLayoutRefused(t *testing.T, name, msg string, setup func(file string) error) {
	lay := filepath.Join(t.TempDir(), "layouts")
	must(t, os.CopyFS(lay, os.DirFS("../layouts")))
	must(t, setup(filepath.Join(lay, name)))
	out := filepath.Join(t.TempDir(), "public")
	want := filepath.Join(lay, name) + ":1: " + msg
	var err error
	var checked diag.List
	guarded(t, "build", func() {
		_, err = Build(context.Background(), Options{Content: "testdata/site", Layouts: lay, Out: out})
	})
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("build: want an error with %q, got %v", want, err)
	}
	guarded(t, "check", func() { checked = Check(Options{Content: "testdata/site", Layouts: lay, Today: testToday}) })
	if !containsPrefix(checked, strings.Replace(want, ":1:", ":1:1: error:", 1)) {
		t.Errorf("check: want %q, got:\n%s", want, list(checked))
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a failed build wrote %s", out)
	}
}

// TestLinksInsideTheFolderStillWork: a picture or page linked to a file inside the
// content folder is read as the file itself.
func TestLinksInsideTheFolderStillWork(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	must(t, os.CopyFS(dir, os.DirFS("testdata/site")))
	must(t, os.Rename(filepath.Join(dir, "stretches/bridge.svg"), filepath.Join(dir, "pages/bridge-drawing.svg")))
	must(t, os.Symlink("../pages/bridge-drawing.svg", filepath.Join(dir, "stretches/bridge.svg")))
	out := buildSite(t, Options{Content: dir})
	if _, err := os.Stat(filepath.Join(out, "stretches/bridge/bridge.svg")); err != nil {
		t.Errorf("the linked picture was not published: %v", err)
	}
}
