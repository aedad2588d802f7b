package generator

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// write puts the built site in dir atomically: it writes everything to a new folder
// beside dir, then swaps the two in one step, so dir always holds either the previous
// build or the new one, complete, even if the process is killed mid-way. Leftovers of
// an interrupted build are removed first.
func write(dir string, out output) error {
	dir = filepath.Clean(dir)
	parent, base := filepath.Split(dir)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("cannot create %s: %w", parent, err)
	}
	removeLeftovers(parent, base)
	tmp, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		return fmt.Errorf("cannot write beside %s (is the folder read-only?): %w", dir, err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return cleanup(tmp, err)
	}
	names := make([]string, 0, len(out))
	for name := range out {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		file := filepath.Join(tmp, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			return cleanup(tmp, err)
		}
		if err := os.WriteFile(file, out[name], 0o644); err != nil {
			return cleanup(tmp, fmt.Errorf("cannot write %s (is the disk full?): %w", name, err))
		}
	}
	if err := syncDir(tmp); err != nil {
		return cleanup(tmp, err)
	}
	if err := swap(tmp, dir); err != nil {
		return cleanup(tmp, fmt.Errorf("cannot replace %s: %w", dir, err))
	}
	return os.RemoveAll(tmp) // after the swap, tmp holds the previous build
}

// removeLeftovers deletes folders that builds killed before their swap left behind.
func removeLeftovers(parent, base string) {
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), "."+base+".new-") {
			_ = os.RemoveAll(filepath.Join(parent, e.Name()))
		}
	}
}

func cleanup(tmp string, err error) error {
	_ = os.RemoveAll(tmp)
	return err
}

func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// swap makes next live at dir. Where the system can exchange two folders in one step,
// the old build ends up at next; otherwise dir is moved aside and next moved in.
func swap(next, dir string) error {
	if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(next, dir)
	}
	if err := exchange(next, dir); err == nil {
		return nil
	}
	old := next + ".old"
	if err := os.Rename(dir, old); err != nil {
		return err
	}
	if err := os.Rename(next, dir); err != nil {
		_ = os.Rename(old, dir)
		return err
	}
	return os.Rename(old, next)
}
