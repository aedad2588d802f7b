package render

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"maps"
	"path"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/yuin/goldmark"

	"github.com/stretchguide/stretchguide/generator/cms"
	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/i18n"
	"github.com/stretchguide/stretchguide/generator/link"
	"github.com/stretchguide/stretchguide/generator/memo"
)

// Options say what to render besides the pages.
type Options struct {
	// PDFs makes the routines' PDF handouts, and their pages link to them.
	PDFs bool
	// LazyPDF leaves the PDFs out of the files while pages still link to them;
	// Handout makes each on request.
	LazyPDF bool
	// PictureCache is the folder that keeps resized photos between builds
	// (pictures.go); "" keeps them in memory only.
	PictureCache string
	// Spool, when not nil, keeps the pages and handouts on disk as they are made,
	// and the memo holds them as memo.Blobs: Files.Spooled lists them. A build of
	// a big guide then does not hold them all in memory.
	Spool *memo.Spool
	// Languages are the site's language versions, the default first, when it has
	// more than one (languages.go); Current is the index of the one rendered.
	Languages []Language
	Current   int
}

// Files are a rendered site's files, by path below the output folder.
type Files struct {
	Data map[string][]byte // the files held in memory
	// Spooled are the pages and handouts kept on disk, with Options.Spool.
	Spooled map[string]*io.SectionReader
}

// Stats say what a render did.
type Stats struct {
	Bodies, Pages int    // Markdown bodies and pages rendered; the rest came from the memo
	Handouts      uint64 // the key of the handouts' inputs: the guide and its pictures
}

// run is one render of a linked guide.
type run struct {
	ln      *link.Linked
	ls      *Layouts
	opts    Options
	m       *memo.Memo
	model   uint64                 // the linked guide, Markdown bodies left out
	shared  uint64                 // model less the stretches' summaries (summaries.go)
	optsKey uint64                 // opts and the language versions
	bodies  map[*guide.Page]uint64 // each page's body key (bodies.go)
	md      goldmark.Markdown      // renders the bodies
	images  map[string][]byte      // the pictures, by address
	cat     *i18n.Catalog          // the interface strings of the site's language
	kinds   map[guide.Kind]*template.Template
	langs   []Language        // with their names
	sums    map[string][]byte // the SHA-256 of files the memo knows it for, by name
	spooled map[string]*io.SectionReader

	bodiesMade, pagesMade atomic.Int32
}

// Site turns the linked guide into files: every page through its layout, the
// stylesheet, the pictures, the sitemap and, when opts.PDFs is set, the routines'
// PDF handouts. Every product is taken from m when its inputs are the same as when
// it was stored there.
func Site(ln *link.Linked, ls *Layouts, opts Options, m *memo.Memo) (Files, Stats, error) {
	pages := pageCount(ln.Guide)
	r := &run{ln: ln, ls: ls, opts: opts, m: m, bodies: make(map[*guide.Page]uint64, len(ln.Order)),
		sums: make(map[string][]byte, pages), spooled: make(map[string]*io.SectionReader, pages)}
	r.model, r.shared = m.Models(ln.Guide)
	r.optsKey = optionsKey(m, opts)
	var err error
	if r.cat, err = ls.Catalog(ln.Guide.Site.Language); err != nil {
		return Files{}, Stats{}, err
	}
	r.kinds = ls.langs[r.cat.Lang]
	if r.langs, err = ls.named(opts.Languages); err != nil {
		return Files{}, Stats{}, err
	}
	namePositions(ln.Guide, r.cat)
	// Drawing the site's pictures and writing the editor's settings (1.6 MB of YAML
	// for 10,000 stretches) each take one core a while when they are not in the
	// memo: they are made beside the rest of the render. Site waits for them
	// however it returns, as the memo must not change after it.
	pictures := beside(func() map[string][]byte { return r.sitePictures(ln.Guide.Site) })
	defer pictures()
	editor := beside(func() editorFiles { // admin/: the browser editor (issue 18)
		files, err := r.editor()
		return editorFiles{files, err}
	})
	defer editor()
	out := map[string][]byte{}
	assets := map[string]string{}
	strs := scriptStrings(r.cat)
	for name, b := range ls.assets {
		if name == stringsScript {
			b = withStrings(b, strs)
		}
		sum := sha256.Sum256(b)
		ext := path.Ext(name)
		assets[name] = "assets/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:])[:10] + ext
		out[assets[name]] = b
	}
	r.keyBodies() // bodies.go
	if err := r.readImages(out); err != nil {
		return Files{}, Stats{}, err
	}
	// The handouts next, before the pages: making a PDF allocates much and briefly,
	// and the heap is smallest now, so the process stays smaller.
	key, err := r.handouts(out)
	if err != nil {
		return Files{}, Stats{}, err
	}
	// The search index needs the bodies' keys, not the pages: it is made beside them.
	search := beside(r.searchIndex)
	defer search()
	views := r.views(assets, strs)
	if err := r.renderPages(views, out); err != nil {
		return Files{}, Stats{}, err
	}
	r.pruneCards(views[0].frags) // every view has the same
	g := ln.Guide
	out["sitemap.xml"] = r.sitemap(views)
	out[searchFile] = search()
	out["robots.txt"] = robots(g.Site, r.langs) // the default language's is the one kept
	out[manifestFile] = webManifest(g.Site, assets["favicon.svg"])
	maps.Copy(out, pictures()) // meta.go
	serviceWorker(out, r.spooled, assets, r.sums)
	// After the worker: the editors' page is no part of what patients keep offline.
	ed := editor()
	if ed.err != nil {
		return Files{}, Stats{}, fmt.Errorf("layouts: admin.html: %w", ed.err)
	}
	maps.Copy(out, ed.files)
	return Files{Data: out, Spooled: r.spooled}, Stats{Bodies: int(r.bodiesMade.Load()), Pages: int(r.pagesMade.Load()), Handouts: key}, nil
}

