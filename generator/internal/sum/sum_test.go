package sum

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// Folder lists every file below the folder, in order of path, with the SHA-256 of its
// bytes, leaving hidden ones out when asked; a link or a file over the limit makes
// the folder unhashable, and a link to the folder itself is followed, as load's
// os.Root follows it.
func TestFolder(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{"b.md": "bee", "a/z.md": "zed", "a.md": "ay", ".swp": "x", "a/.hidden/h.md": "h"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	paths := func(files []File) []string {
		var ps []string
		for _, f := range files {
			ps = append(ps, f.Path)
		}
		return ps
	}
	files, ok := Folder(dir, true, 100)
	if want := []string{"a.md", "a/z.md", "b.md"}; !ok || !slices.Equal(paths(files), want) {
		t.Fatalf("Folder, hidden left out = %q, %v; want %q", paths(files), ok, want)
	}
	if files[1].Sum != sha256.Sum256([]byte("zed")) {
		t.Errorf("the sum of a/z.md is not the SHA-256 of its bytes")
	}
	if all, ok := Folder(dir, false, 100); !ok || len(all) != 5 {
		t.Errorf("Folder with hidden files = %q, %v; want all 5", paths(all), ok)
	}
	if _, ok := Folder(dir, true, 2); ok {
		t.Error("a file over the limit was hashed")
	}
	link := filepath.Join(t.TempDir(), "content")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	if via, ok := Folder(link, true, 100); !ok || !slices.Equal(via, files) {
		t.Errorf("Folder through a link to the folder = %q, %v", paths(via), ok)
	}
	if err := os.Symlink(filepath.Join(dir, "b.md"), filepath.Join(dir, "c.md")); err != nil {
		t.Fatal(err)
	}
	if _, ok := Folder(dir, true, 100); ok {
		t.Error("a folder holding a link was hashed")
	}
	if _, ok := Folder(filepath.Join(dir, "missing"), true, 100); ok {
		t.Error("a missing folder was hashed")
	}
}
