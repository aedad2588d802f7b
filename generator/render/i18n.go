package render

import (
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"
	"time"

	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/i18n"
	"github.com/stretchguide/stretchguide/layouts"
)

// i18nDir is the folder of a layouts folder that holds one catalog of interface
// strings per language (package i18n).
const i18nDir = "i18n"

// langFuncs are the template functions that speak a language: at parse time they
// stand in for the ones each language's template set gets (withLang).
var langFuncs = template.FuncMap{
	"T":          func(string, ...any) (template.HTML, error) { return "", nil },
	"date":       func(guide.Date) string { return "" },
	"words":      func(time.Duration) string { return "" },
	"dose":       func(guide.Dose) string { return "" },
	"urgency":    func(guide.Urgency) string { return "" },
	"gradeLabel": func(guide.Grade) string { return "" },
	"call":       func(guide.Site) string { return "" },
	"fields":     func(s template.HTML) []string { return strings.Fields(string(s)) },
}

// withLang gives the template functions of langFuncs their meaning in c's language.
func withLang(c *i18n.Catalog) template.FuncMap {
	return template.FuncMap{
		"T":     c.HTML,
		"date":  func(d guide.Date) string { return c.Date(d.Time) },
		"words": c.Words,
		"dose":  func(d guide.Dose) string { return c.Dose(d.Hold, d.Reps, d.Sets, d.Sides) },
		"urgency": func(u guide.Urgency) string {
			if u != guide.Emergency && u != guide.Urgent {
				u = guide.Soon
			}
			return c.S("urgency." + string(u))
		},
		"gradeLabel": func(g guide.Grade) string {
			if g.Label() == "" {
				return ""
			}
			return c.S("grade." + strings.ReplaceAll(string(g), "-", "_"))
		},
		// call is the words of the link that calls the emergency number, "Call 999",
		// with no-break spaces so that the number never wraps.
		"call": func(s guide.Site) string {
			return strings.ReplaceAll(c.S("signs.call", s.EmergencyNumber), " ", "\u00a0")
		},
	}
}

// readCatalogs reads the catalogs of the layouts folder's i18n folder, or the
// built-in ones when it has none. own says whether they came from fsys.
func readCatalogs(fsys fs.FS) (cats map[string]*i18n.Catalog, own bool, err error) {
	from, prefix, own := fsys, "layouts/", true
	names, _ := fs.Glob(fsys, i18nDir+"/*.yaml")
	if len(names) == 0 {
		from, prefix, own = layouts.FS, "layouts/", false
		names, _ = fs.Glob(from, i18nDir+"/*.yaml")
	}
	cats = map[string]*i18n.Catalog{}
	for _, name := range names {
		b, err := fs.ReadFile(from, name)
		if err != nil {
			return nil, false, err
		}
		lang := strings.TrimSuffix(path.Base(name), ".yaml")
		if cats[lang], err = i18n.Parse(prefix+name, lang, b); err != nil {
			return nil, false, err
		}
	}
	return cats, own, nil
}

// Catalog returns the catalog of a language tag: its own, else that of its base
// language ("en" for "en-GB").
func (ls *Layouts) Catalog(lang string) (*i18n.Catalog, error) {
	if c, ok := ls.catalogs[lang]; ok {
		return c, nil
	}
	base, _, _ := strings.Cut(lang, "-")
	if c, ok := ls.catalogs[strings.ToLower(base)]; ok {
		return c, nil
	}
	return nil, fmt.Errorf("no interface strings for the language %q: add layouts/%s/%s.yaml", lang, i18nDir, base)
}

// named gives a page the build makes its title and summary in c's language: the
// strings key+"_title" and key+"_summary".
func named(p *guide.Page, c *i18n.Catalog, key string) *guide.Page {
	p.Title, p.Summary = c.S(key+"_title"), c.S(key+"_summary")
	return p
}

// namePositions gives the guide's positions their words in c's language. Link makes
// the positions afresh for each build, from guide.Positions, so this changes no
// other build's guide.
func namePositions(g *guide.Guide, c *i18n.Catalog) {
	for _, p := range g.Positions {
		p.Title, p.Summary = c.S("position."+p.ID+".title"), c.S("position."+p.ID+".summary")
	}
}
