package generator

import (
	"context"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchguide/stretchguide/generator/write"
)

// snapshot records everything below root: each folder, each link's target and each
// file's content, by path.
func snapshot(t *testing.T, root string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		switch {
		case e.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			got[rel] = "link " + target
			return err
		case e.IsDir():
			got[rel] = "folder"
		default:
			b, err := os.ReadFile(p)
			got[rel] = "file " + string(b)
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// mkfiles makes each file, with its folders, below root; a name ending in / is an
// empty folder.
func mkfiles(t *testing.T, root string, names ...string) {
	t.Helper()
	for _, n := range names {
		p := filepath.Join(root, filepath.FromSlash(n))
		if strings.HasSuffix(n, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("not the build's: "+n), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// The path check refuses, without touching anything, every output folder whose
// replacement could lose what is not the build's own. It only reads, so "/" is safe
// to test here; the home folder is a temporary one all the same.
func TestCheckOutPathRefuses(t *testing.T) {
	root := t.TempDir()
	content, layouts := filepath.Join(root, "site", "content"), filepath.Join(root, "site", "layouts")
	mkfiles(t, root, "site/content/_index.md", "site/layouts/", "a-file")
	if err := os.Symlink(filepath.Join(root, "site"), filepath.Join(root, "link")); err != nil {
		t.Fatal(err)
	}
	mkfiles(t, root, "users/me/", "work/here/")
	t.Setenv("HOME", filepath.Join(root, "users", "me"))
	t.Chdir(filepath.Join(root, "work", "here"))
	cases := []struct{ out, want string }{
		{"/", "/: it is the root of the disk"},
		{content, "it is the content folder"},
		{filepath.Join(content, "public"), "it is inside the content folder"},
		{filepath.Join(root, "link", "content", "public"), "it is inside the content folder"},
		{filepath.Join(root, "site"), "it holds the content folder"},
		{layouts, "it is the layouts folder"},
		{filepath.Join(layouts, "out"), "it is inside the layouts folder"},
		{".", "it is the folder you are working in"},
		{"..", "it holds the folder you are working in"},
		{filepath.Join(root, "a-file"), "it is a file, not a folder"},
		{filepath.Join(root, "link"), "it is a link to "},
		{filepath.Join(root, "a-file", "public"), "its path cannot be read"},
		{filepath.Join(root, "users", "me"), "it is your home folder"},
		{filepath.Join(root, "users"), "it holds your home folder"},
	}
	before := snapshot(t, root)
	for _, c := range cases {
		err := write.CheckOutPath(c.out, content, layouts)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "nothing was changed") {
			t.Errorf("--out %s: got %v, want an error saying %q", c.out, err, c.want)
		}
	}
	for _, ok := range []string{"public", "../public", filepath.Join(root, "new", "public"), filepath.Join(root, "site", "public")} {
		if err := write.CheckOutPath(ok, content, layouts); err != nil {
			t.Errorf("--out %s was refused: %v", ok, err)
		}
	}
	if after := snapshot(t, root); !maps.Equal(before, after) {
		t.Error("checking the paths changed the files")
	}
}

// Build refuses every output folder that is not its own before anything moves: the
// whole temporary folder is as it was, with no kept folder made beside the output.
// Folders that are its own, empty or new are accepted.
func TestBuildRefusesFoldersNotItsOwn(t *testing.T) {
	cases := []struct {
		name  string
		setup func(t *testing.T, root string, opts *Options) // makes the folders
		want  string                                         // "" when the build may go ahead
	}{
		{"a folder of the author's", func(t *testing.T, root string, opts *Options) {
			mkfiles(t, root, "docs/thesis.pdf", "docs/.git/HEAD", "docs/index.html")
			opts.Out = filepath.Join(root, "docs")
		}, "it holds files this program did not write, or changed after writing them (.git, thesis.pdf)"},
		{"the content folder", func(t *testing.T, root string, opts *Options) {
			opts.Out = opts.Content
		}, "it is the content folder"},
		{"inside the content folder", func(t *testing.T, root string, opts *Options) {
			opts.Out = filepath.Join(opts.Content, "public")
		}, "it is inside the content folder"},
		{"the folder holding the content", func(t *testing.T, root string, opts *Options) {
			opts.Out = root
		}, "it holds the content folder"},
		{"the layouts folder", func(t *testing.T, root string, opts *Options) {
			mkfiles(t, root, "layouts/base.html")
			opts.Layouts, opts.Out = filepath.Join(root, "layouts"), filepath.Join(root, "layouts")
		}, "it is the layouts folder"},
		{"the working folder", func(t *testing.T, root string, opts *Options) {
			mkfiles(t, root, "project/go.mod")
			t.Chdir(filepath.Join(root, "project"))
			opts.Out = "."
		}, "it is the folder you are working in"},
		{"the home folder", func(t *testing.T, root string, opts *Options) {
			mkfiles(t, root, "home/.profile")
			t.Setenv("HOME", filepath.Join(root, "home"))
			opts.Out = filepath.Join(root, "home")
		}, "it is your home folder"},
		{"a file", func(t *testing.T, root string, opts *Options) {
			mkfiles(t, root, "notes.txt")
			opts.Out = filepath.Join(root, "notes.txt")
		}, "it is a file, not a folder"},
		{"a file added to the site", func(t *testing.T, root string, opts *Options) {
			build(t, *opts)
			mkfiles(t, root, "public/thesis.pdf")
		}, "(thesis.pdf)"},
		{"a page of the site edited", func(t *testing.T, root string, opts *Options) {
			build(t, *opts)
			if err := os.WriteFile(filepath.Join(root, "public", "index.html"), []byte("my own home page"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, "(index.html)"},
		{"a folder of the author's, named like the kept one", func(t *testing.T, root string, opts *Options) {
			build(t, *opts)
			mkfiles(t, root, "public/drafts/", ".public.new-1/thesis.pdf")
		}, "(drafts)"},
		{"a list of files not of this program", func(t *testing.T, root string, opts *Options) {
			mkfiles(t, root, ".public.stretchguide.json")
		}, ".public.stretchguide.json, where builds list the files they wrote, was not written by this program"},
		{"a site by an older version, with a file of the author's", func(t *testing.T, root string, opts *Options) {
			olderVersion(t, root, *opts)
			mkfiles(t, root, "public/stretches/thesis.pdf")
		}, "(stretches/thesis.pdf)"},
		{"an empty folder", func(t *testing.T, root string, opts *Options) {
			mkfiles(t, root, "public/")
		}, ""},
		{"its own site", func(t *testing.T, root string, opts *Options) {
			build(t, *opts)
			build(t, *opts)
		}, ""},
		{"a site by an older version", func(t *testing.T, root string, opts *Options) {
			olderVersion(t, root, *opts)
		}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := t.TempDir()
			opts := Options{Content: filepath.Join(root, "content"), Out: filepath.Join(root, "public"), NoPDF: true}
			if err := os.CopyFS(opts.Content, os.DirFS("testdata/site")); err != nil {
				t.Fatal(err)
			}
			c.setup(t, root, &opts)
			before := snapshot(t, root)
			_, err := Build(context.Background(), opts)
			if c.want == "" {
				if err != nil {
					t.Fatalf("the build was refused: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want an error saying %q", err, c.want)
			}
			if after := snapshot(t, root); !maps.Equal(before, after) {
				t.Errorf("the refused build changed files: before %d, after %d entries", len(before), len(after))
			}
		})
	}
}

// build builds, then removes the output folder's stamp, so that the next build into
// it runs in full rather than finding the folder up to date: these tests are about
// what a build may replace.
func build(t *testing.T, opts Options) {
	t.Helper()
	if _, err := Build(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(write.StampPath(opts.Out)); err != nil {
		t.Fatal(err)
	}
}

// olderVersion leaves in root what builds before the manifest left: the output and
// the kept folder, with no list of their files.
func olderVersion(t *testing.T, root string, opts Options) {
	t.Helper()
	build(t, opts)
	build(t, opts)
	if err := os.Remove(filepath.Join(root, ".public.stretchguide.json")); err != nil {
		t.Fatal(err)
	}
}

// A kept folder that is not the build's own is never reused, changed or deleted,
// however many builds run beside it: one that was there before the first build, and
// one the author added a file to; nor is a leftover-looking folder of the author's.
func TestForeignKeptFolderIsLeftAlone(t *testing.T) {
	for _, builtFirst := range []bool{false, true} {
		root := t.TempDir()
		opts := Options{Content: filepath.Join(root, "content"), Out: filepath.Join(root, "public"), NoPDF: true}
		if err := os.CopyFS(opts.Content, os.DirFS("testdata/site")); err != nil {
			t.Fatal(err)
		}
		if builtFirst {
			build(t, opts)
			build(t, opts)
		}
		mkfiles(t, root, ".public.prev/thesis.pdf", ".public.prev/index.html", ".public.new-7/notes.txt")
		before := snapshot(t, filepath.Join(root, ".public.prev"))
		for range 3 {
			build(t, opts)
		}
		if after := snapshot(t, filepath.Join(root, ".public.prev")); !maps.Equal(before, after) {
			t.Errorf("built first: %v: the builds changed a kept folder holding a file of the author's", builtFirst)
		}
		if _, err := os.Stat(filepath.Join(root, ".public.new-7", "notes.txt")); err != nil {
			t.Errorf("built first: %v: the builds removed a folder they did not write: %v", builtFirst, err)
		}
	}
}
