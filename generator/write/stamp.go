package write

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/stretchguide/stretchguide/generator/internal/par"
)

// A Stamp says which build an output folder holds: Key names the build's inputs
// exactly (the caller hashes them), and Note is what the build reported, kept for
// the build that finds the folder up to date. Site keeps it beside the folder, with
// the name, size and modification time of everything the folder holds once written.
type Stamp struct {
	Key  string
	Note []byte
}

// stampMagic starts a stamp file, so that Site replaces or removes only its own.
const stampMagic = "stretchguide stamp 1\n"

// StampPath is where the stamp of the output folder dir is kept, in the cache folder
// beside it (CacheDir).
func StampPath(dir string) string { return CacheDir(dir, "stamp") }

// Stamped returns the note of the stamp kept beside dir when its key is key and dir
// holds exactly what Site left in it with that stamp: the same folders, and the same
// files with the same sizes and modification times. A build that finds its inputs'
// key there has nothing to write. Anything else, or a stamp that cannot be read,
// is false. Like make, it trusts sizes and modification times: a file rewritten to
// the same size within the same tick of the file system's clock as the build wrote
// it (a few milliseconds) is not seen, which only a program writing into the output
// folder while the build runs could do.
func Stamped(dir, key string) (note []byte, ok bool) {
	dir = filepath.Clean(dir)
	parent := filepath.Dir(dir)
	unlock, err := lockDir(parent) // not while a build is writing into it
	if err != nil {
		return nil, false
	}
	defer unlock()
	b, err := os.ReadFile(StampPath(dir))
	if err != nil {
		return nil, false
	}
	st, want, ok := parseStamp(b)
	if !ok || st.Key != key {
		return nil, false
	}
	if got, ok := listTree(dir); !ok || !slices.Equal(got, want) {
		return nil, false
	}
	return st.Note, true
}

// treeEntry is one file or folder of an output folder, as a stamp lists it.
type treeEntry struct {
	name  string // slash path below the folder
	dir   bool
	size  int64 // of a file
	mtime int64 // of a file, in nanoseconds since 1970
}

// listTree lists everything below dir, sorted by name, level by level on all cores.
// ok is false when dir is not a folder, cannot be read, or holds anything that is
// neither a regular file nor a folder.
func listTree(dir string) (entries []treeEntry, ok bool) {
	if info, err := os.Lstat(dir); err != nil || !info.IsDir() {
		return nil, false
	}
	ok = true
	for level := []string{"."}; len(level) > 0; {
		found := make([][]treeEntry, len(level))
		bad := make([]bool, len(level))
		par.Do(len(level), func(i int) {
			es, err := os.ReadDir(filepath.Join(dir, filepath.FromSlash(level[i])))
			bad[i] = err != nil
			for _, e := range es {
				t := treeEntry{name: path.Join(level[i], e.Name()), dir: e.IsDir()}
				if !t.dir {
					info, err := e.Info()
					if err != nil || !info.Mode().IsRegular() {
						bad[i] = true
						return
					}
					t.size, t.mtime = info.Size(), info.ModTime().UnixNano()
				}
				found[i] = append(found[i], t)
			}
		})
		level = nil
		for i, f := range found {
			ok = ok && !bad[i]
			for _, t := range f {
				entries = append(entries, t)
				if t.dir {
					level = append(level, t.name)
				}
			}
		}
	}
	slices.SortFunc(entries, func(a, b treeEntry) int { return strings.Compare(a.name, b.name) })
	return entries, ok
}

// record writes st beside dir with what dir holds now. A stamp only saves work, so
// one that cannot be written is simply not there.
func (st *Stamp) record(dir string) {
	entries, ok := listTree(dir)
	if !ok {
		return
	}
	var b bytes.Buffer
	b.WriteString(stampMagic)
	b.WriteString(strconv.Quote(st.Key) + "\n")
	b.WriteString(strconv.Itoa(len(st.Note)) + "\n")
	b.Write(st.Note)
	b.WriteString("\n")
	for _, e := range entries {
		if e.dir {
			fmt.Fprintf(&b, "d %s\n", strconv.Quote(e.name))
		} else {
			fmt.Fprintf(&b, "f %d %d %s\n", e.size, e.mtime, strconv.Quote(e.name))
		}
	}
	p := StampPath(dir)
	if os.MkdirAll(filepath.Dir(p), 0o755) != nil {
		return
	}
	tmp := p + ".new"
	if os.WriteFile(tmp, b.Bytes(), 0o644) != nil || os.Rename(tmp, p) != nil {
		_ = os.Remove(tmp)
	}
}

// unstamp removes the stamp beside dir, before dir changes; a file there that is not
// a stamp is the user's and is left alone (a new stamp is then not written over it
// either: see ownStampPath).
func unstamp(dir string) {
	if ownStampPath(dir) {
		_ = os.Remove(StampPath(dir))
	}
}

// ownStampPath reports whether a stamp may be written at dir's stamp path: nothing is
// there, or a stamp is.
func ownStampPath(dir string) bool {
	f, err := os.Open(StampPath(dir))
	if err != nil {
		return os.IsNotExist(err)
	}
	defer f.Close()
	head := make([]byte, len(stampMagic))
	n, _ := f.Read(head)
	return string(head[:n]) == stampMagic
}

// parseStamp reads a stamp file written by record.
func parseStamp(b []byte) (st Stamp, entries []treeEntry, ok bool) {
	rest, ok := bytes.CutPrefix(b, []byte(stampMagic))
	if !ok {
		return st, nil, false
	}
	next := func() (string, bool) {
		i := bytes.IndexByte(rest, '\n')
		if i < 0 {
			return "", false
		}
		s := string(rest[:i])
		rest = rest[i+1:]
		return s, true
	}
	keyLine, ok1 := next()
	lenLine, ok2 := next()
	n, err := strconv.Atoi(lenLine)
	if !ok1 || !ok2 || err != nil || n < 0 || n >= len(rest) || rest[n] != '\n' {
		return st, nil, false
	}
	if st.Key, err = strconv.Unquote(keyLine); err != nil {
		return st, nil, false
	}
	st.Note, rest = rest[:n:n], rest[n+1:]
	for len(rest) > 0 {
		s, ok := next()
		if !ok {
			return st, nil, false
		}
		e, ok := parseEntry(s)
		if !ok {
			return st, nil, false
		}
		entries = append(entries, e)
	}
	return st, entries, true
}

// parseEntry reads one line of a stamp's listing: "d name" or "f size mtime name",
// the name quoted.
func parseEntry(s string) (e treeEntry, ok bool) {
	kind, name, _ := strings.Cut(s, " ")
	var err error
	switch kind {
	case "d":
		e.dir = true
	case "f":
		var size, mtime string
		size, name, _ = strings.Cut(name, " ")
		mtime, name, _ = strings.Cut(name, " ")
		e.size, err = strconv.ParseInt(size, 10, 64)
		if err == nil {
			e.mtime, err = strconv.ParseInt(mtime, 10, 64)
		}
	default:
		return e, false
	}
	if err != nil {
		return e, false
	}
	e.name, err = strconv.Unquote(name)
	return e, err == nil
}
