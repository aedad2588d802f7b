package devserver

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"

	"github.com/stretchguide/stretchguide/generator/load"
)

// This file holds the editor's access to the content folder (api.go): every path it
// names is a path of the CMS configuration, content/ and below, and must stay inside
// the content folder, through no link, hidden file or folder, and name a file of a
// kind the guide reads. Files are read and written only through an os.Root of the
// folder, and written whole: a temporary file beside the target, then a rename.

// refusal is a path or file the editor may not read or write, in plain words.
type refusal struct{ msg string }

func (r *refusal) Error() string { return r.msg }

func refused(format string, args ...any) error { return &refusal{fmt.Sprintf(format, args...)} }

// contentPrefix starts every path of the CMS configuration (package cms).
const contentPrefix = "content/"

// relPath turns a path of the configuration, like content/stretches/bridge.md, into
// its path inside the content folder, stretches/bridge.md; a folder may be
// content itself ("."). It refuses what could leave the folder or is hidden.
func relPath(p string, folder bool) (string, error) {
	if folder && (p == "content" || p == contentPrefix) {
		return ".", nil
	}
	switch {
	case p == "":
		return "", refused("no path was given")
	case strings.ContainsAny(p, "\\\x00") || strings.HasPrefix(p, "/") || strings.Contains(p, ":"):
		return "", refused("%q is not a path inside the content folder: use forward slashes and no drive or leading slash", p)
	case !strings.HasPrefix(p, contentPrefix):
		return "", refused("%q is outside the content folder; the editor only works on content/", p)
	}
	rel := strings.TrimSuffix(strings.TrimPrefix(p, contentPrefix), "/")
	for _, seg := range strings.Split(rel, "/") {
		switch {
		case seg == "" || seg == "." || seg == "..":
			return "", refused("%q has an empty, . or .. part; name the file by its plain path", p)
		case strings.HasPrefix(seg, "."):
			return "", refused("%q is hidden (a name starting with a dot); hidden files are never read or published", p)
		}
	}
	return rel, nil
}

// pictureEndings are the endings of the pictures a stretch may show (load/picture.go).
var pictureEndings = map[string]bool{".svg": true, ".png": true, ".jpg": true, ".jpeg": true, ".webp": true}

// isText reports whether rel names a text file the guide reads: a page (.md), or a
// references file (.yaml, .yml, .bib or .json) in references/.
func isText(rel string) bool {
	ext := strings.ToLower(path.Ext(rel))
	if ext == ".md" {
		return true
	}
	return path.Dir(rel) == "references" && (ext == ".yaml" || ext == ".yml" || ext == ".bib" || ext == ".json")
}

func isPicture(rel string) bool { return pictureEndings[strings.ToLower(path.Ext(rel))] }

// kindError refuses a file the guide does not read; text says which kinds are wanted.
func kindError(p string, text, picture bool) error {
	switch {
	case text && picture:
		return refused("%q is not a file of the guide: only pages (.md), references (.yaml, .yml, .bib, .json in references/) and pictures (.svg, .png, .jpg, .webp)", p)
	case picture:
		return refused("%q is not a picture: only .svg, .png, .jpg and .webp", p)
	}
	return refused("%q is not a page or references file: only .md, and .yaml, .yml, .bib or .json in references/", p)
}

// contentDir is the content folder, opened for one request of the editor.
type contentDir struct{ root *os.Root }

func openContent(dir string) (*contentDir, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("cannot open the content folder: %w", err)
	}
	return &contentDir{root}, nil
}

func (c *contentDir) Close() error { return c.root.Close() }

// check refuses rel when a part of it is a link, or when it is there but is not a
// regular file (a folder, a pipe, a device). It reports fs.ErrNotExist for a file
// that is not there, whose folders are all real folders or missing.
func (c *contentDir) check(rel string) error { return c.checkKind(rel, false) }

