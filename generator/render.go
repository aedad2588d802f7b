package generator

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/util"

	"github.com/stretchguide/stretchguide/generator/citation"
	"github.com/stretchguide/stretchguide/generator/guide"
)

// output is the built site in memory: file path below the output folder -> bytes.
type output map[string][]byte

// layoutSet is the parsed layouts: one template set per kind of page, each holding
// base.html and partials.html, plus the static assets (every .css and .js file at the
// top of the layouts folder, and any .svg there, such as the favicon).
type layoutSet struct {
	kinds  map[guide.Kind]*template.Template
	base   *template.Template
	assets map[string][]byte // file name -> content
}

// pageKinds lists each layout file and the kind of page it renders.
var pageKinds = map[guide.Kind]string{
	guide.KindHome: "home.html", guide.KindStretch: "stretch.html", guide.KindRoutine: "routine.html",
	guide.KindArea: "area.html", guide.KindRedFlags: "red-flags.html", guide.KindBibliography: "bibliography.html",
	guide.KindFree: "page.html", guide.KindNotFound: "404.html",
	guide.KindStretches: "stretches.html", guide.KindPosition: "position.html",
}

// parseLayouts reads the templates and stylesheet from fsys, once per build.
func parseLayouts(fsys fs.FS) (*layoutSet, error) {
	base, err := template.New("base.html").Funcs(funcs).Funcs(patientFuncs).ParseFS(fsys, "base.html", "partials.html")
	if err != nil {
		return nil, fmt.Errorf("layouts: %w", err)
	}
	ls := &layoutSet{kinds: map[guide.Kind]*template.Template{}, base: base}
	for kind, file := range pageKinds {
		t, err := template.Must(base.Clone()).ParseFS(fsys, file)
		if err != nil {
			return nil, fmt.Errorf("layouts: %w", err)
		}
		ls.kinds[kind] = t
	}
	ls.assets = map[string][]byte{}
	for _, pattern := range []string{"*.css", "*.js", "*.svg"} {
		names, _ := fs.Glob(fsys, pattern)
		for _, name := range names {
			if ls.assets[name], err = fs.ReadFile(fsys, name); err != nil {
				return nil, fmt.Errorf("layouts: %w", err)
			}
		}
	}
	css, ok := ls.assets["style.css"]
	if !ok {
		return nil, fmt.Errorf("layouts: style.css is missing")
	}
	ls.assets["style.css"] = append(append(css[:len(css):len(css)], '\n'), codeCSS()...)
	return ls, nil
}

// citation writes an inline citation through the layouts' "citation" template.
func (ls *layoutSet) citation(w util.BufWriter, n *citation.Node) error {
	return ls.base.ExecuteTemplate(w, "citation", n)
}

var funcs = template.FuncMap{
	"words":   guide.Words,
	"iso8601": guide.ISO8601,
	"lower":   strings.ToLower,
	"title":   func(s string) string { return strings.ToUpper(s[:min(1, len(s))]) + s[min(1, len(s)):] },
	"urgency": urgencyLabel,
	"period":  period,
	"card":    func(v view, s *guide.Stretch) part { return part{View: v, Stretch: s} },
	"flags":   func(v view, fs []*guide.Flag) part { return part{View: v, Flags: fs} },
	"grade":   func(v view, g guide.Grade) part { return part{View: v, Grade: g} },
}

// part is what a partial template sees: the page's view and the one thing it shows.
type part struct {
	View    view
	Stretch *guide.Stretch
	Flags   []*guide.Flag
	Grade   guide.Grade
}

// period ends a piece of a reference with a full stop, unless it already ends with
// punctuation ("Does stretching help?").
func period(s string) string {
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".?!") {
		return s
	}
	return s + "."
}

// urgencyLabel says an urgency in the words patients see.
func urgencyLabel(u guide.Urgency) string {
	switch u {
	case guide.Emergency:
		return "Emergency"
	case guide.Urgent:
		return "Urgent"
	}
	return "See a doctor soon"
}

// view is what a template sees: the page being written, the whole guide for
// navigation, and Root, the prefix that leads from this page back to the site root.
type view struct {
	Site    guide.Site
	Guide   *guide.Guide
	Page    *guide.Page
	Stretch *guide.Stretch
	Routine *guide.Routine
	Area    *guide.Area
	Root    string
	assets  map[string]string // asset file name -> fingerprinted address below the root
	pdfs    bool              // the build writes PDF handouts (handouts.go)
}

// Asset returns the address of a layouts asset (style.css, a script) from this page.
// Asset names carry a hash of their content, so they can be cached for a long time.
func (v view) Asset(name string) (string, error) {
	u, ok := v.assets[name]
	if !ok {
		return "", fmt.Errorf("no asset %q in the layouts folder", name)
	}
	return v.Link(u), nil
}

// Link returns the address of site page u (relative to the site root) as seen from
// the page being written, so the site works at a domain root and under any folder.
func (v view) Link(u string) string {
	if v.Root != "" && strings.HasPrefix(v.Root, "/") {
		return v.Root + u
	}
	return relURL(v.Page.URL, u)
}

// Canonical is the page's absolute address, or "" when no base URL is set.
func (v view) Canonical() string {
	if v.Site.BaseURL == "" {
		return ""
	}
	return v.Site.BaseURL + v.Page.URL
}

// render turns the linked guide into files: every page through its layout, the
// stylesheet, the pictures, the sitemap and, unless pdfs is false, the routines' PDF
// handouts.
func render(ln *linked, ls *layoutSet, md goldmark.Markdown, pdfs bool) (output, error) {
	return renderCached(ln, ls, md, pdfs, nil)
}

