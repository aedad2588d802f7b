package load

import (
	"errors"
	"io/fs"
	"os"
	"strings"
)

// Inputs are read only through an inputFS: every file must be a regular file inside
// its own folder (content/ or layouts/) once links are followed. A link that stays
// inside the folder works; one that leaves it, even to come back, is refused, as is
// anything not a regular file (a FIFO, a device), which is never opened.

var (
	ErrOutside    = errors.New("it is a link to a place outside its folder")
	ErrNotRegular = errors.New("it is not a regular file (a pipe, a device or a socket)")
)

// OpenFolder opens dir for reading inputs below it, and gives the function that
// closes it. When dir cannot be opened, every read reports why.
func OpenFolder(dir string) (fs.FS, func()) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return inputFS{errFS{err}}, func() {}
	}
	return inputFS{root.FS()}, func() { root.Close() }
}

// inputFS wraps the fs.FS of an os.Root, which already refuses paths that leave the
// root, and refuses to open what is not a regular file or a folder. It works over
// any fs.FS, so tests can use one made in memory.
type inputFS struct{ fsys fs.FS }

// Open opens name after looking at what it is, so that a FIFO is never opened
// (opening one blocks until someone writes to it).
func (f inputFS) Open(name string) (fs.File, error) {
	info, err := f.Stat(name)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() && !info.IsDir() {
		return nil, &fs.PathError{Op: "open", Path: name, Err: ErrNotRegular}
	}
	return f.fsys.Open(name)
}

// Stat describes name after following links, naming a link out of the folder.
func (f inputFS) Stat(name string) (fs.FileInfo, error) {
	info, err := fs.Stat(f.fsys, name)
	if err != nil && !errors.Is(err, fs.ErrNotExist) && strings.Contains(err.Error(), "path escapes from parent") {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: ErrOutside} // os.Root's words for it
	}
	return info, err
}

// ReadDir lists a folder; links are listed as links, not followed.
func (f inputFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(f.fsys, name) }

// errFS is a folder that could not be opened.
type errFS struct{ err error }

func (e errFS) Open(name string) (fs.File, error) {
	return nil, e.err
}

// inputs gives fsys as an inputFS, unless it is one already.
func inputs(fsys fs.FS) fs.FS {
	if f, ok := fsys.(inputFS); ok {
		return f
	}
	return inputFS{fsys}
}

// RefusedInput finds the first file at the top of fsys, an inputFS, that would be
// refused, and says why as an inputFS does; hidden files are left out.
func RefusedInput(fsys fs.FS) error {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return err
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") || e.IsDir() {
			continue
		}
		info, err := fs.Stat(fsys, e.Name())
		if errors.Is(err, ErrOutside) {
			return err
		}
		if err == nil && !info.Mode().IsRegular() && !info.IsDir() {
			return &fs.PathError{Op: "open", Path: e.Name(), Err: ErrNotRegular}
		}
	}
	return nil
}

// InputProblem says, for an author, why an input file was refused, or "" when err
// is some other error.
func InputProblem(err error, folder string) (msg, fix string) {
	switch {
	case errors.Is(err, ErrOutside):
		return "the file is a link to a place outside the " + folder + " folder, so it is not read",
			"copy the file into the " + folder + " folder instead of linking to it"
	case errors.Is(err, ErrNotRegular):
		return "the file is not a regular file (a pipe, a device or a socket), so it is not read",
			"replace it with an ordinary file, or delete it"
	}
	return "", ""
}

// Inputs gives fsys as the steps read it: only regular files inside it, as
// OpenFolder's.
func Inputs(fsys fs.FS) fs.FS { return inputs(fsys) }