// checkKind is check, for a folder when dir is true.
func (c *contentDir) checkKind(rel string, dir bool) error {
	if rel == "." {
		return nil
	}
	segs := strings.Split(rel, "/")
	for i := range segs {
		p := strings.Join(segs[:i+1], "/")
		info, err := c.root.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return err
		}
		if err != nil {
			return refused("cannot look at %s: %v", contentPrefix+p, err)
		}
		last := i == len(segs)-1
		switch {
		case info.Mode()&fs.ModeSymlink != 0:
			return refused("%s is a link; the editor reads and writes only real files and folders of content/", contentPrefix+p)
		case !last && !info.IsDir():
			return refused("%s is not a folder", contentPrefix+p)
		case last && dir && !info.IsDir():
			return refused("%s is not a folder", contentPrefix+p)
		case last && !dir && !info.Mode().IsRegular():
			return refused("%s is not a regular file", contentPrefix+p)
		}
	}
	return nil
}

// read gives the bytes of file rel, checked as check does, at most load.MaxFileSize.
func (c *contentDir) read(rel string) ([]byte, error) {
	if err := c.check(rel); err != nil {
		return nil, err
	}
	info, err := c.root.Stat(rel)
	if err != nil {
		return nil, err
	}
	if info.Size() > load.MaxFileSize {
		return nil, refused("%s is %d MB; files over %d MB are not read", contentPrefix+rel, info.Size()>>20, load.MaxFileSize>>20)
	}
	return c.root.ReadFile(rel)
}

// write replaces file rel with b, or creates it and its folders: b goes to a hidden
// temporary file in the same folder, which then takes the file's name, so the build
// never reads half a file. A file that was there keeps its permissions.
func (c *contentDir) write(rel string, b []byte) error {
	if err := c.check(rel); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	dir := path.Dir(rel)
	if err := c.root.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cannot make the folder %s: %w", contentPrefix+dir, err)
	}
	if err := c.checkKind(dir, true); err != nil {
		return err // made, or there, as a real folder, not through a link
	}
	perm := fs.FileMode(0o644)
	if info, err := c.root.Lstat(rel); err == nil {
		perm = info.Mode().Perm()
	}
	tmp := path.Join(dir, ".stretchguide-save-"+rand.Text()[:10]+".tmp")
	f, err := c.root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return fmt.Errorf("cannot save %s: %w", contentPrefix+rel, err)
	}
	_, err = f.Write(b)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = c.root.Rename(tmp, rel)
	}
	if err != nil {
		_ = c.root.Remove(tmp)
		return fmt.Errorf("cannot save %s: %w", contentPrefix+rel, err)
	}
	return nil
}

// remove deletes file rel, checked as check does.
func (c *contentDir) remove(rel string) error {
	if err := c.check(rel); err != nil {
		return err
	}
	return c.root.Remove(rel)
}

// list gives the files of folder rel and of its folders down to depth levels (1 is
// the folder alone) whose paths keep says to, in the folder's order. Hidden files,
// links and what is not a regular file or folder are left out.
func (c *contentDir) list(rel string, depth int, keep func(string) bool) ([]string, error) {
	switch err := c.checkKind(rel, true); {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil // a folder not made yet holds nothing
	case err != nil:
		return nil, err
	}
	entries, err := fs.ReadDir(c.root.FS(), rel)
	if err != nil {
		return nil, fmt.Errorf("cannot list %s: %w", contentPrefix+rel, err)
	}
	var out []string
	for _, e := range entries {
		p := path.Join(rel, e.Name())
		switch {
		case strings.HasPrefix(e.Name(), "."), e.Type()&fs.ModeSymlink != 0:
		case e.IsDir() && depth > 1:
			sub, err := c.list(p, depth-1, keep)
			if err != nil {
				return nil, err
			}
			out = append(out, sub...)
		case e.Type().IsRegular() && keep(p):
			out = append(out, p)
		}
	}
	return out, nil
}
