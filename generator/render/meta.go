package render

import (
	"encoding/json"
	"path"
	"strings"

	"github.com/stretchguide/stretchguide/generator/card"
	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/internal/par"
	"github.com/stretchguide/stretchguide/generator/memo"
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

// previewImage is the picture a link preview shows, with its size when known.
type previewImage struct {
	URL, Alt      string
	Width, Height int // 0 when not known
}

// The site's pictures for other apps (package card), at the site root.
const (
	previewFile   = "preview.png"
	touchIconFile = "apple-touch-icon.png"
)

// sitePictures are the link preview card and the home-screen icon. Drawing them
// takes longer than rendering many pages, so they are kept in the memo, which a
// build saves: a rebuild of the same site title draws nothing.
func (r *run) sitePictures(s guide.Site) map[string][]byte {
	var preview, icon []byte
	par.Do(2, func(i int) {
		h := r.m.Hasher()
		if i == 0 {
			h.String("preview")
			h.String(s.Title)
			preview, _, _ = memo.Do(r.m, h.Sum(), func() ([]byte, error) { return card.Preview(s.Title), nil })
			return
		}
		h.String("touch icon")
		icon, _, _ = memo.Do(r.m, h.Sum(), func() ([]byte, error) { return card.TouchIcon(), nil })
	})
	return map[string][]byte{previewFile: preview, touchIconFile: icon}
}

// PreviewImage is the picture a link preview shows: a stretch's photo, or else the
// site's card (apps do not show SVG illustrations); nil when no base URL is set, as
// previews need absolute URLs.
func (v view) PreviewImage() *previewImage {
	if v.Site.BaseURL == "" {
		return nil
	}
	if s := v.Stretch; s != nil && s.Image != nil && path.Ext(s.Image.URL) != ".svg" {
		return &previewImage{URL: v.Site.BaseURL + s.Image.URL, Alt: s.Image.Alt, Width: s.Image.Width, Height: s.Image.Height}
	}
	return &previewImage{URL: v.Site.BaseURL + previewFile, Alt: v.Site.Title,
		Width: card.PreviewWidth, Height: card.PreviewHeight}
}

// robots lets every crawler in and, when the base URL is known, names the sitemap
// of each language, s being the default one's site (robots.txt needs their absolute
// addresses). Crawlers read robots.txt only at a domain root; under a folder the
// file does no harm.
func robots(s guide.Site, langs []Language) []byte {
	var b strings.Builder
	b.WriteString("User-agent: *\nAllow: /\n")
	if s.BaseURL != "" {
		b.WriteString("\nSitemap: " + s.BaseURL + "sitemap.xml\n")
		for _, l := range langs {
			if l.Prefix != "" {
				b.WriteString("Sitemap: " + s.BaseURL + l.Prefix + "sitemap.xml\n")
			}
		}
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
