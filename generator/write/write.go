// Package write puts a built site into its output folder atomically, and owns that
// folder: the manifest beside it lists the files builds wrote, and a build replaces
// only a folder that is its own.
package write

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"

	"github.com/stretchguide/stretchguide/generator/internal/par"
)

// Site puts the built site in dir atomically: it writes everything to a new folder
// beside dir, then swaps the two in one step, so dir always holds either the previous
// build or the new one, complete, even if the process is killed mid-way. Builds into
// the same folder take turns (lockDir). Leftovers of an interrupted build are removed
// first. When writing fails, dir is left as it was and the error says why.
//
// Creating and deleting thousands of files and folders is most of the cost of writing
// a big guide, so the build before the previous one is kept beside dir, hidden, as
// .<dir>.prev, and becomes the new folder: only the files that changed are written
// and only the ones that went away are deleted. Files left as they were keep their
// modification time.
//
// Before anything moves, claim checks that dir is the build's own (see outdir.go),
// and the manifest beside dir is made to list every file that dir, the kept folder
// and the new folder may hold whenever the build is killed. syncTree checks the kept
// folder as it reads it; when it holds anything else it is put back untouched.
//
// When st is not nil, it is kept beside dir once dir holds the new site (see
// Stamped); the stamp of the previous site is removed before anything moves.
func Site(dir string, out map[string][]byte, st *Stamp) error {
	return SiteSpooled(dir, out, nil, st)
}

// SiteSpooled is Site for a site some of whose files, spooled, are kept on disk
// (the pages and handouts of a big guide): each is read when it is written.
func SiteSpooled(dir string, out map[string][]byte, spooled map[string]*io.SectionReader, st *Stamp) error {
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
	unstamp(dir)
	if err := replace(dir, parent, base, tree{out, spooled}); err != nil {
		return err
	}
	if st != nil && ownStampPath(dir) {
		st.record(dir)
	}
	return nil
}

