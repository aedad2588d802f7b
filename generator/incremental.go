package generator

import (
	"bytes"
	"context"
	"fmt"
	"hash/maphash"
	"html/template"
	"io/fs"
	"maps"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"

	"github.com/stretchguide/stretchguide/generator/citation"
	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/pdf"
	"github.com/stretchguide/stretchguide/generator/schema"
)

// Builder builds the same site again and again, as serve does after every save, and
// redoes only the work whose inputs changed. It keeps, from one build to the next:
//
//   - what loading each content file gave (front matter, parsed body, problems),
//     reused while the file's bytes are the same;
//   - the parsed layouts, reused until a file of the layouts folder changes;
//   - each page's rendered Markdown body, reused while its file, the layouts and every
//     link and citation in it resolve as before;
//   - each page's HTML, reused while the layouts, the whole linked guide apart from
//     what each page has for itself only (its Markdown body and the reading measures
//     taken from it), and the page's own body and reading measures are unchanged. So
//     an edit to a stretch's text renders one page again, while an edit to front
//     matter, which may show on any page (titles in lists, doses in routines,
//     citations in the bibliography), renders them all. Layouts must therefore show a
//     page's body and reading level only on that page;
//   - the routines' handouts (PDFs, QR codes), made again when the guide or a picture
//     changed.
//
// Link runs in full every time, so every cross-reference is checked as in Build, and
// the files of a build are byte for byte those Build writes (TestIncrementalEqualsFull).
// A Builder is not safe for concurrent use.
type Builder struct {
	// LazyPDF leaves the routines' PDF handouts out of the files Build returns, while
	// pages still link to them; Handouts makes each when it is asked for. Making every
	// handout again after each front-matter edit is the slowest part of a rebuild,
	// and serve only needs the ones someone opens.
	LazyPDF bool

	opts    Options
	content string // the content folder, absolute
	layouts string // the layouts folder, absolute; "" for the built-in layouts

	ls          *layoutSet
	md          goldmark.Markdown
	layoutsGen  uint64
	layoutsDirt bool

	files    map[string]*loaded // by path below the content folder
	stale    map[string]bool    // paths below the content folder to read again
	staleAll bool

	gen       uint64
	seed      maphash.Seed
	bodies    map[*document]cachedBody
	pages     map[string]cachedPage
	basePath  string
	rendered  [2]int // bodies and pages rendered by the last build
	handouts  cachedHandouts
	schemas   map[string][]byte
	othersKey uint64 // the files that are neither pages nor references: pictures
	lazy      *lazyHandouts
	words     map[string]cachedWords
}

// cachedWords are a page's words in the search index and their key.
type cachedWords struct {
	key   uint64
	words string
}

// cachedHandouts are the files handouts made (PDFs, QR codes) and their key.
type cachedHandouts struct {
	key   uint64
	files output
}

// loaded is what loading one content file gave.
type loaded struct {
	src      []byte
	doc      *document
	refs     []*guide.Reference // as read; link gets copies, since it fills in CitedBy
	problems diag.List
	version  uint64
	pristine pristine
}

type cachedBody struct {
	key  uint64
	html template.HTML
}

type cachedPage struct {
	key uint64
	b   []byte
}

// NewBuilder returns a builder for the site opts describes; its first Build reads
// everything.
func NewBuilder(opts Options) (*Builder, error) {
	b := &Builder{opts: opts, seed: maphash.MakeSeed(), staleAll: true, layoutsDirt: true}
	var err error
	if b.content, err = filepath.Abs(opts.content()); err != nil {
		return nil, err
	}
	if opts.Layouts != "" {
		if b.layouts, err = filepath.Abs(opts.Layouts); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// Dirs lists the folders a build reads: the content folder and, unless the layouts
// are built in, the layouts folder.
func (b *Builder) Dirs() []string {
	if b.layouts == "" {
		return []string{b.content}
	}
	return []string{b.content, b.layouts}
}

// Rendered says how many Markdown bodies and how many pages the last successful
// build rendered; the rest it reused.
func (b *Builder) Rendered() (bodies, pages int) { return b.rendered[0], b.rendered[1] }

// BasePath is the path the last successful build is published under: "/" or a
// folder such as "/stretch-guide/".
func (b *Builder) BasePath() string { return or(b.basePath, "/") }

// Changed tells the builder that files or folders changed since the last build, so
// the next Build reads them again. Paths are as the operating system names them;
// a folder stands for everything below it. Files added or removed are noticed
// without being named.
func (b *Builder) Changed(paths ...string) {
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			b.staleAll = true
			continue
		}
		if b.layouts != "" && within(b.layouts, abs) {
			b.layoutsDirt = true
		}
		if within(b.content, abs) {
			rel, _ := filepath.Rel(b.content, abs)
			if rel == "." {
				b.staleAll = true
				continue
			}
			if b.stale == nil {
				b.stale = map[string]bool{}
			}
			b.stale[filepath.ToSlash(rel)] = true
		} else if within(abs, b.content) {
			b.staleAll = true // a folder holding the content folder
		}
	}
}

