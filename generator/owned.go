package generator

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

// outputFiles is the fileSet of a build's output.
func outputFiles(out output) fileSet {
	s := make(fileSet, len(out))
	for p, b := range out {
		s[p] = []int64{int64(len(b))}
	}
	return s
}

// manifest is what stretchguide builds wrote into the output folder and the folders
// they keep beside it, stored as JSON beside the output folder.
type manifest struct {
	Program string  `json:"program"`
	About   string  `json:"about"`
	Files   fileSet `json:"files"` // every file the folders may hold, with its sizes
}

const manifestProgram = "stretchguide"

func manifestPath(parent, base string) string {
	return filepath.Join(parent, "."+base+".stretchguide.json")
}

// owned is what write found in the output folder and beside it, once it holds the lock.
type owned struct {
	dir, manifest string
	known         fileSet // the manifest's files; nil when there is no manifest
	live          fileSet // what the output folder holds; nil when there is none
	prev          fileSet // what the kept folder holds, when it is ours; nil otherwise
}

// claim checks that the output folder parent/base may be replaced by a build of out,
// and whether the kept folder prev may be reused: see the comment at the top of
// outdir.go. It only reads.
func claim(parent, base, prev string, out output) (*owned, error) {
	o := &owned{dir: filepath.Join(parent, base), manifest: manifestPath(parent, base)}
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
	ours, anySize := o.known, false
	if ours == nil { // written before builds kept a manifest: see outdir.go
		ours, anySize = outputFiles(out), true
	}
	if info, err := os.Lstat(o.dir); err == nil {
		if !info.IsDir() {
			return nil, &outError{dir: o.dir, why: "it is not a folder"}
		}
		files, foreign := scanTree(o.dir, ours, anySize)
		if len(foreign) > 0 {
			return nil, &outError{dir: o.dir, why: "it holds files this program did not write, or changed after writing them (" + listNames(foreign) + ")",
				fix: "choose an empty or new folder with --out, or move those files out of it"}
		}
		o.live = files
	}
	if info, err := os.Lstat(prev); err == nil && info.IsDir() {
		if o.known == nil && o.live != nil {
			ours = outputFiles(out)
			ours.addAll(o.live)
		}
		if files, foreign := scanTree(prev, ours, anySize); len(foreign) == 0 {
			o.prev = files
		}
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
// lists, what the output and kept folders hold, and out.
func (o *owned) allNames(out output) fileSet {
	s := outputFiles(out)
	for _, t := range []fileSet{o.known, o.live, o.prev} {
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

// scanTree reads the folder root, level by level on all cores, and returns the files
// it holds with their sizes, and what in it is not ours: a link or other special file,
// a file that ours does not list (with that size, unless anySize), or a folder that
// holds no file of ours, which is not read further. Foreign names are slash paths
// relative to root, sorted.
func scanTree(root string, ours fileSet, anySize bool) (files fileSet, foreign []string) {
	dirs := map[string]bool{}
	for p := range ours {
		for d := path.Dir(p); d != "." && !dirs[d]; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	files = fileSet{}
	for level := []string{"."}; len(level) > 0; {
		type found struct {
			files   map[string]int64
			dirs    []string
			foreign []string
		}
		res := make([]found, len(level))
		parallel(len(level), func(i int) {
			r := &res[i]
			r.files = map[string]int64{}
			es, err := os.ReadDir(filepath.Join(root, filepath.FromSlash(level[i])))
			if err != nil {
				r.foreign = append(r.foreign, level[i]) // cannot tell what it holds
			}
			for _, e := range es {
				p := path.Join(level[i], e.Name())
				switch {
				case e.IsDir() && dirs[p]:
					r.dirs = append(r.dirs, p)
				case e.Type().IsRegular() && ours[p] != nil:
					info, err := e.Info()
					if err != nil || !anySize && !hasSize(ours[p], info.Size()) {
						r.foreign = append(r.foreign, p)
						continue
					}
					r.files[p] = info.Size()
				default:
					r.foreign = append(r.foreign, p)
				}
			}
		})
		level = nil
		for _, r := range res {
			for p, n := range r.files {
				files[p] = []int64{n}
			}
			level = append(level, r.dirs...)
			foreign = append(foreign, r.foreign...)
		}
	}
	sort.Strings(foreign)
	return files, foreign
}

func hasSize(sizes []int64, n int64) bool {
	for _, s := range sizes {
		if s == n {
			return true
		}
	}
	return false
}