// replace is Site once it holds the lock.
func replace(dir, parent, base string, out tree) error {
	restoreMovedAside(parent, base)
	prev := filepath.Join(parent, "."+base+".prev")
	own, err := claim(parent, base, out)
	if err != nil {
		return err
	}
	removeLeftovers(parent, base, func() *ours { return newOurs(own.allNames(), true) })
	if own.known == nil || !own.known.holds(own.built) { // the output passed: known holds it
		if err := own.save(own.known, own.live, own.built); err != nil {
			return err
		}
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		return writeError(dir, "cannot write beside "+dir, err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return cleanup(tmp, err)
	}
	var kept *ours // what tmp may hold when it is the kept folder
	if info, err := os.Lstat(prev); err == nil && info.IsDir() && os.Remove(tmp) == nil {
		if os.Rename(prev, tmp) == nil {
			kept = own.kept
		} else if err := os.Mkdir(tmp, 0o755); err != nil {
			return writeError(dir, "cannot write beside "+dir, err)
		}
	}
	fail := func(what string, err error) error { return writeError(dir, what, err) }
	err = syncTree(tmp, out, kept, fail)
	if errors.Is(err, errNotOurs) { // put it back as it was and start from nothing
		if err := os.Rename(tmp, prev); err != nil {
			return writeError(dir, "cannot put "+prev+" back", err)
		}
		if err := os.Mkdir(tmp, 0o755); err != nil {
			return writeError(dir, "cannot write beside "+dir, err)
		}
		err = syncTree(tmp, out, nil, fail)
	}
	if err != nil {
		return cleanup(tmp, err)
	}
	if err := syncDir(tmp); err != nil {
		return cleanup(tmp, writeError(dir, "cannot save the new site", err))
	}
	if err := swap(tmp, dir); err != nil {
		return cleanup(tmp, writeError(dir, "cannot replace "+dir, err))
	}
	// After the swap, tmp holds the previous build (or nothing, on a first build):
	// keep it for the next one, unless a folder that is not ours is in its place.
	if _, err := os.Lstat(tmp); err != nil {
		return own.save(own.built)
	}
	if _, err := os.Lstat(prev); !errors.Is(err, fs.ErrNotExist) || os.Rename(tmp, prev) != nil {
		if err := removeTree(tmp); err != nil {
			return err
		}
		return own.save(own.built)
	}
	return own.save(own.built, own.live)
}

// errNotOurs is syncTree's answer when root holds something that is not the build's.
var errNotOurs = errors.New("the kept folder holds files this program did not write")

// syncTree makes the folder root hold exactly out, on all cores: it deletes what out
// does not have, makes the missing folders, parents first, and writes each file whose
// content differs from what is there. When kept is not nil, it first checks that all
// it would delete is kept's, and returns errNotOurs, having changed nothing, when not.
// fail words an error: what failed, and why.
func syncTree(root string, out tree, kept *ours, fail func(what string, err error) error) error {
	names := out.names()
	sort.Strings(names)
	wantDir := map[string]bool{}
	for _, name := range names {
		for d := path.Dir(name); d != "." && !wantDir[d]; d = path.Dir(d) {
			wantDir[d] = true
		}
	}

	have, remove, err := survey(root, out, wantDir, kept)
	if err != nil {
		return err
	}
	errs := make([]error, len(remove))
	par.Do(len(remove), func(i int) {
		if err := removeTree(remove[i]); err != nil {
			errs[i] = fail("cannot remove "+remove[i], err)
		}
	})
	if err := firstError(errs); err != nil {
		return err
	}

	var levels [][]string // missing folders by depth
	for d := range wantDir {
		if !have[d] {
			depth := strings.Count(d, "/")
			for len(levels) <= depth {
				levels = append(levels, nil)
			}
			levels[depth] = append(levels[depth], d)
		}
	}
	for _, level := range levels {
		errs := make([]error, len(level))
		par.Do(len(level), func(i int) {
			if err := os.Mkdir(filepath.Join(root, filepath.FromSlash(level[i])), 0o755); err != nil {
				errs[i] = fail("cannot create the folder "+level[i], err)
			}
		})
		if err := firstError(errs); err != nil {
			return err
		}
	}

	errs = make([]error, len(names))
	par.Do(len(names), func(i int) {
		file := filepath.Join(root, filepath.FromSlash(names[i]))
		buf := spoolBuffers.Get().(*[]byte)
		defer spoolBuffers.Put(buf)
		data, err := out.content(names[i], buf)
		if err != nil {
			errs[i] = fail("cannot read "+names[i]+" back from where the build kept it", err)
			return
		}
		if have[names[i]] && sameContent(file, data) {
			return
		}
		if err := os.WriteFile(file, data, 0o644); err != nil {
			errs[i] = fail("cannot write "+names[i], err)
		}
	})
	return firstError(errs)
}

// survey reads what root holds already: the folders out wants (wantDir) are read,
// level by level; anything else is to be removed. It gives the slash paths of the
// folders and files to keep, and the paths to remove; when kept is not nil and
// something to remove is not kept's, errNotOurs.
func survey(root string, out tree, wantDir map[string]bool, kept *ours) (have map[string]bool, remove []string, err error) {
	have = map[string]bool{}
	for level := []string{"."}; len(level) > 0; {
		entries := make([][]os.DirEntry, len(level))
		par.Do(len(level), func(i int) {
			entries[i], _ = os.ReadDir(filepath.Join(root, filepath.FromSlash(level[i])))
		})
		var next []string
		for i, es := range entries {
			for _, e := range es {
				p := path.Join(level[i], e.Name())
				switch isFile := out.has(p); {
				case e.IsDir() && wantDir[p]:
					next = append(next, p)
					have[p] = true
				case e.Type().IsRegular() && isFile:
					have[p] = true
				default:
					if kept != nil && !kept.owns(root, p, e) {
						return nil, nil, errNotOurs
					}
					remove = append(remove, filepath.Join(root, filepath.FromSlash(p)))
				}
			}
		}
		level = next
	}
	return have, remove, nil
}

// firstError is the first error that is not nil, in order.
func firstError(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// readBuffers hold files read back for comparison.
var readBuffers = sync.Pool{New: func() any { return new([]byte) }}

// sameContent reports whether the file holds exactly want.
func sameContent(file string, want []byte) bool {
	f, err := os.Open(file)
	if err != nil {
		return false
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || info.Size() != int64(len(want)) {
		return false
	}
	buf := readBuffers.Get().(*[]byte)
	defer readBuffers.Put(buf)
	if cap(*buf) < len(want) {
		*buf = make([]byte, len(want))
	}
	got := (*buf)[:len(want)]
	_, err = io.ReadFull(f, got)
	return err == nil && bytes.Equal(got, want)
}

// removeTree deletes p and, when it is a folder, everything below it, on all cores:
// a guide of thousands of pages has thousands of folders, and deleting them one at a
// time is slow. Whatever it cannot delete is left to os.RemoveAll.
func removeTree(p string) error {
	if info, err := os.Lstat(p); err != nil || !info.IsDir() {
		return os.RemoveAll(p) // a file, or a link, which must not be followed
	}
	var files []string
	levels := [][]string{{p}} // folders by depth
	for depth := 0; depth < len(levels); depth++ {
		level := levels[depth]
		entries := make([][]os.DirEntry, len(level))
		par.Do(len(level), func(i int) { entries[i], _ = os.ReadDir(level[i]) })
		var next []string
		for i, es := range entries {
			for _, e := range es {
				q := filepath.Join(level[i], e.Name())
				if e.IsDir() {
					next = append(next, q)
				} else {
					files = append(files, q)
				}
			}
		}
		if len(next) > 0 {
			levels = append(levels, next)
		}
	}
	par.Do(len(files), func(i int) { _ = os.Remove(files[i]) })
	for depth := len(levels) - 1; depth >= 0; depth-- {
		level := levels[depth]
		par.Do(len(level), func(i int) { _ = os.Remove(level[i]) })
	}
	return os.RemoveAll(p)
}

// restoreMovedAside puts back the previous site when a build killed between the two
// renames of swap's fallback left no dir but that site moved aside.
func restoreMovedAside(parent, base string) {
	entries, _ := os.ReadDir(parent)
	dir := filepath.Join(parent, base)
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), "."+base+".new-") && strings.HasSuffix(e.Name(), ".old") {
			if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
				_ = os.Rename(filepath.Join(parent, e.Name()), dir)
			}
		}
	}
}

// removeLeftovers deletes folders that builds killed before their swap left behind:
// those that hold only files the rule says are ours, by name (a killed build may
// have left a file half written).
func removeLeftovers(parent, base string, rule func() *ours) {
	entries, _ := os.ReadDir(parent)
	var ours *ours
	for _, e := range entries {
		p := filepath.Join(parent, e.Name())
		if e.IsDir() && strings.HasPrefix(e.Name(), "."+base+".new-") {
			if ours == nil {
				ours = rule()
			}
			if _, foreign := ours.scan(p, "."); len(foreign) == 0 {
				_ = removeTree(p)
			}
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
	_ = removeTree(tmp)
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
