package link_test

import (
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/link"
	"github.com/stretchguide/stretchguide/generator/load"
)

// reuseSite is the test site with a page that links to a section of another and
// cites a reference, each file loaded once, so that a test can change one file and
// keep the documents of the others, as serve does.
type reuseSite struct {
	t     *testing.T
	fsys  fstest.MapFS
	files map[string]load.File
}

func newReuseSite(t *testing.T) *reuseSite {
	s := &reuseSite{t: t, fsys: fstest.MapFS{}, files: map[string]load.File{}}
	site := os.DirFS("../testdata/site")
	err := fs.WalkDir(site, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := fs.ReadFile(site, p)
		s.fsys[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	s.fsys["pages/target.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Target\n---\n## Warm up\n\nWalk first.\n")}
	s.fsys["pages/linker.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Linker\n---\nSee [how to warm up](target.md#warm-up) [@gordon2016].\n")}
	for p := range s.fsys {
		s.load(p)
	}
	return s
}

// load loads the file at p again.
func (s *reuseSite) load(p string) {
	s.files[p] = load.LoadFile(s.fsys, "content", p, load.NewParser(), nil)
}

// edit changes the file at p and loads it again.
func (s *reuseSite) edit(p, from, to string) {
	s.t.Helper()
	old := string(s.fsys[p].Data)
	if !strings.Contains(old, from) {
		s.t.Fatalf("%s has no %q", p, from)
	}
	s.fsys[p] = &fstest.MapFile{Data: []byte(strings.Replace(old, from, to, 1))}
	s.load(p)
}

// link links the loaded files with r, and returns the guide, its problems and what
// the linking page's link and citation resolved to.
func (s *reuseSite) link(r *link.Reuse) (*link.Linked, diag.List, []string) {
	s.t.Helper()
	c := &load.Content{Files: s.fsys}
	var problems diag.List
	paths := make([]string, 0, len(s.files))
	for p := range s.files {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		problems.Append(s.files[p].Problems)
		c.Add(s.files[p].Doc, s.files[p].Refs)
		c.AddPicture(p, s.files[p].Picture)
	}
	ln := link.LinkReusing(c, "", &problems, r)
	for p, d := range ln.Docs {
		if p.Slug == "linker" {
			return ln, problems, ln.Table.Resolved(d)
		}
	}
	s.t.Fatal("no linking page")
	return nil, nil, nil
}

// errorsOf lists the errors reported on the file at p.
func errorsOf(problems diag.List, p string) []string {
	var out []string
	for _, d := range problems {
		if d.Path == "content/"+p && d.Severity == diag.Error {
			out = append(out, d.Message)
		}
	}
	return out
}

// TestReuseResolvesOnlyWhatChanged: linking again resolves only the bodies of
// changed documents, and gives what linking from nothing gives.
func TestReuseResolvesOnlyWhatChanged(t *testing.T) {
	s := newReuseSite(t)
	r := &link.Reuse{}
	_, _, first := s.link(r)
	if r.Resolved < 5 {
		t.Fatalf("the first linking resolved %d bodies", r.Resolved)
	}
	ln, _, again := s.link(r)
	if r.Resolved != 0 {
		t.Errorf("linking the same documents again resolved %d bodies, want 0", r.Resolved)
	}
	if !slices.Equal(first, again) || !strings.Contains(strings.Join(again, " "), "../target/#warm-up") {
		t.Errorf("reused %q, first resolved %q", again, first)
	}
	cited := false
	for p := range ln.Docs {
		if p.Slug == "linker" {
			cited = slices.ContainsFunc(p.Citations, func(r *guide.Reference) bool { return r.Key == "gordon2016" })
		}
	}
	if !cited {
		t.Error("a reused body's page does not list the reference it cites")
	}
	s.edit("pages/target.md", "Walk first.", "Walk for five minutes first.")
	s.link(r)
	if r.Resolved != 1 {
		t.Errorf("after an edit to one body's text, %d bodies were resolved, want 1", r.Resolved)
	}
}

// TestReuseSeesWhatLinksLeadTo: a body left as it was is resolved again when what
// its links and citations lead to changed, so nothing stale is reused.
func TestReuseSeesWhatLinksLeadTo(t *testing.T) {
	cases := []struct {
		name, file, from, to string
		check                func(t *testing.T, problems diag.List, resolved []string)
	}{
		{"a heading it links to is renamed", "pages/target.md", "## Warm up", "## Get ready",
			func(t *testing.T, problems diag.List, _ []string) {
				if errs := errorsOf(problems, "pages/linker.md"); len(errs) != 1 || !strings.Contains(errs[0], "no section #warm-up") {
					t.Errorf("errors on the linking page: %q", errs)
				}
			}},
		{"the page it links to is removed", "pages/target.md", "", "",
			func(t *testing.T, problems diag.List, _ []string) {
				if errs := errorsOf(problems, "pages/linker.md"); len(errs) != 1 || !strings.Contains(errs[0], "does not exist") {
					t.Errorf("errors on the linking page: %q", errs)
				}
			}},
		{"the reference it cites changes its year", "references/studies.yaml", "date-parts: [[2016]]", "date-parts: [[2017]]",
			func(t *testing.T, _ diag.List, resolved []string) {
				if got := strings.Join(resolved, " "); !strings.Contains(got, "2017") {
					t.Errorf("the citation resolved to %q, without the new year", got)
				}
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := newReuseSite(t)
			r := &link.Reuse{}
			if _, problems, _ := s.link(r); len(errorsOf(problems, "pages/linker.md")) > 0 {
				t.Fatalf("the linking page has errors before the change: %v", errorsOf(problems, "pages/linker.md"))
			}
			if c.from == "" {
				delete(s.fsys, c.file)
				delete(s.files, c.file)
			} else {
				s.edit(c.file, c.from, c.to)
			}
			_, problems, resolved := s.link(r)
			c.check(t, problems, resolved)
		})
	}
}
