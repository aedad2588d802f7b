package generator

import (
	"cmp"
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"maps"
	"path/filepath"
	"strings"
	"sync"

	"github.com/yuin/goldmark/parser"

	"github.com/stretchguide/stretchguide/generator/check"
	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/i18n"
	"github.com/stretchguide/stretchguide/generator/internal/par"
	"github.com/stretchguide/stretchguide/generator/link"
	"github.com/stretchguide/stretchguide/generator/load"
	"github.com/stretchguide/stretchguide/generator/memo"
	"github.com/stretchguide/stretchguide/generator/pdf"
	"github.com/stretchguide/stretchguide/generator/render"
	"github.com/stretchguide/stretchguide/generator/schema"
	"github.com/stretchguide/stretchguide/generator/write"
)

// Builder runs the pipeline (load, link, check, render) and returns the site's files.
// Build runs a new Builder once; serve keeps one alive and runs it after every save,
// and it redoes only the work whose inputs changed. It keeps, from one build to the
// next:
//
//   - what loading each content file gave (a load.Document, or references, and the
//     problems), reused while the file's bytes are the same;
//   - the parsed layouts, reused until a file of the layouts folder changes;
//   - a memo.Memo of every rendered body, page, page's search words and handout,
//     each under a key of exactly its inputs (see package render);
//   - what linking resolved in each document's body (link.Reuse), reused while the
//     document and every page, anchor and reference a link may lead to are the same.
//
// The rest of link, and check, run in full every time, so every cross-reference is
// checked, and the files of a build are byte for byte those of a first build
// (TestIncrementalEqualsFull). A Builder is not safe for concurrent use.
type Builder struct {
	// LazyPDF leaves the routines' PDF handouts out of the files Build returns, while
	// pages still link to them; Handouts makes each when it is asked for. Making every
	// handout again after each front-matter edit is the slowest part of a rebuild,
	// and serve only needs the ones someone opens.
	LazyPDF bool

	opts    Options
	content string // the content folder, absolute
	layouts string // the layouts folder, absolute; "" for the built-in layouts

	ls          *render.Layouts
	parser      parser.Parser
	layoutsDirt bool

	src      fs.FS                // the content, when not read from the folder (check, tests)
	files    map[string]load.File // by path below the content folder
	paths    []string             // the content files the last build listed
	stale    map[string]bool      // paths below the content folder to read again
	staleAll bool
	// unnamed says that Changed was told of a change without its path since the
	// last build, so the folder is listed again.
	unnamed bool

	memo *memo.Memo
	// spill, set by Build, keeps on disk the documents' bodies, words and sites
	// and what link resolved in them (load.Spill): a Builder that lives on, as
	// serve's does, keeps them in memory.
	spill    *load.Spill
	basePath string
	rendered [2]int // bodies and pages rendered by the last build
	schemas  map[string][]byte
	lazy     *lazyHandouts
	others   []translated // the guide in its other languages (languages.go)
	// links keeps what linking resolved in the bodies of each language's guide, by
	// language ("" for the default one).
	links map[string]*link.Reuse
}

// reuse is what linking the guide in language lang keeps between builds.
func (b *Builder) reuse(lang string) *link.Reuse {
	if b.links == nil {
		b.links = map[string]*link.Reuse{}
	}
	if b.links[lang] == nil {
		b.links[lang] = &link.Reuse{}
	}
	return b.links[lang]
}

