// Package render turns the linked guide into the site's files: each page through
// the templates of the layouts folder, with its Markdown body rendered by looking
// every link and citation up in link's Table; the stylesheet and scripts, the
// pictures, the search index, the sitemap, robots.txt, the web app manifest, and
// the routines' handouts and QR codes. Every product is kept in a memo.Memo under
// a key of exactly its inputs, so a build with a memo kept from the last one renders
// only what changed.
package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/yuin/goldmark/util"

	"github.com/stretchguide/stretchguide/generator/citation"
	"github.com/stretchguide/stretchguide/generator/cms"
	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/i18n"
	"github.com/stretchguide/stretchguide/generator/link"
	"github.com/stretchguide/stretchguide/layouts"
)

// Layouts is the parsed layouts: one template set per kind of page, each holding
// base.html and partials.html, plus the static assets (every .css and .js file at the
// top of the layouts folder, and any .svg there, such as the favicon).
type Layouts struct {
	id uint64 // a hash of the files read, for the keys of what renders through them
	// builtIn says the layouts are those built into the program, whose templates
	// show a stretch's summary only where summaries.go says.
	builtIn bool
	kinds   map[guide.Kind]*template.Template
	base    *template.Template
	assets  map[string][]byte // file name -> content
	admin   []byte            // admin.html, the browser editor's page (package cms)

	langs       map[string]map[guide.Kind]*template.Template // kinds, per language of catalogs
	catalogs    map[string]*i18n.Catalog                     // the interface strings, by language
	ownCatalogs bool                                         // the catalogs came from the layouts folder
	used        map[string][]use                             // the keys the layouts and the program use (strings.go)
}

// pageKinds lists each layout file and the kind of page it renders.
var pageKinds = map[guide.Kind]string{
	guide.KindHome: "home.html", guide.KindStretch: "stretch.html", guide.KindRoutine: "routine.html",
	guide.KindArea: "area.html", guide.KindRedFlags: "red-flags.html", guide.KindBibliography: "bibliography.html",
	guide.KindFree: "page.html", guide.KindNotFound: "404.html",
	guide.KindStretches: "stretches.html", guide.KindPosition: "position.html",
}

// ParseLayouts reads the templates and stylesheet from fsys, once per build.
func ParseLayouts(fsys fs.FS) (*Layouts, error) {
	base, err := template.New("base.html").Funcs(funcs).Funcs(langFuncs).Funcs(patientFuncs).Funcs(clinicalFuncs).ParseFS(fsys, "base.html", "partials.html")
	if err != nil {
		return nil, fmt.Errorf("layouts: %w", err)
	}
	ls := &Layouts{kinds: map[guide.Kind]*template.Template{}, base: base}
	for kind, file := range pageKinds {
		t, err := template.Must(base.Clone()).ParseFS(fsys, file)
		if err != nil {
			return nil, fmt.Errorf("layouts: %w", err)
		}
		ls.kinds[kind] = t
	}
	if ls.catalogs, ls.ownCatalogs, err = readCatalogs(fsys); err != nil {
		return nil, fmt.Errorf("layouts: %w", err)
	}
	ls.used = scanKeys(fsys)
	ls.langs = map[string]map[guide.Kind]*template.Template{}
	for lang, c := range ls.catalogs {
		ls.langs[lang] = map[guide.Kind]*template.Template{}
		for kind, t := range ls.kinds {
			ls.langs[lang][kind] = template.Must(t.Clone()).Funcs(withLang(c))
		}
	}
	if ls.assets, err = readAssets(fsys); err != nil {
		return nil, err
	}
	if ls.admin, err = fs.ReadFile(fsys, "admin.html"); errors.Is(err, fs.ErrNotExist) {
		ls.admin, err = cms.DefaultPage() // a layouts folder without one gets the built-in page
	}
	if err != nil {
		return nil, fmt.Errorf("layouts: %w", err)
	}
	ls.id = layoutsID(fsys, ls.assets)
	ls.builtIn = ls.id == builtInID()
	return ls, nil
}

