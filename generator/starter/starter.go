// Package starter holds the small guide `stretchguide init` writes for someone who
// starts their own: a content folder with one file of each kind (the home page, a
// stretch with its picture, a routine, the warning signs, a page and a references
// file) that passes `stretchguide check`.
package starter

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

//go:embed all:content
var files embed.FS

// Content is the starter content folder, with content/ at its root.
func Content() fs.FS { return files }

// Write writes the starter guide into dir as dir/content. dir may not exist yet;
// if it does, it must be empty, so that no file of the author's is overwritten.
func Write(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case err == nil && len(entries) > 0:
		return fmt.Errorf("%s is not empty; give a new folder, or an empty one", dir)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return err
	}
	return fs.WalkDir(files, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		dst := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		b, err := files.ReadFile(p)
		if err != nil {
			return err
		}
		f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return err
		}
		if _, err := f.Write(b); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	})
}
