package write

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// checkTree fails unless dir holds exactly the files of want.
func checkTree(t *testing.T, dir string, want map[string][]byte) {
	t.Helper()
	got := readTree(t, dir)
	for p, b := range want {
		if g, ok := got[p]; !ok {
			t.Errorf("%s is missing", p)
		} else if string(g) != string(b) {
			t.Errorf("%s holds %q, want %q", p, g, b)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("%s should have been deleted", p)
		}
	}
}

// entries lists the names in dir.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// Each build is written over the folder kept from the one before the previous, so
// the sequence goes through every change a kept folder can need: files and folders
// gone, a file where a folder was and the other way round, new content of the same
// size, and new files in new folders.
func TestWriteHoldsExactlyEachBuild(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "public")
	builds := []map[string][]byte{
		{"index.html": []byte("home"), "a/index.html": []byte("a1"), "b/index.html": []byte("b"), "c/d/e.txt": []byte("e"), "x": []byte("file")},
		{"index.html": []byte("home"), "a/index.html": []byte("a2"), "x/index.html": []byte("x is a folder")},
		{"index.html": []byte("HOME"), "a": []byte("a is a file"), "c/d/f.txt": []byte("f")},
		{"index.html": []byte("home"), "a/index.html": []byte("a1"), "b/index.html": []byte("b"), "c/d/e.txt": []byte("e"), "x": []byte("file")},
		{"new/deep/er/index.html": []byte("deep")},
		{},
		{"index.html": []byte("back")},
	}
	for i, out := range builds {
		if err := Site(dir, out, nil); err != nil {
			t.Fatalf("build %d: %v", i+1, err)
		}
		checkTree(t, dir, out)
		if names := entries(t, parent); !slices.Equal(names, []string{".public.prev", ".public.stretchguide.json", "public"}) && (i > 0 || !slices.Equal(names, []string{".public.stretchguide.json", "public"})) {
			t.Errorf("after build %d the folder holds %q, want public, .public.prev and the manifest only", i+1, names)
		}
	}
}

// A file that did not change is left alone: after three builds of the same site, the
// page is the very file the first build wrote.
func TestWriteLeavesUnchangedFilesAlone(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	out := map[string][]byte{"stretches/bridge/index.html": []byte("bridge"), "index.html": []byte("home")}
	var first os.FileInfo
	for i := range 3 {
		if i == 2 {
			out["index.html"] = []byte("HOME") // same size, new content
		}
		if err := Site(dir, out, nil); err != nil {
			t.Fatal(err)
		}
		info, err := os.Stat(filepath.Join(dir, "stretches/bridge/index.html"))
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = info
		}
	}
	last, _ := os.Stat(filepath.Join(dir, "stretches/bridge/index.html"))
	if !os.SameFile(first, last) {
		t.Error("an unchanged page was written again")
	}
	checkTree(t, dir, out)
}

// A link in the kept folder is never followed: what it points to is not touched.
func TestWriteDoesNotFollowLinks(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "public")
	outside := filepath.Join(parent, "outside")
	if err := os.MkdirAll(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outside, "keep.txt"), []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{"a/index.html": []byte("a")}
	for range 2 {
		if err := Site(dir, out, nil); err != nil {
			t.Fatal(err)
		}
	}
	prev := filepath.Join(parent, ".public.prev")
	if err := os.RemoveAll(filepath.Join(prev, "a")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(prev, "a")); err != nil {
		t.Skipf("cannot make links here: %v", err)
	}
	if err := os.Symlink(outside, filepath.Join(prev, "gone")); err != nil {
		t.Fatal(err)
	}
	if err := Site(dir, out, nil); err != nil {
		t.Fatal(err)
	}
	checkTree(t, dir, out)
	if b, err := os.ReadFile(filepath.Join(outside, "keep.txt")); err != nil || string(b) != "keep" {
		t.Errorf("the folder a link pointed to was changed: %q, %v", b, err)
	}
}

// readTree reads every file below dir, by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		files[p], err = fs.ReadFile(os.DirFS(dir), p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
