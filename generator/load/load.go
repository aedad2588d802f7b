// Package load reads the content folder: each file's bytes become a Document, its
// front matter decoded once (with its problems) and its body parsed once, or become
// references. It reads only regular files inside the folder (inputs.go), refuses
// bodies that would take too long to parse (limits.go) and checks pictures
// (picture.go). A Document never changes after loading.
package load

import (
	"bytes"
	"crypto/sha256"
	"io/fs"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/parser"

	"github.com/stretchguide/stretchguide/generator/bib"
	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/front"
	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/internal/par"
)

// MaxFileSize is the largest content file read; a larger one is reported and skipped.
const MaxFileSize = 10 << 20

// Content is everything read from content/: its documents by kind, its references,
// and the folder itself, for pictures beside pages.
type Content struct {
	Home, RedFlags *Document
	Stretches      []*Document
	Routines       []*Document
	Pages          []*Document
	// Translations are the documents written beside an original in another
	// language (bridge.es.md), in path order; see Translate.
	Translations []*Document
	// Elsewhere, in a translated Content, gives for each page left untranslated its
	// address in the default language, relative to this language's root
	// (../stretches/bridge/), so links to it still lead somewhere.
	Elsewhere  map[string]string
	References []*guide.Reference
	Files      fs.FS
	// Spill is where the documents' bodies were kept (Build's), or nil: link keeps
	// what it resolved in them there too.
	Spill *Spill
	// Pictures are the picture files of the folder, checked (picture.go), by path.
	Pictures map[string]*PictureFile
}

// File is what loading one content file gave: a document or references (or
// neither), and the problems found.
type File struct {
	// Sum is the SHA-256 of the file's bytes, when it is a page or references and
	// was read: a Builder loads it again only when that changed. The bytes are not
	// kept: the body the Document holds is a copy.
	Sum      *[sha256.Size]byte
	Doc      *Document
	Refs     []*guide.Reference
	Picture  *PictureFile // when it is a picture
	Problems diag.List
}

// Load reads every content file from fsys, splits and decodes front matter and parses
// Markdown bodies with p. prefix is prepended to paths in messages (usually
// "content").
func Load(fsys fs.FS, prefix string, p parser.Parser, problems *diag.List) *Content {
	fsys = inputs(fsys)
	c := &Content{Files: fsys}
	paths := Paths(fsys, prefix, problems)
	files := make([]File, len(paths))
	par.Do(len(paths), func(i int) { files[i] = LoadFile(fsys, prefix, paths[i], p, nil) })
	for i, f := range files {
		problems.Append(f.Problems)
		c.Add(f.Doc, f.Refs)
		c.AddPicture(paths[i], f.Picture)
	}
	return c
}

// LoadFile loads the file at path p of fsys. A document's body is put in spill,
// when it is not nil, once load has walked it.
func LoadFile(fsys fs.FS, prefix, p string, md parser.Parser, spill *Spill) File {
	var f File
	if isPicture(p) {
		f.Picture = readPicture(inputs(fsys), p)
		return f
	}
	var src []byte
	src, f.Doc, f.Refs = loadFile(inputs(fsys), prefix, p, md, spill, &f.Problems)
	if src != nil {
		sum := sha256.Sum256(src)
		f.Sum = &sum
	}
	return f
}

