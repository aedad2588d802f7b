package write

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/stretchguide/stretchguide/generator/internal/par"
)

// fileSet holds, for each slash path, the sizes a file of that path had in builds of
// this program.
type fileSet map[string][]int64

func (s fileSet) add(p string, size int64) {
	if !hasSize(s[p], size) {
		s[p] = append(s[p], size)
	}
}

// addAll adds every file of t to s.
func (s fileSet) addAll(t fileSet) {
	for p, sizes := range t {
		for _, n := range sizes {
			s.add(p, n)
		}
	}
}

// holds reports whether s has every file of t, with its sizes.
func (s fileSet) holds(t fileSet) bool {
	for p, sizes := range t {
		for _, n := range sizes {
			if !hasSize(s[p], n) {
				return false
			}
		}
	}
	return true
}

// manifest is what stretchguide builds wrote into the output folder and the folders
// they keep beside it, stored as JSON beside the output folder.
type manifest struct {
	Program string  `json:"program"`
	About   string  `json:"about"`
	Files   fileSet `json:"files"` // every file the folders may hold, with its sizes
}

const manifestProgram = "stretchguide"

// CachePath is the file where a build keeps its memo for the next one: in the cache
// folder beside the output folder dir (CacheDir), never inside what is published.
func CachePath(dir string) string { return CacheDir(dir, "memo") }

func manifestPath(parent, base string) string {
	return filepath.Join(parent, "."+base+".stretchguide.json")
}

// CacheDir is the path sub in the folder beside the output folder out where builds
// keep work they may reuse: .<out>.stretchguide-cache/<sub> (images/: resized
// photos, named by the hash of their content; memo: what the last build rendered;
// stamp: which build out holds; while a build runs, its spool of pages, a file
// without a name where the system allows). Like the manifest and the kept folder it is never
// inside what is published, and a build never deletes or replaces the folder.
// "" when out is "".
func CacheDir(out, sub string) string {
	if out == "" {
		return ""
	}
	out = filepath.Clean(out)
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".stretchguide-cache", sub)
}

// owned is what write found in the output folder and beside it, once it holds the lock.
type owned struct {
	dir, manifest string
	known         fileSet // the manifest's files; nil when there is none
	live          fileSet // what the output folder holds; nil when there is none
	built         fileSet // what the build writes
	kept          *ours   // what the kept folder may hold, by name: syncTree checks it
}

// claim checks that the output folder parent/base may be replaced by a build of out:
// see the comment at the top of outdir.go. It only reads.
func claim(parent, base string, out tree) (*owned, error) {
	o := &owned{dir: filepath.Join(parent, base), manifest: manifestPath(parent, base), built: out.files()}
	b, err := os.ReadFile(o.manifest)
	switch {
	case errors.Is(err, fs.ErrNotExist) || err == nil && len(b) == 0: // none, or emptied by a crash
	case err != nil:
		return nil, &outError{dir: o.dir, why: fmt.Sprintf("the list of its files, %s, cannot be read (%v)", o.manifest, err)}
	default:
		var m manifest
		if json.Unmarshal(b, &m) != nil || m.Program != manifestProgram || m.Files == nil {
			return nil, &outError{dir: o.dir, why: fmt.Sprintf("%s, where builds list the files they wrote, was not written by this program", o.manifest),
				fix: "move that file away, or choose another folder with --out"}
		}
		o.known = m.Files
	}
	rule := newOurs(o.known, false)
	if o.known == nil { // written before builds kept a manifest: see outdir.go
		rule = newOurs(o.built, true)
	}
	if info, err := os.Lstat(o.dir); err == nil {
		if !info.IsDir() {
			return nil, &outError{dir: o.dir, why: "it is not a folder"}
		}
		files, foreign := rule.scan(o.dir, ".")
		if len(foreign) > 0 {
			return nil, &outError{dir: o.dir, why: "it holds files this program did not write, or changed after writing them (" + listNames(foreign) + ")",
				fix: "choose an empty or new folder with --out, or move those files out of it"}
		}
		o.live = files
	}
	if o.known != nil {
		o.kept = &ours{files: rule.files, dirs: rule.dirs, anySize: true}
	} else {
		o.kept = newOurs(o.allNames(), true)
	}
	return o, nil
}

// listNames joins the first few names for a message.
func listNames(names []string) string {
	const most = 5
	if len(names) <= most {
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:most], ", ") + fmt.Sprintf(" and %d more", len(names)-most)
}

