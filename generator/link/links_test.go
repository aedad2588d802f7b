package link_test

import (
	"bufio"
	"bytes"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/link"
	"github.com/stretchguide/stretchguide/generator/load"
	"github.com/stretchguide/stretchguide/generator/render"
	"github.com/stretchguide/stretchguide/layouts"
)

const (
	markSep = "//- - - - - - - - -//"
	markEnd = "//= = = = = = = = = = = = = = = = = = = = = = = =//"
)

type linkCase struct {
	name, input, want string
	line              int
}

// readCases reads numbered cases: a "N: description" line, markSep, the Markdown of
// a page, markSep, what it gives, markEnd. Lines between cases are ignored.
func readCases(t *testing.T, path string) []linkCase {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var cases []linkCase
	var cur linkCase
	part := 0 // 0 between cases, 1 header read, 2 input, 3 expected
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case part == 0 && strings.TrimSpace(line) == "":
		case part == 0:
			cur, part = linkCase{name: line, line: n}, 1
		case line == markSep && (part == 1 || part == 2):
			part++
		case line == markEnd && part == 3:
			cases, part = append(cases, cur), 0
		case part == 2:
			cur.input += line + "\n"
		case part == 3:
			cur.want += line + "\n"
		default:
			t.Fatalf("%s:%d: unexpected line %q", path, n, line)
		}
	}
	if part != 0 {
		t.Fatalf("%s: case at line %d is not closed", path, cur.line)
	}
	return cases
}

// TestLinkCases links the test site with one more page, content/pages/case.md, whose
// body is each case's Markdown. A case gives the HTML of that body, with every link
// and citation as the table resolved it, or, when linking the page fails, the errors
// reported on it.
func TestLinkCases(t *testing.T) {
	site := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("../testdata/site"), ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := fs.ReadFile(os.DirFS("../testdata/site"), p)
		site[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	ls, err := render.ParseLayouts(layouts.FS)
	if err != nil {
		t.Fatal(err)
	}
	cases := readCases(t, "testdata/links.txt")
	if len(cases) < 10 {
		t.Fatalf("only %d cases", len(cases))
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			site["pages/case.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Case\n---\n" + c.input)}
			var problems diag.List
			ln := link.Link(load.Load(site, "content", load.NewParser(), &problems), "", &problems)
			var got strings.Builder
			for _, d := range problems {
				if d.Path == "content/pages/case.md" && d.Severity == diag.Error {
					got.WriteString(d.String() + "\n")
				}
			}
			if got.Len() == 0 {
				for p, d := range ln.Docs {
					if p.Slug == "case" {
						if err := render.NewMarkdown(ls, ln.Table).Renderer().Render(&got, d.Body, d.Tree); err != nil {
							t.Fatal(err)
						}
					}
				}
			}
			if got.String() != c.want {
				t.Errorf("links.txt:%d\ninput:\n%s\ngot:\n%s\nwant:\n%s", c.line, c.input, got.String(), c.want)
			}
		})
	}
}