// within reports whether path p is dir or below it.
func within(dir, p string) bool {
	return p == dir || strings.HasPrefix(p, dir+string(filepath.Separator))
}

func (b *Builder) isStale(p string) bool {
	if b.staleAll || b.stale[p] {
		return true
	}
	for dir := p; ; {
		i := strings.LastIndexByte(dir, '/')
		if i < 0 {
			return false
		}
		if dir = dir[:i]; b.stale[dir] {
			return true
		}
	}
}

func (b *Builder) next() uint64 { b.gen++; return b.gen }

// Build runs the pipeline like the package's Build, reusing what it can, and returns
// the site's files in memory: path below the output folder -> content. The maps and
// byte slices it returns are never modified afterwards. When the content has errors,
// it returns a *diag.BuildError, as Build does.
func (b *Builder) Build(ctx context.Context) (map[string][]byte, Result, error) {
	var res Result
	t := newTimer(b.opts.Log)
	if b.layoutsDirt || b.ls == nil {
		ls, err := readLayouts(b.opts.Layouts)
		if err != nil {
			return nil, res, err // layoutsDirt stays set: the next build reads them again
		}
		b.ls, b.md, b.layoutsGen, b.layoutsDirt = ls, newMarkdown(ls.citation), b.next(), false
	}
	t.step("layouts")

	c := b.load(&res.Problems)
	t.step("load")
	ln := link(c, b.opts.BaseURL, &res.Problems)
	t.step("link")
	res.Problems.Sort()
	if err := res.Problems.Err(); err != nil {
		return nil, res, err
	}
	if b.opts.Log != nil {
		logReading(b.opts.Log, ln)
	}
	if err := ctx.Err(); err != nil {
		return nil, res, err
	}
	rc := &renderCache{b: b, model: b.hashModel(ln.guide), bodies: map[*document]cachedBody{},
		bodyKeys: map[*guide.Page]uint64{}, pages: map[string]cachedPage{}, search: map[string]cachedWords{}}
	out, err := renderCached(ln, b.ls, b.md, !b.opts.NoPDF, rc)
	if err != nil {
		return nil, res, err
	}
	if b.schemas == nil {
		b.schemas = schema.Files() // made from Go types: the same for the life of the program
	}
	for name, data := range b.schemas {
		out["schema/"+name] = data
	}
	if err := addEditor(out, ln.guide, b.opts.Layouts); err != nil { // issue 18: admin/, package cms
		return nil, res, err
	}
	t.step("render")
	b.bodies, b.pages, b.basePath = rc.bodies, rc.pages, ln.guide.Site.BasePath
	b.handouts, b.words = rc.handouts, rc.search
	if b.LazyPDF && !b.opts.NoPDF {
		b.lazy = newLazyHandouts(ln, rc.handoutKey, b.lazy)
	}
	b.rendered = [2]int{int(rc.renderedBodies.Load()), int(rc.renderedPages.Load())}
	res.Files = len(out)
	return out, res, nil
}

// load assembles the content as load does, reading only new and changed files.
func (b *Builder) load(problems *diag.List) *content {
	prefix := b.opts.content()
	fsys, _ := openFolder(b.content) // left open: lazy handouts read pictures later; os.Root closes itself once unused
	paths := contentPaths(fsys, prefix, problems)
	next := make([]*loaded, len(paths))
	var todo []int
	for i, p := range paths {
		if f := b.files[p]; f != nil && !b.isStale(p) {
			next[i] = f
		} else {
			todo = append(todo, i)
		}
	}
	parallel(len(todo), func(j int) {
		i := todo[j]
		next[i] = b.loadFile(fsys, prefix, paths[i], b.files[paths[i]])
	})
	for _, i := range todo {
		if next[i].version == 0 {
			next[i].version = b.next()
		}
	}
	c := &content{files: fsys}
	b.files = make(map[string]*loaded, len(paths))
	others := modelHasher{}
	for i, f := range next {
		b.files[paths[i]] = f
		if f.doc == nil && f.refs == nil {
			others.string(paths[i])
			others.uint(f.version)
		}
		problems.Append(f.problems)
		f.pristine.restore()
		refs := make([]*guide.Reference, len(f.refs))
		for j, r := range f.refs {
			cp := *r
			refs[j] = &cp
		}
		c.add(f.doc, refs)
	}
	b.stale, b.staleAll = nil, false
	b.othersKey = maphash.Bytes(b.seed, others.buf)
	return c
}