// allNames is every file the folders of this output may hold: what the manifest
// lists, what the output folder holds, and what the build writes.
func (o *owned) allNames() fileSet {
	s := fileSet{}
	for _, t := range []fileSet{o.built, o.known, o.live} {
		s.addAll(t)
	}
	return s
}

// save replaces the manifest with one listing the files of sets, through a file
// beside it renamed over it, so a killed build leaves the one or the other.
func (o *owned) save(sets ...fileSet) error {
	m := manifest{
		Program: manifestProgram,
		About:   "The files stretchguide builds wrote into " + filepath.Base(o.dir) + " and the folder they keep beside it. A build replaces only a folder whose files are all listed here.",
		Files:   fileSet{},
	}
	for _, s := range sets {
		m.Files.addAll(s)
	}
	for _, sizes := range m.Files {
		sort.Slice(sizes, func(i, j int) bool { return sizes[i] < sizes[j] })
	}
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	tmp := o.manifest + ".new"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		_ = os.Remove(tmp)
		return writeError(o.dir, "cannot write "+o.manifest, err)
	}
	if err := os.Rename(tmp, o.manifest); err != nil {
		_ = os.Remove(tmp)
		return writeError(o.dir, "cannot write "+o.manifest, err)
	}
	return nil
}

// ours says which files and folders are this program's: those of files, with their
// sizes unless anySize, and the folders that hold them.
type ours struct {
	files   fileSet
	dirs    map[string]bool
	anySize bool
}

func newOurs(files fileSet, anySize bool) *ours {
	o := &ours{files: files, dirs: map[string]bool{}, anySize: anySize}
	for p := range files {
		for d := path.Dir(p); d != "." && !o.dirs[d]; d = path.Dir(d) {
			o.dirs[d] = true
		}
	}
	return o
}

// file reports whether the regular file at slash path p, of size n, is ours.
func (o *ours) file(p string, n int64) bool {
	return o.files[p] != nil && (o.anySize || hasSize(o.files[p], n))
}

// scan reads the folder start (a slash path) below root, level by level on all
// cores, and returns the files it holds with their sizes, and what in it is not ours:
// a link or other special file, a file that is not ours, or a folder that holds no
// file of ours, which is not read further. Paths are relative to root; foreign ones
// are sorted.
func (o *ours) scan(root, start string) (files fileSet, foreign []string) {
	files = fileSet{}
	for level := []string{start}; len(level) > 0; {
		type file struct {
			p string
			n int64
		}
		type found struct {
			files   []file
			dirs    []string
			foreign []string
		}
		res := make([]found, len(level))
		par.Do(len(level), func(i int) {
			r := &res[i]
			es, err := os.ReadDir(filepath.Join(root, filepath.FromSlash(level[i])))
			if err != nil {
				r.foreign = append(r.foreign, level[i]) // cannot tell what it holds
			}
			for _, e := range es {
				p := path.Join(level[i], e.Name())
				switch {
				case e.IsDir() && o.dirs[p]:
					r.dirs = append(r.dirs, p)
				case e.Type().IsRegular() && o.files[p] != nil:
					info, err := e.Info()
					if err != nil || !o.file(p, info.Size()) {
						r.foreign = append(r.foreign, p)
						continue
					}
					r.files = append(r.files, file{p, info.Size()})
				default:
					r.foreign = append(r.foreign, p)
				}
			}
		})
		level = nil
		for _, r := range res {
			sizes := make([]int64, len(r.files)) // one allocation for the folder
			for i, f := range r.files {
				sizes[i] = f.n
				files[f.p] = sizes[i : i+1 : i+1]
			}
			level = append(level, r.dirs...)
			foreign = append(foreign, r.foreign...)
		}
	}
	sort.Strings(foreign)
	return files, foreign
}

// owns reports whether the entry e at slash path p below root is ours, with all it
// holds when it is a folder.
func (o *ours) owns(root, p string, e fs.DirEntry) bool {
	switch {
	case e.IsDir():
		if !o.dirs[p] {
			return false
		}
		_, foreign := o.scan(root, p)
		return len(foreign) == 0
	case e.Type().IsRegular():
		info, err := e.Info()
		return err == nil && o.file(p, info.Size())
	}
	return false
}

func hasSize(sizes []int64, n int64) bool {
	for _, s := range sizes {
		if s == n {
			return true
		}
	}
	return false
}