// optionsKey hashes opts for the keys of what they change. Where the pages are
// kept (Spool) is not one of their inputs.
func optionsKey(m *memo.Memo, opts Options) uint64 {
	opts.Spool = nil
	h := m.Hasher()
	h.Value(reflect.ValueOf(opts))
	return h.Sum()
}

// sitemap is the sitemap of the pages in views, kept in the memo: it reads only
// their addresses, kinds and review dates, which the model's key covers.
func (r *run) sitemap(views []view) []byte {
	h := r.m.Hasher()
	h.String("sitemap")
	h.Uint(r.model)
	b, _, _ := memo.Do(r.m, h.Sum(), func() ([]byte, error) { return sitemap(r.ln.Guide, views), nil })
	return b
}

// editor is the browser editor's files (package cms), kept in the memo: they read
// only the front matter of the guide, which the model's key covers, and admin.html.
func (r *run) editor() (map[string][]byte, error) {
	h := r.m.Hasher()
	h.String("editor")
	h.Uint(r.model)
	h.Bytes(r.ls.admin)
	files, _, err := memo.Do(r.m, h.Sum(), func() (map[string][]byte, error) { return cms.Files(r.ln.Guide, r.ls.admin) })
	return files, err
}

// editorFiles are the browser editor's files, or why they could not be made.
type editorFiles struct {
	files map[string][]byte
	err   error
}

// beside runs f on a goroutine of its own and returns the function that waits for
// its result, as often as it is called.
func beside[T any](f func() T) func() T {
	c := make(chan T, 1)
	go func() { c <- f() }()
	return sync.OnceValue(func() T { return <-c })
}

// readImages adds the pictures beside pages to out, with the bytes loading read
// (serve keeps them between builds), or read again when loading did not keep them.
func (r *run) readImages(out map[string][]byte) error {
	r.images = map[string][]byte{}
	for _, img := range r.ln.Images {
		b := r.ln.Pictures[img.Source].Bytes()
		if b == nil {
			var err error
			if b, err = fs.ReadFile(r.ln.Files, img.Source); err != nil {
				return err
			}
		}
		out[img.URL] = b
		r.images[img.URL] = b
		if err := r.addSizes(out, img, b); err != nil { // pictures.go
			return err
		}
	}
	return nil
}

// pageCount is how many pages views lists for guide g: one each for its stretches,
// routines, areas, positions and free pages, and the seven the site itself has (the
// home page, the list of stretches, the warning signs, the references, progress,
// the routine maker and 404).
func pageCount(g *guide.Guide) int {
	return len(g.Stretches) + len(g.Routines) + len(g.Areas) + len(g.Positions) + len(g.Pages) + 7
}

// views lists every page of the site, in the site's order.
func (r *run) views(assets map[string]string, strs template.JS) []view {
	g := r.ln.Guide
	views := make([]view, 0, pageCount(g))
	// The fragments render through the partials in the site's language.
	frags := &fragments{partials: r.kinds[guide.KindHome], kept: r.cardSet(), m: r.m, keptKey: r.cardID}
	add := func(v view) {
		v.Site, v.Guide, v.assets, v.pdfs, v.strings, v.cat, v.frags = g.Site, g, assets, r.opts.PDFs, strs, r.cat, frags
		v.langs, v.current = r.langs, r.opts.Current
		views = append(views, v)
	}
	add(view{Page: g.Home})
	for _, s := range g.Stretches {
		add(view{Page: &s.Page, Stretch: s})
	}
	for _, rt := range g.Routines {
		add(view{Page: &rt.Page, Routine: rt})
	}
	for _, a := range g.Areas {
		add(view{Page: &guide.Page{Kind: guide.KindArea, Slug: a.ID, URL: a.URL, Title: a.Title, Summary: a.Summary}, Area: a})
	}
	c := r.cat
	add(view{Page: &guide.Page{Kind: guide.KindStretches, Slug: "stretches", URL: "stretches/", Title: c.S("page.stretches_title"),
		Summary: c.S("page.stretches_summary")}})
	for _, p := range g.Positions {
		add(view{Page: &guide.Page{Kind: guide.KindPosition, Slug: p.ID, URL: p.URL, Title: p.Title, Summary: p.Summary}})
	}
	add(view{Page: g.RedFlags})
	add(view{Page: &guide.Page{Kind: guide.KindBibliography, Slug: "bibliography", URL: "bibliography/", Title: c.S("page.references_title")}})
	for _, p := range g.Pages {
		add(view{Page: p})
	}
	add(view{Page: named(progressPage(), c, "page.progress")})
	add(view{Page: named(prescribePage(), c, "page.make")})
	add(view{Page: &guide.Page{Kind: guide.KindNotFound, Slug: "404", URL: "404.html", Title: c.S("page.notfound_title")}, Root: g.Site.BasePath})
	return views
}