// renderCached is render reusing, through c, the bodies and pages of the previous
// build whose inputs did not change (see Builder); with c nil it renders everything.
func renderCached(ln *linked, ls *layoutSet, md goldmark.Markdown, pdfs bool, c *renderCache) (output, error) {
	g := ln.guide
	out := output{}
	assets := map[string]string{}
	for name, b := range ls.assets {
		sum := sha256.Sum256(b)
		ext := path.Ext(name)
		assets[name] = "assets/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:])[:10] + ext
		out[assets[name]] = b
	}

	// Bodies first, in parallel: this is where most of the time goes.
	pages := make([]*guide.Page, 0, len(ln.docs))
	for p := range ln.docs {
		pages = append(pages, p)
	}
	errs := make([]error, len(pages))
	parallel(len(pages), func(i int) {
		d := ln.docs[pages[i]]
		pages[i].Body, errs[i] = c.body(pages[i], d, func() (template.HTML, error) {
			b := buffers.Get().(*bytes.Buffer)
			defer putBuffer(b)
			err := md.Renderer().Render(b, d.body, d.tree)
			return template.HTML(b.String()), err
		})
		if c == nil && errs[i] == nil {
			// Nothing renders this body again: keep its plain text for the search
			// index and let the syntax tree go. In a big guide the trees are much of
			// the memory a build holds.
			d.plain = ln.text(pages[i])
			d.tree = nil
		}
	})
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("%s: %w", ln.docs[pages[i]].display, err)
		}
	}

	// The handouts next, before the pages: making a PDF allocates much and briefly,
	// and the heap is smallest now, so the process stays smaller.
	if err := c.handoutFiles(ln, out, pdfs); err != nil {
		return nil, err
	}

	var views []view
	add := func(v view) { v.Site, v.Guide, v.assets, v.pdfs = g.Site, g, assets, pdfs; views = append(views, v) }
	add(view{Page: g.Home})
	for _, s := range g.Stretches {
		add(view{Page: &s.Page, Stretch: s})
	}
	for _, r := range g.Routines {
		add(view{Page: &r.Page, Routine: r})
	}
	for _, a := range g.Areas {
		add(view{Page: &guide.Page{Kind: guide.KindArea, Slug: a.ID, URL: a.URL, Title: a.Title, Summary: a.Summary}, Area: a})
	}
	add(view{Page: &guide.Page{Kind: guide.KindStretches, Slug: "stretches", URL: "stretches/", Title: "All stretches",
		Summary: "Every stretch in this guide, with its position, how long it takes and what you need."}})
	for _, p := range g.Positions {
		add(view{Page: &guide.Page{Kind: guide.KindPosition, Slug: p.ID, URL: p.URL, Title: p.Title, Summary: p.Summary}})
	}
	add(view{Page: g.RedFlags})
	add(view{Page: &guide.Page{Kind: guide.KindBibliography, Slug: "bibliography", URL: "bibliography/", Title: "References"}})
	for _, p := range g.Pages {
		add(view{Page: p})
	}
	add(view{Page: progressPage()})
	add(view{Page: prescribePage()})
	add(view{Page: &guide.Page{Kind: guide.KindNotFound, Slug: "404", URL: "404.html", Title: "Page not found"}, Root: g.Site.BasePath})

	files := make([][]byte, len(views))
	terrs := make([]error, len(views))
	parallel(len(views), func(i int) {
		files[i], terrs[i] = c.page(pageFile(views[i].Page.URL), views[i].Page, func() ([]byte, error) {
			b := buffers.Get().(*bytes.Buffer)
			defer putBuffer(b)
			err := ls.kinds[views[i].Page.Kind].ExecuteTemplate(b, "base", views[i])
			return bytes.Clone(b.Bytes()), err
		})
	})
	for i, v := range views {
		if terrs[i] != nil {
			return nil, fmt.Errorf("layouts: page %s: %w", v.Page.URL, terrs[i])
		}
		out[pageFile(v.Page.URL)] = files[i]
	}
	for _, img := range ln.images {
		b, err := fs.ReadFile(ln.files, img.Source)
		if err != nil {
			return nil, err
		}
		out[img.URL] = b
	}
	out["sitemap.xml"] = sitemap(g, views)
	out[searchFile] = searchIndex(ln, c)
	out["robots.txt"] = robots(g.Site)
	out[manifestFile] = webManifest(g.Site, assets["favicon.svg"])
	serviceWorker(out, assets)
	return out, nil
}

// buffers are reused across pages: each page is written into a buffer already grown
// by earlier ones, then copied out at its exact size.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func putBuffer(b *bytes.Buffer) {
	b.Reset()
	buffers.Put(b)
}

// pageFile is the file a page address is written to: a folder's index.html.
func pageFile(u string) string {
	if strings.HasSuffix(u, ".html") {
		return u
	}
	return path.Join(u, "index.html")
}

// sitemap lists every page with its absolute address and last review date.
func sitemap(g *guide.Guide, views []view) []byte {
	type entry struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod,omitempty"`
	}
	var set struct {
		XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
		URLs    []entry  `xml:"url"`
	}
	root := g.Site.BaseURL
	if root == "" {
		root = g.Site.BasePath
	}
	for _, v := range views {
		if v.Page.Kind == guide.KindNotFound || v.Page.ForAuthors || v.Page.Kind == kindProgress {
			continue
		}
		set.URLs = append(set.URLs, entry{Loc: root + v.Page.URL, LastMod: lastReviewed(g, v).ISO()})
	}
	b, _ := xml.MarshalIndent(set, "", "  ")
	return append([]byte(xml.Header), append(b, '\n')...)
}
