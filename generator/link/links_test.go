package link_test

import (
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/internal/casefile"
	"github.com/stretchguide/stretchguide/generator/link"
	"github.com/stretchguide/stretchguide/generator/load"
	"github.com/stretchguide/stretchguide/generator/render"
	"github.com/stretchguide/stretchguide/layouts"
)

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
	cases := casefile.Read(t, "testdata/links.txt")
	if len(cases) < 10 {
		t.Fatalf("only %d cases", len(cases))
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			site["pages/case.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Case\n---\n" + c.Input)}
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
						if err := render.RenderBody(&got, render.NewMarkdown(ls, ln.Table), ln.Table, d); err != nil {
							t.Fatal(err)
						}
					}
				}
			}
			if got.String() != c.Want {
				t.Errorf("links.txt:%d\ninput:\n%s\ngot:\n%s\nwant:\n%s", c.Line, c.Input, got.String(), c.Want)
			}
		})
	}
}
