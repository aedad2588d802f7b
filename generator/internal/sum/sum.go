// Package sum hashes the files of a folder, for keys that say whether anything in it
// changed. It is quicker than reading the folder through load's input checks (an
// open there is several system calls per file) and, like them, it never follows a
// link and never waits on a special file: what is not a plain file or folder makes
// the folder unhashable, and the build that reads it says why.
package sum

import (
	"crypto/sha256"
	"fmt"
	"hash"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/stretchguide/stretchguide/generator/internal/par"
)

// A File is one file of a folder and the SHA-256 of its bytes.
type File struct {
	Path string // slash path below the folder
	Sum  [sha256.Size]byte
}

// Folder reads and hashes every file below dir on all cores and lists them in order
// of path. With skipHidden, files and folders whose names start with a dot are left
// out, as load leaves them out of the content. ok is false when a file cannot be
// read or is larger than most bytes.
func Folder(dir string, skipHidden bool, most int64) (files []File, ok bool) {
	paths, ok := list(dir, skipHidden)
	if !ok {
		return nil, false
	}
	files = make([]File, len(paths))
	bad := make([]bool, len(paths))
	par.Do(len(paths), func(i int) {
		buf := buffers.Get().(*[]byte)
		b, ok := readFile(filepath.Join(dir, filepath.FromSlash(paths[i])), (*buf)[:0], most)
		files[i] = File{Path: paths[i], Sum: sha256.Sum256(b)}
		bad[i] = !ok
		*buf = b
		buffers.Put(buf)
	})
	if slices.Contains(bad, true) {
		return nil, false
	}
	return files, true
}

// Write writes each file's path and sum to h, a line each.
func Write(h hash.Hash, files []File) {
	for _, f := range files {
		fmt.Fprintf(h, "%q %x\n", f.Path, f.Sum)
	}
}

// list lists the slash paths of the files below dir, level by level on all cores.
// dir itself may be a link to a folder, as os.Root, through which load reads, follows
// one; nothing below it may.
func list(dir string, skipHidden bool) (paths []string, ok bool) {
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return nil, false
	}
	ok = true
	for level := []string{"."}; len(level) > 0; {
		found := make([][]os.DirEntry, len(level))
		bad := make([]bool, len(level))
		par.Do(len(level), func(i int) {
			var err error
			found[i], err = os.ReadDir(filepath.Join(dir, filepath.FromSlash(level[i])))
			bad[i] = err != nil
		})
		var next []string
		for i, es := range found {
			ok = ok && !bad[i]
			for _, e := range es {
				p := path.Join(level[i], e.Name())
				switch {
				case skipHidden && strings.HasPrefix(e.Name(), "."):
				case e.IsDir():
					next = append(next, p)
				case e.Type().IsRegular():
					paths = append(paths, p)
				default:
					ok = false
				}
			}
		}
		level = next
	}
	slices.Sort(paths)
	return paths, ok
}