// Paths lists the files of the content folder in a stable order, leaving out hidden
// files and folders (editors' swap and backup files start with a dot).
func Paths(fsys fs.FS, prefix string, problems *diag.List) []string {
	var paths []string
	err := fs.WalkDir(fsys, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			problems.Errorf(display(prefix, p), 0, 0, "check that the folder exists and can be read", "cannot read: %v", err)
			return nil
		}
		if strings.HasPrefix(e.Name(), ".") && p != "." {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !e.IsDir() {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		problems.Errorf(prefix, 0, 0, "", "cannot read the content folder: %v", err)
	}
	return paths
}

// Add files what one content file produced: a document (or nil) and references.
func (c *Content) Add(d *Document, refs []*guide.Reference) {
	c.References = append(c.References, refs...)
	if d == nil {
		return
	}
	if d.Lang != "" {
		c.Translations = append(c.Translations, d)
		return
	}
	switch d.Kind {
	case guide.KindHome:
		c.Home = d
	case guide.KindRedFlags:
		c.RedFlags = d
	case guide.KindStretch:
		c.Stretches = append(c.Stretches, d)
	case guide.KindRoutine:
		c.Routines = append(c.Routines, d)
	case guide.KindFree:
		c.Pages = append(c.Pages, d)
	}
}

// AddPicture files what loading the picture at path p found, when pf is not nil.
func (c *Content) AddPicture(p string, pf *PictureFile) {
	if pf == nil {
		return
	}
	if c.Pictures == nil {
		c.Pictures = map[string]*PictureFile{}
	}
	c.Pictures[p] = pf
}

// kindOf says what a content path holds: a kind of page, references, or nothing.
func kindOf(p string) (kind guide.Kind, slug string, refs bool) {
	if orig, _ := translationOf(p); orig != "" {
		p = orig
	}
	dir, file := path.Split(p)
	ext := path.Ext(file)
	slug = strings.TrimSuffix(file, ext)
	switch {
	case p == "_index.md":
		return guide.KindHome, "", false
	case p == "red-flags.md":
		return guide.KindRedFlags, "red-flags", false
	case dir == "references/" && (ext == ".yaml" || ext == ".yml" || ext == ".bib" || ext == ".json"):
		return "", "", true
	case ext != ".md":
		return "", "", false
	case dir == "stretches/":
		return guide.KindStretch, slug, false
	case dir == "routines/":
		return guide.KindRoutine, slug, false
	case dir == "pages/":
		return guide.KindFree, slug, false
	}
	return "", "", false
}

// loadFile reads one file: a page becomes a document, a reference file its entries.
func loadFile(fsys fs.FS, prefix, p string, md parser.Parser, spill *Spill, problems *diag.List) (src []byte, d *Document, refs []*guide.Reference) {
	shown := display(prefix, p)
	kind, slug, isRefs := kindOf(p)
	if kind == "" && !isRefs {
		if path.Ext(p) == ".md" {
			problems.Warnf(shown, 0, 0, "move it to stretches/, routines/ or pages/, or rename it", "this Markdown file is not part of the guide")
		}
		return src, nil, nil
	}
	src, size, err := ReadFile(fsys, p)
	if size > MaxFileSize {
		problems.Errorf(shown, 0, 0, "split it into smaller files, or remove anything pasted in by mistake", "the file is %d MB; files over %d MB are not read", size>>20, MaxFileSize>>20)
		return src, nil, nil
	}
	if msg, fix := InputProblem(err, "content"); msg != "" {
		problems.Errorf(shown, 1, 1, fix, "%s", msg)
		return src, nil, nil
	}
	if err != nil {
		problems.Errorf(shown, 0, 0, "check the file's permissions", "cannot read the file: %v", err)
		return src, nil, nil
	}
	if line, col, bad := invalidUTF8(src); bad {
		problems.Errorf(shown, line, col, "save the file as UTF-8 in your editor (often under File > Save with encoding)",
			"the file has bytes that are not UTF-8 text, the first in column %d of line %d", col, line)
		return src, nil, nil
	}
	if isRefs && len(bytes.TrimSpace(src)) == 0 {
		problems.Warnf(shown, 1, 1, "add references, or delete the file", "the file is empty")
		return src, nil, nil
	}
	if isRefs {
		var got []*guide.Reference
		var list diag.List
		switch path.Ext(p) {
		case ".bib":
			got, list = bib.ReadBibTeX(shown, src)
		case ".json":
			got, list = bib.ReadCSLJSON(shown, src)
		default:
			got, list = bib.ReadCSLYAML(shown, src)
		}
		problems.Append(list)
		return src, nil, got
	}
	if len(bytes.TrimSpace(src)) == 0 {
		problems.Errorf(shown, 1, 1, "start it with front matter between --- lines; `stretchguide new` writes a complete one", "the file is empty")
		return src, nil, nil
	}
	m, issue := front.Split(src)
	if issue != nil {
		addIssue(problems, shown, *issue)
		return src, nil, nil
	}
	for _, w := range m.Warnings { // issue 18: list items YAML joins into one
		addIssue(problems, shown, w)
	}
	if m.Node == nil {
		problems.Errorf(shown, 1, 1, "start the file with a line ---, the fields, and another line ---", "the file has no front matter")
		return src, nil, nil
	}
	if e := checkLimits(m.Body); e != nil {
		problems.Errorf(shown, e.line, e.col, e.hint, "%s", e.msg)
		return src, nil, nil
	}
	fm := frontMatter(kind)
	_, lang := translationOf(p)
	for _, is := range front.Decode(m.Node, fm) {
		if lang != "" && is.Line == m.Node.Line && is.Col == m.Node.Column && strings.HasSuffix(is.Msg, " is missing") {
			continue // a translation takes what it leaves out from its original
		}
		addIssue(problems, shown, is)
	}
	doc := newDocument(p, shown, kind, slug, m.Node, fm, m.Body, md, spill)
	doc.Lang = lang
	return src, doc, nil
}

// frontMatter is a new value of the front matter type of a page of the kind.
func frontMatter(kind guide.Kind) any {
	switch kind {
	case guide.KindHome:
		return new(front.Site)
	case guide.KindRedFlags:
		return new(front.RedFlags)
	case guide.KindStretch:
		return new(front.Stretch)
	case guide.KindRoutine:
		return new(front.Routine)
	}
	return new(front.Page)
}

// readFile reads file p of fsys with one open, and gives its size; when the file is
// larger than MaxFileSize it is not read and src is nil. Only a regular file is read
// (through an inputFS, what is not one is not even opened).
func ReadFile(fsys fs.FS, p string) (src []byte, size int64, err error) {
	f, err := inputs(fsys).Open(p)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, 0, err
	}
	if !info.Mode().IsRegular() {
		return nil, 0, &fs.PathError{Op: "read", Path: p, Err: ErrNotRegular}
	}
	if size = info.Size(); size > MaxFileSize {
		return nil, size, nil
	}
	buf := bytes.NewBuffer(make([]byte, 0, size+bytes.MinRead)) // no growing, unless the file grows
	if _, err := buf.ReadFrom(f); err != nil {
		return nil, size, err
	}
	return buf.Bytes(), size, nil
}

// invalidUTF8 finds the first byte that is not UTF-8 and says where it is.
func invalidUTF8(src []byte) (line, col int, bad bool) {
	line, col = 1, 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			return line, col, true
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return 0, 0, false
}

func addIssue(problems *diag.List, path string, is front.Issue) {
	sev := diag.Error
	if is.Warning {
		sev = diag.Warning
	}
	problems.Add(diag.Diagnostic{Path: path, Line: is.Line, Col: is.Col, Severity: sev, Message: is.Msg, Hint: is.Hint})
}

func display(prefix, p string) string {
	if prefix == "" {
		return p
	}
	return path.Join(prefix, p)
}
