package crawl

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// found is one address read from a file, with how the file uses it. A found with
// base set is a <base href> instead, which changes how later addresses resolve.
type found struct {
	raw  string
	use  use
	base string
}

// readMarkup reads the addresses an HTML page or an SVG picture refers to, and the
// ids its anchors can name.
func readMarkup(body []byte) ([]found, map[string]bool) {
	ids := map[string]bool{}
	var out []found
	z := html.NewTokenizer(bytes.NewReader(body))
	inStyle := false
	svg := 0 // depth of <svg> elements, where <script/> and <style/> close themselves
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return out, ids
		case html.TextToken:
			if inStyle {
				out = append(out, readCSS(string(z.Text()))...)
			}
		case html.EndTagToken:
			inStyle = false
			if name, _ := z.TagName(); string(name) == "svg" && svg > 0 {
				svg--
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			t := z.Token()
			inStyle = t.Data == "style" && tt == html.StartTagToken
			if t.Data == "svg" && tt == html.StartTagToken {
				svg++
			}
			if tt == html.SelfClosingTagToken && svg > 0 {
				z.NextIsNotRawText()
			}
			out = append(out, tagRefs(t, ids)...)
		}
	}
}

// loads are the elements whose address attributes the browser fetches with the page.
var loads = map[string][]string{
	"img": {"src"}, "source": {"src"}, "video": {"src", "poster"}, "audio": {"src"},
	"track": {"src"}, "embed": {"src"}, "iframe": {"src"}, "input": {"src"}, "object": {"data"},
	// SVG, inline or in a picture file.
	"use": {"href", "xlink:href"}, "image": {"href", "xlink:href"}, "feimage": {"href", "xlink:href"},
}

// linkUses maps <link rel> values to how the browser uses the address.
var linkUses = map[string]use{
	"stylesheet": stylesheet, "canonical": self, "icon": load, "apple-touch-icon": load,
	"mask-icon": load, "manifest": load, "preload": load, "prefetch": load, "modulepreload": script,
}

// metaUses maps <meta property> values (Open Graph) to how the address is used.
var metaUses = map[string]use{
	"og:url": self, "og:image": load, "og:image:url": load, "og:image:secure_url": load,
	"og:audio": load, "og:video": load, "twitter:image": load,
}

func tagRefs(t html.Token, ids map[string]bool) []found {
	attr := map[string]string{}
	for _, a := range t.Attr {
		key := a.Key
		if a.Namespace != "" {
			key = a.Namespace + ":" + key
		}
		attr[key] = a.Val
	}
	if id, ok := attr["id"]; ok {
		ids[id] = true
	}
	var out []found
	if s, ok := attr["style"]; ok {
		out = append(out, readCSS(s)...)
	}
	add := func(u use, keys ...string) {
		for _, k := range keys {
			if v, ok := attr[k]; ok {
				out = append(out, found{raw: v, use: u})
			}
		}
	}
	switch t.Data {
	case "a", "area":
		if name, ok := attr["name"]; ok && t.Data == "a" {
			ids[name] = true
		}
		add(navigate, "href", "xlink:href")
	case "link":
		u, known := navigate, false
		for _, rel := range strings.Fields(strings.ToLower(attr["rel"])) {
			if lu, ok := linkUses[rel]; ok && (!known || lu == stylesheet) {
				u, known = lu, true
			}
		}
		add(u, "href")
		for _, c := range srcset(attr["imagesrcset"]) {
			out = append(out, found{raw: c, use: load})
		}
	case "script":
		add(script, "src", "href", "xlink:href")
	case "form":
		add(navigate, "action")
	case "blockquote", "q", "del", "ins":
		add(navigate, "cite")
	case "base":
		if h, ok := attr["href"]; ok {
			out = append(out, found{base: h})
		}
	case "meta":
		prop := strings.ToLower(attr["property"])
		if prop == "" {
			prop = strings.ToLower(attr["name"])
		}
		if u, ok := metaUses[prop]; ok {
			add(u, "content")
		}
		if strings.EqualFold(attr["http-equiv"], "refresh") {
			if _, target, ok := strings.Cut(attr["content"], "="); ok {
				out = append(out, found{raw: strings.Trim(target, `'" `), use: navigate})
			}
		}
	default:
		add(load, loads[t.Data]...)
	}
	if t.Data == "img" || t.Data == "source" {
		for _, c := range srcset(attr["srcset"]) {
			out = append(out, found{raw: c, use: load})
		}
	}
	return out
}

