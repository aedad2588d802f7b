package write

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// A build replaces its whole output folder, and deletes from the folder it keeps beside
// it what the new site no longer has. So it writes only where nothing but its own
// files can be lost, and refuses anything else before a single file moves:
//
//   - CheckOutPath, first thing in Build, refuses an output folder that is, holds or
//     lies inside the content or layouts folder, or that is or holds the working
//     folder, the home folder or the root of the disk, and one that is a file or a
//     link. It only reads: paths are compared absolute and cleaned, with the links of
//     the parts that exist resolved.
//   - claim (owned.go), in write once the folder is locked, lets a build replace only a
//     folder that does not exist, is empty, or holds only files a build of this
//     program wrote, as listed in the manifest .<out>.stretchguide.json beside it
//     (never inside it: the folder is published). A file the manifest does not list,
//     or whose size changed since, makes the build stop and name it. The kept folder
//     .<out>.prev is reused only when it is ours in the same way; otherwise it is left
//     exactly as it is, and the build writes every file.
//
// A folder written before builds kept a manifest has none; it is accepted when every
// file in it is one the new build writes (and its kept folder when every file is one
// of those or of the folder itself), since that is what such a build left. Anything
// else in it is refused as above.

// outError is why a build refuses to write into an output folder. Its text says which
// folder, why, and what to do instead, and that nothing was changed.
type outError struct {
	dir, why string
	fix      string // what to do; "" for: choose another folder
}

func (e *outError) Error() string {
	fix := cmp.Or(e.fix, "choose a new or empty folder for the site with --out (for example public)")
	return fmt.Sprintf("cannot build into %s: %s; %s; nothing was changed", e.dir, e.why, fix)
}

// CheckOutPath refuses the output folder out when replacing it could lose what is not
// the build's own: see the comment at the top of this file. content and layouts are
// the folders the build reads; layouts is "" for the built-in look.
func CheckOutPath(out, content, layouts string) error {
	name := filepath.Clean(out)
	abs, err := resolvePath(out)
	if err != nil {
		return &outError{dir: name, why: fmt.Sprintf("its path cannot be read (%v)", err)}
	}
	if info, err := os.Lstat(name); err == nil {
		switch {
		case info.Mode()&fs.ModeSymlink != 0:
			return &outError{dir: name, why: "it is a link to " + abs, fix: "give --out the folder itself, not a link"}
		case !info.IsDir():
			return &outError{dir: name, why: "it is a file, not a folder"}
		}
	}
	if abs == filepath.Dir(abs) {
		return &outError{dir: name, why: "it is the root of the disk"}
	}
	type place struct {
		given, what string
		inside      bool   // whether out may not lie inside it either
		path        string // given, resolved; "" when it cannot be read
	}
	places := []place{{given: content, what: "the content folder", inside: true}}
	if layouts != "" {
		places = append(places, place{given: layouts, what: "the layouts folder", inside: true})
	}
	if wd, err := os.Getwd(); err == nil {
		places = append(places, place{given: wd, what: "the folder you are working in"})
	}
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		places = append(places, place{given: home, what: "your home folder"})
	}
	for i := range places {
		places[i].path, _ = resolvePath(places[i].given)
		if places[i].path == abs {
			return &outError{dir: name, why: "it is " + places[i].what}
		}
	}
	for _, p := range places {
		switch {
		case p.path == "":
		case below(p.path, abs):
			return &outError{dir: name, why: fmt.Sprintf("it holds %s (%s)", p.what, p.given)}
		case p.inside && below(abs, p.path):
			return &outError{dir: name, why: fmt.Sprintf("it is inside %s (%s)", p.what, p.given)}
		}
	}
	return nil
}

// below reports whether the cleaned absolute path p lies below dir, which may be the
// root of the disk.
func below(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// resolvePath makes p absolute and clean, with the links of its longest part that
// exists resolved; the rest, which does not exist yet, is added as it is.
func resolvePath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	for dir := abs; ; dir = filepath.Dir(dir) {
		real, err := filepath.EvalSymlinks(dir)
		if err == nil {
			return filepath.Join(append([]string{real}, rest...)...), nil
		}
		if !errors.Is(err, fs.ErrNotExist) || dir == filepath.Dir(dir) {
			return "", err
		}
		rest = append([]string{filepath.Base(dir)}, rest...)
	}
}