// readAssets reads the stylesheets, scripts and pictures at the top of fsys, and
// adds the code highlighting's rules to style.css.
func readAssets(fsys fs.FS) (map[string][]byte, error) {
	assets := map[string][]byte{}
	for _, pattern := range []string{"*.css", "*.js", "*.svg"} {
		names, _ := fs.Glob(fsys, pattern)
		for _, name := range names {
			b, err := fs.ReadFile(fsys, name)
			if err != nil {
				return nil, fmt.Errorf("layouts: %w", err)
			}
			assets[name] = b
		}
	}
	css, ok := assets["style.css"]
	if !ok {
		return nil, fmt.Errorf("layouts: style.css is missing")
	}
	assets["style.css"] = append(append(css[:len(css):len(css)], '\n'), codeCSS()...)
	return assets, nil
}

// builtInID is the id of the layouts built into the program.
var builtInID = sync.OnceValue(func() uint64 {
	assets, err := readAssets(layouts.FS)
	if err != nil {
		return 0
	}
	return layoutsID(layouts.FS, assets)
})

// layoutsID hashes the templates and assets of a layouts folder.
func layoutsID(fsys fs.FS, assets map[string][]byte) uint64 {
	names := []string{"base.html", "partials.html"}
	for _, file := range pageKinds {
		names = append(names, file)
	}
	sort.Strings(names[2:])
	cats, _ := fs.Glob(fsys, i18nDir+"/*.yaml")
	names = append(names, cats...)
	h := sha256.New()
	for _, name := range names {
		b, _ := fs.ReadFile(fsys, name)
		fmt.Fprintf(h, "%s %d\n", name, len(b))
		h.Write(b)
	}
	for _, name := range slices.Sorted(maps.Keys(assets)) {
		fmt.Fprintf(h, "%s %d\n", name, len(assets[name]))
		h.Write(assets[name])
	}
	return binary.LittleEndian.Uint64(h.Sum(nil))
}

// Layout names the layouts file that renders pages of the kind.
func Layout(kind guide.Kind) string { return pageKinds[kind] }

// citation writes an inline citation, its items as t resolved them, through the
// layouts' "citation" template.
func (ls *Layouts) citation(t *link.Table) citation.RenderFunc {
	return func(w util.BufWriter, n *citation.Node) error {
		return ls.base.ExecuteTemplate(w, "citation", t.Citation(n))
	}
}

var funcs = template.FuncMap{
	"iso8601": guide.ISO8601,
	"lower":   strings.ToLower,
	"title":   func(s string) string { return strings.ToUpper(s[:min(1, len(s))]) + s[min(1, len(s)):] },
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
	Flag    *guide.Flag      // one warning sign, for "action"
	Ref     *guide.Reference // one reference, for "graded"
}

// period ends a piece of a reference with a full stop, unless it already ends with
// punctuation ("Does stretching help?").
func period(s string) string {
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".?!") {
		return s
	}
	return s + "."
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
	strings template.JS       // the scripts' strings, in the page's language (strings.go)
	cat     *i18n.Catalog     // the interface strings of the page's language
	pdfs    bool              // the build writes PDF handouts (handouts.go)
	frags   *fragments        // what many pages show alike (fragments.go)
	langs   []Language        // the site's language versions (languages.go)
	current int               // the index in langs of the page's language
}

// Strings is the JSON of the strings the scripts show, in the page's language. The
// built-in layouts no longer put it in the page, as strings.js carries it; a layout
// made before that may still, in <script type="application/json" id="ui-strings">,
// which strings.js then prefers.
func (v view) Strings() template.JS { return v.strings }

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
	return link.RelURL(v.Page.URL, u)
}

// Canonical is the page's absolute address, or "" when no base URL is set.
func (v view) Canonical() string {
	if v.Site.BaseURL == "" {
		return ""
	}
	return v.Site.BaseURL + v.Page.URL
}

// buffers are reused across pages: each page is written into a buffer already grown
// by earlier ones, then copied out at its exact size.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooled is the largest buffer kept for reuse. The few pages that list the whole
// guide (all stretches, the references, the routine maker) are megabytes at 10,000
// stretches; kept, their buffers held some 38 MB until the build ended.
const maxPooled = 256 << 10

func putBuffer(b *bytes.Buffer) {
	if b.Cap() > maxPooled {
		return
	}
	b.Reset()
	buffers.Put(b)
}

// PageFile is the file a page address is written to: a folder's index.html.
func PageFile(u string) string {
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
