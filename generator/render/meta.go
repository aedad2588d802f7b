package render

import (
	"encoding/json"
	"strings"

	"github.com/stretchguide/stretchguide/generator/guide"
)

// This file holds what a site tells search engines, link previews and phones about
// itself: descriptions and preview pictures for the templates, robots.txt, the web
// app manifest, and the review dates of pages that gather others.

// Description is the page's summary, or the guide's description for pages without
// one, for search results and link previews.
func (v view) Description() string {
	if v.Page.Summary != "" {
		return v.Page.Summary
	}
	return v.Site.Description
}

// PreviewImage is the picture a link preview shows (a stretch's illustration), or
// nil when the page has none or no base URL is set: previews need absolute URLs.
func (v view) PreviewImage() *guide.Image {
	if v.Site.BaseURL == "" || v.Stretch == nil || v.Stretch.Image == nil {
		return nil
	}
	img := *v.Stretch.Image
	img.URL = v.Site.BaseURL + img.URL
	return &img
}

// robots lets every crawler in and, when the base URL is known, names the sitemap
// (robots.txt needs its absolute address). Crawlers read robots.txt only at a domain
// root; under a folder the file does no harm.
func robots(s guide.Site) []byte {
	var b strings.Builder
	b.WriteString("User-agent: *\nAllow: /\n")
	if s.BaseURL != "" {
		b.WriteString("\nSitemap: " + s.BaseURL + "sitemap.xml\n")
	}
	return []byte(b.String())
}

// manifestFile is the web app manifest's address below the site root.
const manifestFile = "manifest.webmanifest"

// webManifest lets a patient add the guide to a phone's home screen and open it like
// an app, with its name and icon, to follow a routine each day. Its colours are the
// default look's page background and accent. Its addresses are
// relative to the manifest, which sits at the site root, so it works under any
// folder. icon is the favicon's address below the root, or "" when the layouts have
// none. display minimal-ui keeps back and reload buttons where the phone offers them.
func webManifest(s guide.Site, icon string) []byte {
	type iconEntry struct {
		Src     string `json:"src"`
		Sizes   string `json:"sizes"`
		Type    string `json:"type"`
		Purpose string `json:"purpose"`
	}
	m := struct {
		Name        string      `json:"name"`
		Description string      `json:"description,omitempty"`
		Lang        string      `json:"lang"`
		StartURL    string      `json:"start_url"`
		Scope       string      `json:"scope"`
		Display     string      `json:"display"`
		Background  string      `json:"background_color"`
		Theme       string      `json:"theme_color"`
		Icons       []iconEntry `json:"icons,omitempty"`
	}{Name: s.Title, Description: s.Description, Lang: s.Language, StartURL: "./", Scope: "./",
		Display: "minimal-ui", Background: "#ffffff", Theme: "#1f6f8b"}
	if icon != "" {
		m.Icons = []iconEntry{{Src: icon, Sizes: "any", Type: "image/svg+xml", Purpose: "any"}}
	}
	b, _ := json.MarshalIndent(m, "", "  ")
	return append(b, '\n')
}

// lastReviewed is the review date a sitemap gives a page: its own, or for a page that
// gathers others (the home page, an area), the latest review among them.
func lastReviewed(g *guide.Guide, v view) guide.Date {
	var latest guide.Date
	later := func(p *guide.Page) {
		if p.Reviewed.After(latest.Time) {
			latest = p.Reviewed
		}
	}
	switch {
	case v.Area != nil:
		for _, s := range v.Area.Stretches {
			later(&s.Page)
		}
	case v.Page.Kind == guide.KindHome:
		for _, s := range g.Stretches {
			later(&s.Page)
		}
		for _, r := range g.Routines {
			later(&r.Page)
		}
		for _, p := range g.Pages {
			later(p)
		}
	default:
		return v.Page.Reviewed
	}
	return latest
}