// srcset returns the addresses of a srcset list: "a.png 1x, b.png 2x".
func srcset(s string) []string {
	var out []string
	for s != "" {
		s = strings.TrimLeft(s, " \t\n\r\f,")
		end := strings.IndexAny(s, " \t\n\r\f")
		if end < 0 {
			end = len(s)
		}
		u := s[:end]
		s = s[end:]
		if strings.HasSuffix(u, ",") {
			u = strings.TrimRight(u, ",")
		} else if i := strings.IndexByte(s, ','); i >= 0 { // skip the descriptors
			s = s[i+1:]
		} else {
			s = ""
		}
		if u != "" {
			out = append(out, u)
		}
	}
	return out
}

var (
	cssComment = regexp.MustCompile(`(?s)/\*.*?\*/`)
	cssURL     = regexp.MustCompile(`(?i)\burl\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s"']*))\s*\)`)
	cssImport  = regexp.MustCompile(`(?i)@import\s+(?:"([^"]*)"|'([^']*)')`)
)

// readCSS reads the addresses of url() and @import in a stylesheet or style attribute.
func readCSS(css string) []found {
	css = cssComment.ReplaceAllString(css, "")
	var out []found
	for _, re := range []*regexp.Regexp{cssURL, cssImport} {
		for _, m := range re.FindAllStringSubmatch(css, -1) {
			out = append(out, found{raw: strings.Join(m[1:], ""), use: load})
		}
	}
	return out
}

// readManifest reads the addresses a web app manifest names.
func readManifest(body []byte) ([]found, error) {
	type icon struct {
		Src string `json:"src"`
	}
	var m struct {
		StartURL    string `json:"start_url"`
		Scope       string `json:"scope"`
		Icons       []icon `json:"icons"`
		Screenshots []icon `json:"screenshots"`
		Shortcuts   []struct {
			URL   string `json:"url"`
			Icons []icon `json:"icons"`
		} `json:"shortcuts"`
	}
	if err := json.Unmarshal(body, &m); err != nil {
		return nil, err
	}
	var out []found
	if m.StartURL != "" {
		out = append(out, found{raw: m.StartURL, use: load})
	}
	if m.Scope != "" {
		out = append(out, found{raw: m.Scope, use: within})
	}
	icons := append(m.Icons, m.Screenshots...)
	for _, s := range m.Shortcuts {
		out = append(out, found{raw: s.URL, use: load})
		icons = append(icons, s.Icons...)
	}
	for _, i := range icons {
		out = append(out, found{raw: i.Src, use: load})
	}
	return out, nil
}

// sitemaps checks the sitemaps at the addresses names, relative to start: every
// page they list, and that together they list every page reached.
func (c *crawler) sitemaps(start *url.URL, names []string, reached map[string]bool) {
	listed, read := map[string]bool{}, true
	for _, name := range names {
		read = c.sitemap(start.ResolveReference(&url.URL{Path: name}).String(), reached, listed) && read
	}
	if !read {
		return // a sitemap that cannot be read is reported once, not with every page
	}
	first := start.ResolveReference(&url.URL{Path: names[0]}).String()
	for p := range reached {
		if !listed[p] {
			c.problem(Unlisted, first, shortURL(p), "")
		}
	}
}

// sitemap checks every page a sitemap lists, that links from the start page reach
// it, and adds it to listed; false when the sitemap cannot be read.
func (c *crawler) sitemap(u string, reached, listed map[string]bool) bool {
	d := c.fetch(u)
	if !d.ok() {
		c.problem(Broken, c.root.String(), u, "sitemap: "+d.failure())
		return false
	}
	var set struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(d.body, &set); err != nil {
		c.problem(Broken, c.root.String(), u, "not a sitemap: "+err.Error())
		return false
	}
	for _, e := range set.URLs {
		loc := strings.TrimSpace(e.Loc)
		t, err := d.final.Parse(loc)
		if err != nil {
			c.problem(Broken, u, loc, "not a valid address")
			continue
		}
		t, where := c.locate(t)
		switch where {
		case elsewhere:
			c.problem(OtherOrigin, u, loc, "")
			continue
		case outside:
			c.problem(OutsideSite, u, loc, "outside "+c.root.Path)
			continue
		}
		p := c.fetch(t.String())
		if !p.ok() {
			c.problem(Broken, u, loc, p.failure())
			continue
		}
		listed[p.final.String()] = true
		if !reached[p.final.String()] {
			c.problem(Unreachable, u, loc, "no link from the start page leads there")
		}
		c.enqueue(p)
	}
	return true
}
