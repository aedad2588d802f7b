package render

import (
	"strings"

	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/link"
)

// Language is one language version of a site with several.
type Language struct {
	Code   string // a BCP 47 tag: es
	Prefix string // the folder it is published in below the site root: "" or "es/"
	// Pages are the addresses of the pages published in it (Published).
	Pages map[string]bool
	name  string // the language's name in itself, from its catalog (lang.name)
}

// Alternate is a version of the page being written in one language: Href leads to
// it, or to that language's home when the page is not translated.
type Alternate struct {
	Lang, Name, Href string
	// URL is Href for hreflang links: absolute when the site has a base URL.
	URL        string
	Current    bool // the page's own language
	Translated bool // the page exists in the language
}

// named gives each language its name, from its own catalog.
func (ls *Layouts) named(langs []Language) ([]Language, error) {
	out := make([]Language, len(langs))
	for i, l := range langs {
		c, err := ls.Catalog(l.Code)
		if err != nil {
			return nil, err
		}
		l.name = c.S("lang.name")
		out[i] = l
	}
	return out, nil
}

// Published is the address of every page a build writes for guide g (as views
// lists them): its Markdown pages and the pages the build makes, such as a position
// page, which a language has only when one of its stretches uses the position.
func Published(g *guide.Guide) map[string]bool {
	urls := map[string]bool{g.Home.URL: true, "stretches/": true, g.RedFlags.URL: true, "bibliography/": true,
		progressPage().URL: true, prescribePage().URL: true, "404.html": true}
	for _, s := range g.Stretches {
		urls[s.URL] = true
	}
	for _, r := range g.Routines {
		urls[r.URL] = true
	}
	for _, a := range g.Areas {
		urls[a.URL] = true
	}
	for _, p := range g.Positions {
		urls[p.URL] = true
	}
	for _, p := range g.Pages {
		urls[p.URL] = true
	}
	return urls
}

// Alternates lists the page in every language of the site, for hreflang links and
// the language switcher; nil when the site has one language. The switcher leads to
// the page in each language that publishes it, and to that language's home in
// the others.
func (v view) Alternates() []Alternate {
	if len(v.langs) < 2 {
		return nil
	}
	cur := v.langs[v.current]
	alts := make([]Alternate, len(v.langs))
	for i, l := range v.langs {
		target, ok := v.Page.URL, true
		if !l.Pages[v.Page.URL] {
			target, ok = "", false
		}
		href := link.RelURL(cur.Prefix+v.Page.URL, l.Prefix+target)
		if strings.HasPrefix(v.Root, "/") { // the 404 page: from the site root
			href = strings.TrimSuffix(v.Root, cur.Prefix) + l.Prefix + target
		}
		abs := href
		if v.Site.BaseURL != "" { // search engines want absolute hreflang addresses
			abs = strings.TrimSuffix(v.Site.BaseURL, cur.Prefix) + l.Prefix + target
		}
		alts[i] = Alternate{Lang: l.Code, Name: l.name, Href: href, URL: abs, Current: i == v.current, Translated: ok}
	}
	return alts
}

// DefaultAlternate is the page in the default language, for hreflang="x-default".
func (v view) DefaultAlternate() *Alternate {
	if a := v.Alternates(); a != nil && a[0].Translated {
		return &a[0]
	}
	return nil
}