// NewBuilder returns a builder for the site opts describes; its first Build reads
// everything.
func NewBuilder(opts Options) (*Builder, error) {
	b := &Builder{opts: opts, staleAll: true, layoutsDirt: true, memo: memo.New(), parser: load.NewParser()}
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
func (b *Builder) BasePath() string { return cmp.Or(b.basePath, "/") }

// Changed tells the builder that files or folders changed since the last build, so
// the next Build reads them again. Paths are as the operating system names them;
// a folder stands for everything below it. A build lists the content folder
// again unless every change named a file the last build read that is still there,
// so a file added or removed is noticed when it, or its folder, is named, or when
// Changed is called with no path at all.
func (b *Builder) Changed(paths ...string) {
	if len(paths) == 0 {
		b.unnamed = true
	}
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

// Build runs the pipeline, reusing what it can, and returns the site's files in
// memory: path below the output folder -> content. The maps and byte slices it
// returns are never modified afterwards. When the content has errors, it returns a
// *diag.BuildError.
func (b *Builder) Build(ctx context.Context) (map[string][]byte, Result, error) {
	files, res, err := b.build(ctx, nil)
	return files.Data, res, err
}

// build is Build; with a spool, the pages are kept there rather than in memory
// (render.Options.Spool).
func (b *Builder) build(ctx context.Context, spool *memo.Spool) (render.Files, Result, error) {
	var res Result
	t := newTimer(b.opts.Log)
	// The layouts are read while the content loads: neither needs the other.
	layoutsRead := b.startLayouts()
	ln := b.analyze(&res.Problems, t)
	if err := layoutsRead(t); err != nil {
		return render.Files{}, Result{}, err // layoutsDirt stays set: the next build reads them again
	}
	for _, d := range b.ls.StringProblems(b.opts.Layouts) {
		if d.Severity == diag.Error { // a missing interface string; check warns of unused ones
			res.Problems.Add(d)
		}
	}
	res.Problems.Sort()
	if err := b.spillErr(); err != nil { // before the problems: what was not read back may have made some
		return render.Files{}, res, err
	}
	if err := res.Problems.Err(); err != nil {
		return render.Files{}, res, err
	}
	if b.opts.Log != nil {
		check.LogReading(b.opts.Log, ln)
	}
	if err := ctx.Err(); err != nil {
		return render.Files{}, res, err
	}
	b.memo.Next()
	pdfs := !b.opts.NoPDF
	ropts := render.Options{PDFs: pdfs, LazyPDF: b.LazyPDF, PictureCache: write.CacheDir(b.opts.Out, "images"), Spool: spool}
	langs := languages(ln, b.others)
	o := ropts
	o.Languages = langs
	out, st, err := render.Site(ln, b.ls, o, b.memo)
	if err != nil {
		return render.Files{}, res, err
	}
	if err := b.renderLanguages(out, langs, b.others, ropts); err != nil {
		return render.Files{}, res, err
	}
	if b.schemas == nil {
		b.schemas = schema.Files() // for editors: made from Go types, the same for the life of the program
	}
	for name, data := range b.schemas {
		out.Data["schema/"+name] = data
	}
	if err := b.spillErr(); err != nil {
		return render.Files{}, res, err
	}
	t.step("render")
	b.basePath = ln.Guide.Site.BasePath
	if b.LazyPDF && pdfs {
		cat, err := b.ls.Catalog(ln.Guide.Site.Language) // found: render.Site used it
		if err != nil {
			return render.Files{}, res, err
		}
		b.lazy = newLazyHandouts(ln, cat, st.Handouts, b.lazy)
	}
	b.rendered = [2]int{st.Bodies, st.Pages}
	res.Files, res.Bodies, res.Pages = len(out.Data)+len(out.Spooled), st.Bodies, st.Pages
	res.Summary = summarize(out, ln.Guide)
	return out, res, nil
}

// spillErr is why something kept in the spill could not be read back, if it could
// not: what was made without it is not written.
func (b *Builder) spillErr() error {
	if b.spill == nil {
		return nil
	}
	return b.spill.Err()
}

// load assembles the content as load.Load does, reading only new and changed files.
func (b *Builder) load(problems *diag.List) *load.Content {
	prefix := b.opts.content()
	fsys := b.src
	if fsys == nil {
		fsys, _ = load.OpenFolder(b.content) // left open: lazy handouts read pictures later; os.Root closes itself once unused
	}
	paths := b.paths
	if !b.listed(fsys) {
		var listing diag.List
		paths = load.Paths(fsys, prefix, &listing)
		problems.Append(listing)
		b.paths = paths
		if len(listing) > 0 {
			b.paths = nil // list again next time, to report the problem again
		}
	}
	next := make([]load.File, len(paths))
	par.Do(len(paths), func(i int) {
		p := paths[i]
		before, ok := b.files[p]
		switch {
		case ok && !b.isStale(p):
			next[i] = before
		case ok && before.Sum != nil:
			if src, _, err := load.ReadFile(fsys, p); err == nil && sha256.Sum256(src) == *before.Sum {
				next[i] = before
				return
			}
			fallthrough
		default:
			next[i] = load.LoadFile(fsys, prefix, p, b.parser, b.spill)
		}
	})
	c := &load.Content{Files: fsys, Spill: b.spill}
	b.files = make(map[string]load.File, len(paths))
	for i, f := range next {
		b.files[paths[i]] = f
		problems.Append(f.Problems)
		refs := make([]*guide.Reference, len(f.Refs))
		for j, r := range f.Refs {
			cp := *r // link fills in CitedBy and labels: each build gets its own copy
			refs[j] = &cp
		}
		c.Add(f.Doc, refs)
		c.AddPicture(paths[i], f.Picture)
	}
	b.stale, b.staleAll, b.unnamed = nil, false, false
	return c
}

// listed reports whether the content files are those the last build listed: every
// change since was named, and each named path is a file that build read and that
// is still a regular file. Anything else (a new name, a folder, a removed file, a
// change not named, no change at all) lists the folder again.
func (b *Builder) listed(fsys fs.FS) bool {
	if b.paths == nil || b.staleAll || b.unnamed || len(b.stale) == 0 {
		return false
	}
	for p := range b.stale {
		if _, ok := b.files[p]; !ok {
			return false
		}
		if info, err := fs.Stat(fsys, p); err != nil || !info.Mode().IsRegular() {
			return false
		}
	}
	return true
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
	ln       *link.Linked
	cat      *i18n.Catalog // the words of the guide's language
	key      uint64        // of the guide and pictures they are made from
	routines map[string]*guide.Routine

	mu   sync.Mutex
	made map[string][]byte
}

// newLazyHandouts prepares ln's handouts in the language of cat, keeping those prev
// made when the guide, pictures and strings are the same.
func newLazyHandouts(ln *link.Linked, cat *i18n.Catalog, key uint64, prev *lazyHandouts) *lazyHandouts {
	h := &lazyHandouts{ln: ln, cat: cat, key: key, routines: map[string]*guide.Routine{}, made: map[string][]byte{}}
	for _, r := range ln.Guide.Routines {
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
	b, err := pdf.Handout(h.ln.Guide, r, h.cat, h.ln.Files)
	if err != nil {
		return nil, fmt.Errorf("routine %s: %w", r.Source, err)
	}
	h.made[name] = b
	return b, nil
}
