package generator

import (
	"bytes"
	"io/fs"
	"path"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v3"

	"github.com/stretchguide/stretchguide/generator/bib"
	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/front"
	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/readability"
)

// MaxFileSize is the largest content file read; a larger one is reported and skipped.
const MaxFileSize = 10 << 20

// document is one Markdown file of content/ after loading: its front matter decoded,
// its body parsed, and enough kept to point at any byte of it.
type document struct {
	path    string // below content/, with forward slashes
	display string // as shown in messages
	kind    guide.Kind
	slug    string
	matter  *yaml.Node      // the front matter, lines counted from the top of the file
	body    []byte          // padded so that offsets give the file's line numbers
	tree    ast.Node        // nil once a build without a Builder has rendered it
	plain   string          // the body's plain text, kept when tree is dropped
	anchors map[string]bool // ids of the body's headings
	decoded *decoded        // set by decode
	// What link measures from the document alone, kept for a Builder's next build.
	stats *readability.Stats
	todos *diag.List
}

// position turns a byte offset of the body into a line and column of the file.
func (d *document) position(offset int) (line, col int) {
	offset = min(max(offset, 0), len(d.body))
	before := d.body[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	col = utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	return line, col
}

// content is everything read from content/.
type content struct {
	home, redFlags *document
	stretches      []*document
	routines       []*document
	pages          []*document
	references     []*guide.Reference
	files          fs.FS // for images beside pages
}

// load reads every content file from fsys, splits and decodes front matter and parses
// Markdown bodies. prefix is prepended to paths in messages (usually "content").
func load(fsys fs.FS, prefix string, md goldmark.Markdown, problems *diag.List) *content {
	fsys = inputs(fsys)
	c := &content{files: fsys}
	paths := contentPaths(fsys, prefix, problems)
	docs := make([]*document, len(paths))
	refs := make([][]*guide.Reference, len(paths))
	lists := make([]diag.List, len(paths))
	parallel(len(paths), func(i int) {
		docs[i], refs[i] = loadFile(fsys, prefix, paths[i], md, &lists[i])
	})
	for i, d := range docs {
		problems.Append(lists[i])
		c.add(d, refs[i])
	}
	return c
}

// contentPaths lists the files of the content folder in a stable order, leaving out
// hidden files and folders (editors' swap and backup files start with a dot).
func contentPaths(fsys fs.FS, prefix string, problems *diag.List) []string {
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

// add files what one content file produced: a document (or nil) and references.
func (c *content) add(d *document, refs []*guide.Reference) {
	c.references = append(c.references, refs...)
	if d == nil {
		return
	}
	switch d.kind {
	case guide.KindHome:
		c.home = d
	case guide.KindRedFlags:
		c.redFlags = d
	case guide.KindStretch:
		c.stretches = append(c.stretches, d)
	case guide.KindRoutine:
		c.routines = append(c.routines, d)
	case guide.KindFree:
		c.pages = append(c.pages, d)
	}
}

// kindOf says what a content path holds: a kind of page, references, or nothing.
func kindOf(p string) (kind guide.Kind, slug string, refs bool) {
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
func loadFile(fsys fs.FS, prefix, p string, md goldmark.Markdown, problems *diag.List) (*document, []*guide.Reference) {
	shown := display(prefix, p)
	kind, slug, isRefs := kindOf(p)
	if kind == "" && !isRefs {
		if path.Ext(p) == ".md" {
			problems.Warnf(shown, 0, 0, "move it to stretches/, routines/ or pages/, or rename it", "this Markdown file is not part of the guide")
		}
		return nil, nil
	}
	src, size, err := readFile(fsys, p)
	if size > MaxFileSize {
		problems.Errorf(shown, 0, 0, "split it into smaller files, or remove anything pasted in by mistake", "the file is %d MB; files over %d MB are not read", size>>20, MaxFileSize>>20)
		return nil, nil
	}
	if msg, fix := inputProblem(err, "content"); msg != "" {
		problems.Errorf(shown, 1, 1, fix, "%s", msg)
		return nil, nil
	}
	if err != nil {
		problems.Errorf(shown, 0, 0, "check the file's permissions", "cannot read the file: %v", err)
		return nil, nil
	}
	if line, col, bad := invalidUTF8(src); bad {
		problems.Errorf(shown, line, col, "save the file as UTF-8 in your editor (often under File > Save with encoding)",
			"the file has bytes that are not UTF-8 text, the first in column %d of line %d", col, line)
		return nil, nil
	}
	if isRefs && len(bytes.TrimSpace(src)) == 0 {
		problems.Warnf(shown, 1, 1, "add references, or delete the file", "the file is empty")
		return nil, nil
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
		return nil, got
	}
	if len(bytes.TrimSpace(src)) == 0 {
		problems.Errorf(shown, 1, 1, "start it with front matter between --- lines; `stretchguide new` writes a complete one", "the file is empty")
		return nil, nil
	}
	m, issue := front.Split(src)
	if issue != nil {
		addIssue(problems, shown, *issue)
		return nil, nil
	}
	for _, w := range m.Warnings { // issue 18: list items YAML joins into one
		addIssue(problems, shown, w)
	}
	if m.Node == nil {
		problems.Errorf(shown, 1, 1, "start the file with a line ---, the fields, and another line ---", "the file has no front matter")
		return nil, nil
	}
	if e := checkLimits(m.Body); e != nil {
		problems.Errorf(shown, e.line, e.col, e.hint, "%s", e.msg)
		return nil, nil
	}
	d := &document{path: p, display: shown, kind: kind, slug: slug, matter: m.Node, body: m.Body}
	// Decoded here, on all cores; link finds the result kept in d and reports its
	// problems where it always did.
	d.decode(frontMatter(kind), new(diag.List))
	ctx := parser.NewContext()
	d.tree = md.Parser().Parse(text.NewReader(d.body), parser.WithContext(ctx))
	d.anchors = map[string]bool{}
	_ = ast.Walk(d.tree, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			if id, ok := h.AttributeString("id"); ok {
				if s, ok := id.([]byte); ok {
					d.anchors[string(s)] = true
				}
			}
		}
		if c := n.FirstChild(); c != nil && c.Type() == ast.TypeInline {
			return ast.WalkSkipChildren, nil // a heading never sits inside a paragraph
		}
		return ast.WalkContinue, nil
	})
	return d, nil
}

// frontMatter is a new value of the front matter type link decodes a page of the
// kind into.
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
func readFile(fsys fs.FS, p string) (src []byte, size int64, err error) {
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
		return nil, 0, &fs.PathError{Op: "read", Path: p, Err: errNotRegular}
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

// decode decodes d's front matter into v, reporting every problem. The result is
// kept in d, so a document that a Builder keeps between builds is decoded once
// (link only reads the decoded values; slices are shared between the copies).
func (d *document) decode(v any, problems *diag.List) {
	dst := reflect.ValueOf(v).Elem()
	if d.decoded == nil || d.decoded.v.Type() != dst.Type() {
		issues := front.Decode(d.matter, v)
		kept := reflect.New(dst.Type()).Elem()
		kept.Set(dst)
		d.decoded = &decoded{v: kept, issues: issues}
	} else {
		dst.Set(d.decoded.v)
	}
	for _, is := range d.decoded.issues {
		addIssue(problems, d.display, is)
	}
}

// decoded is a document's front matter as decode last decoded it.
type decoded struct {
	v      reflect.Value
	issues []front.Issue
}

func display(prefix, p string) string {
	if prefix == "" {
		return p
	}
	return path.Join(prefix, p)
}
