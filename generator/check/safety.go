package check

import (
	"bytes"
	"html"
	"net/url"
	"regexp"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/link"
)

// hrefRE finds link targets in rendered HTML; html/template always quotes them.
var hrefRE = regexp.MustCompile(`<a\b[^>]*\bhref="([^"]*)"`)

// Safety checks the safety rule on rendered pages: every stretch and routine page
// links to the warning-signs page from its main content (the part inside <main>, or
// the whole page when it has none). The default layouts always do; custom layouts
// must too. page gives a page's HTML; layout names the layouts file of a kind of page.
func Safety(ln *link.Linked, page func(*guide.Page) []byte, layout func(guide.Kind) string) diag.List {
	var list diag.List
	g := ln.Guide
	pages := make([]*guide.Page, 0, len(g.Stretches)+len(g.Routines))
	for _, s := range g.Stretches {
		pages = append(pages, &s.Page)
	}
	for _, r := range g.Routines {
		pages = append(pages, &r.Page)
	}
	for _, p := range pages {
		if linksTo(mainPart(page(p)), p.URL, g.RedFlags.URL) {
			continue
		}
		d := ln.Docs[p]
		file := layout(p.Kind)
		list.Errorf(d.Display, 0, 0, "make "+file+" show the warning signs: {{.WarningSigns .Signs}} as the default layouts do, or a link to {{.Link .Guide.RedFlags.URL}} inside <main>",
			"the page, as the layouts render it, does not link to the warning-signs page")
	}
	return list
}

// mainPart is the part of a page inside its <main> element, or all of it.
func mainPart(page []byte) []byte {
	start := bytes.Index(page, []byte("<main"))
	end := bytes.LastIndex(page, []byte("</main>"))
	if start < 0 || end < start {
		return page
	}
	return page[start:end]
}

// linksTo reports whether the HTML of the page at address from links to the page at
// address to (both relative to the site root), with or without a #section.
func linksTo(page []byte, from, to string) bool {
	base := &url.URL{Scheme: "site", Host: "root", Path: "/" + from}
	for _, m := range hrefRE.FindAllSubmatch(page, -1) {
		u, err := base.Parse(html.UnescapeString(string(m[1])))
		if err == nil && u.Scheme == base.Scheme && u.Host == base.Host && u.Path == "/"+to {
			return true
		}
	}
	return false
}
