package generator

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
)

// write puts the built site in dir atomically: it writes everything to a new folder
// beside dir, then swaps the two in one step, so dir always holds either the previous
// build or the new one, complete, even if the process is killed mid-way. Builds into
// the same folder take turns (lockDir). Leftovers of an interrupted build are removed
// first. When writing fails, dir is left as it was and the error says why.
func write(dir string, out output) error {
	dir = filepath.Clean(dir)
	parent, base := filepath.Split(dir)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return writeError(dir, "cannot create "+parent, err)
	}
	unlock, err := lockDir(parent)
	if err != nil {
		return writeError(dir, "cannot lock "+parent, err)
	}
	defer unlock()
	removeLeftovers(parent, base)
	tmp, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		return writeError(dir, "cannot write beside "+dir, err)
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
			return cleanup(tmp, writeError(dir, "cannot create the folder of "+name, err))
		}
		if err := os.WriteFile(file, out[name], 0o644); err != nil {
			return cleanup(tmp, writeError(dir, "cannot write "+name, err))
		}
	}
	if err := syncDir(tmp); err != nil {
		return cleanup(tmp, writeError(dir, "cannot save the new site", err))
	}
	if err := swap(tmp, dir); err != nil {
		return cleanup(tmp, writeError(dir, "cannot replace "+dir, err))
	}
	return os.RemoveAll(tmp) // after the swap, tmp holds the previous build
}

// removeLeftovers deletes folders that builds killed before their swap left behind.
// A build killed between the two renames of swap's fallback left no dir but the
// previous site moved aside: that is put back first.
func removeLeftovers(parent, base string) {
	entries, _ := os.ReadDir(parent)
	dir := filepath.Join(parent, base)
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), "."+base+".new-") && strings.HasSuffix(e.Name(), ".old") {
			if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
				_ = os.Rename(filepath.Join(parent, e.Name()), dir)
			}
		}
	}
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), "."+base+".new-") {
			_ = os.RemoveAll(filepath.Join(parent, e.Name()))
		}
	}
}

// writeError says what went wrong while writing the site into dir, in words an author
// can act on, and that dir was left as it was.
func writeError(dir, what string, err error) error {
	why := ""
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		why = "the disk is full: "
	case errors.Is(err, syscall.EROFS):
		why = "the disk is read-only: "
	case errors.Is(err, fs.ErrPermission):
		why = "you may not write there: "
	}
	return fmt.Errorf("%s: %s%w; %s was not changed", what, why, err, dir)
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