// loadFile loads one file, or keeps what was loaded before when its bytes are the same.
func (b *Builder) loadFile(fsys fs.FS, prefix, p string, before *loaded) *loaded {
	src, _, err := readFile(fsys, p) // never a FIFO: see inputFS
	if err == nil && before != nil && bytes.Equal(src, before.src) {
		return before
	}
	f := &loaded{src: src}
	f.doc, f.refs = loadFile(fsys, prefix, p, b.md, &f.problems)
	if f.doc != nil {
		f.pristine = record(f.doc.tree)
	}
	return f
}

// pristine holds what link overwrites in a parsed body (link destinations, citation
// labels and addresses), so that a kept document can be linked again as if new.
type pristine struct {
	links  []*ast.Link
	images []*ast.Image
	dests  [][]byte // links' then images' destinations as parsed
	cites  []*citation.Node
}

func record(tree ast.Node) pristine {
	var p pristine
	var images [][]byte
	_ = ast.Walk(tree, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			p.links = append(p.links, n)
			p.dests = append(p.dests, n.Destination)
		case *ast.Image:
			p.images = append(p.images, n)
			images = append(images, n.Destination)
		case *citation.Node:
			p.cites = append(p.cites, n)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	p.dests = append(p.dests, images...)
	return p
}

func (p pristine) restore() {
	for i, n := range p.links {
		n.Destination = p.dests[i]
	}
	for i, n := range p.images {
		n.Destination = p.dests[len(p.links)+i]
	}
	for _, n := range p.cites {
		for i := range n.Items {
			n.Items[i].Href, n.Items[i].Label = "", ""
		}
	}
}

// renderCache lets render reuse the bodies and pages of the previous build whose
// inputs did not change. A nil *renderCache renders everything.
type renderCache struct {
	b     *Builder
	model uint64 // the linked guide, Markdown bodies left out

	renderedBodies, renderedPages atomic.Int32

	handouts   cachedHandouts
	handoutKey uint64
	search     map[string]cachedWords // words by page address

	mu       sync.Mutex
	bodies   map[*document]cachedBody
	bodyKeys map[*guide.Page]uint64
	pages    map[string]cachedPage
}

// body returns the HTML of d's Markdown, rendering it only when its key changed. The
// key covers the file's bytes, the layouts (citations render through them) and every
// value link filled into the tree.
func (c *renderCache) body(p *guide.Page, d *document, render func() (template.HTML, error)) (template.HTML, error) {
	if c == nil {
		return render()
	}
	f := c.b.files[d.path]
	m := modelHasher{buf: make([]byte, 0, 512)}
	m.uint(f.version)
	m.uint(c.b.layoutsGen)
	for _, n := range f.pristine.links {
		m.bytes(n.Destination)
	}
	for _, n := range f.pristine.images {
		m.bytes(n.Destination)
	}
	for _, n := range f.pristine.cites {
		for _, it := range n.Items {
			m.string(it.Href)
			m.string(it.Label)
		}
	}
	key := maphash.Bytes(c.b.seed, m.buf)
	e, ok := c.b.bodies[d]
	if !ok || e.key != key {
		c.renderedBodies.Add(1)
		html, err := render()
		if err != nil {
			return "", err
		}
		e = cachedBody{key: key, html: html}
	}
	c.mu.Lock()
	c.bodies[d], c.bodyKeys[p] = e, key
	c.mu.Unlock()
	return e.html, nil
}

// page returns the file name's content, executing its template only when the
// layouts, the guide or the page's own body changed. It is called after every body
// has been rendered.
func (c *renderCache) page(name string, p *guide.Page, execute func() ([]byte, error)) ([]byte, error) {
	if c == nil {
		return execute()
	}
	m := modelHasher{buf: make([]byte, 0, 64+len(name)), seen: map[seenKey]uint64{}}
	m.uint(c.b.layoutsGen)
	m.uint(c.model)
	m.uint(c.bodyKeys[p])
	m.value(reflect.ValueOf(p.Reading))
	m.string(name)
	key := maphash.Bytes(c.b.seed, m.buf)
	if e, ok := c.b.pages[name]; ok && e.key == key {
		c.store(name, e)
		return e.b, nil
	}
	c.renderedPages.Add(1)
	out, err := execute()
	if err == nil {
		c.store(name, cachedPage{key: key, b: out})
	}
	return out, err
}

func (c *renderCache) store(name string, e cachedPage) {
	c.mu.Lock()
	c.pages[name] = e
	c.mu.Unlock()
}

// handoutFiles adds the routines' handouts to out, made again only when the linked
// guide or a picture changed: a handout shows the routine, its stretches with their
// pictures, the warning signs and the references.
func (c *renderCache) handoutFiles(ln *linked, out output, pdfs bool) error {
	if c == nil {
		return handouts(ln, out, pdfs)
	}
	m := modelHasher{}
	m.uint(c.model)
	m.uint(c.b.othersKey)
	if pdfs {
		m.uint(1)
	}
	if c.b.LazyPDF {
		m.uint(2)
	}
	key := maphash.Bytes(c.b.seed, m.buf)
	c.handoutKey = key
	if prev := c.b.handouts; prev.files != nil && prev.key == key {
		c.handouts = prev
	} else {
		files := output{}
		// Made on request instead (Handouts), the PDFs are left out here; the QR codes
		// are quick and stay.
		if err := handouts(ln, files, pdfs && !c.b.LazyPDF); err != nil {
			return err
		}
		c.handouts = cachedHandouts{key: key, files: files}
	}
	for name, b := range c.handouts.files {
		out[name] = b
	}
	return nil
}

// Handouts returns a function that makes the PDF handout at a path of the last
// successful build (routines/<slug>.pdf), when LazyPDF is set. It reads only that
// build's guide and the pictures, so it may run while the next build does. A handout
// is made once and kept while the guide and the pictures stay the same. It returns
// nil when there is nothing to make on request.
func (b *Builder) Handouts() func(name string) ([]byte, error) {
	if b.lazy == nil {
		return nil
	}
	return b.lazy.make
}

// lazyHandouts makes the handouts of one build on request.
type lazyHandouts struct {
	ln       *linked
	key      uint64 // of the guide and pictures they are made from
	routines map[string]*guide.Routine

	mu   sync.Mutex
	made map[string][]byte
}

// newLazyHandouts prepares ln's handouts, keeping those prev made when the guide and
// pictures are the same.
func newLazyHandouts(ln *linked, key uint64, prev *lazyHandouts) *lazyHandouts {
	h := &lazyHandouts{ln: ln, key: key, routines: map[string]*guide.Routine{}, made: map[string][]byte{}}
	for _, r := range ln.guide.Routines {
		h.routines[pdf.File(r)] = r
	}
	if prev != nil && prev.key == key {
		prev.mu.Lock()
		maps.Copy(h.made, prev.made)
		prev.mu.Unlock()
	}
	return h
}

func (h *lazyHandouts) make(name string) ([]byte, error) {
	r, ok := h.routines[name]
	if !ok {
		return nil, fs.ErrNotExist
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if b, ok := h.made[name]; ok {
		return b, nil
	}
	b, err := pdf.Handout(h.ln.guide, r, h.ln.files)
	if err != nil {
		return nil, fmt.Errorf("routine %s: %w", r.Source, err)
	}
	h.made[name] = b
	return b, nil
}

// words returns a page's words for the search index, found again only when the page's
// text or the guide changed (its title, summary, cues and the like are in the guide).
// searchIndex calls it on all cores, after every body is rendered.
func (c *renderCache) words(p *guide.Page, find func() string) string {
	if c == nil {
		return find()
	}
	m := modelHasher{}
	m.uint(c.model)
	m.uint(c.bodyKeys[p])
	key := maphash.Bytes(c.b.seed, m.buf)
	e, ok := c.b.words[p.URL]
	if !ok || e.key != key {
		e = cachedWords{key: key, words: find()}
	}
	c.mu.Lock()
	c.search[p.URL] = e
	c.mu.Unlock()
	return e.words
}
