package crawl

import (
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
)

// place says where an address leads.
type place int

const (
	onSite    place = iota // below the start folder, or below an alias
	outside                // the site's host (or an alias's), outside its folder
	elsewhere              // another origin
)

// locate says where t leads; an address below an alias is turned into the same
// address below the start folder, so that it is fetched from the served site.
func (c *crawler) locate(t *url.URL) (*url.URL, place) {
	for _, a := range c.aliases {
		if t.Host == a.Host && t.Scheme == a.Scheme && strings.HasPrefix(t.Path, a.Path) {
			m := *t
			m.Scheme, m.Host = c.root.Scheme, c.root.Host
			m.Path = c.root.Path + strings.TrimPrefix(t.Path, a.Path)
			m.RawPath = ""
			return &m, onSite
		}
	}
	if t.Scheme == c.root.Scheme && t.Host == c.root.Host {
		if strings.HasPrefix(t.Path, c.root.Path) {
			return t, onSite
		}
		return t, outside
	}
	for _, a := range c.aliases {
		if t.Scheme == a.Scheme && t.Host == a.Host {
			return t, outside
		}
	}
	return t, elsewhere
}

// pagesReached lists the HTML pages fetched so far, by final address.
func (c *crawler) pagesReached() map[string]bool {
	reached := map[string]bool{}
	for _, d := range c.docs {
		if d.ok() && d.kind == kindHTML {
			reached[d.final.String()] = true
		}
	}
	return reached
}

// check reports, for every reference on the site, a target that failed, was served
// with the wrong type, lacks the anchor, or is not the page itself.
func (c *crawler) check() {
	for _, r := range c.refs {
		if r.use == within {
			continue
		}
		key := *r.target
		key.Fragment, key.RawFragment = "", ""
		d := c.docs[key.String()]
		// An anchor on the page itself ("#main") works even on a page the server
		// answered with 404, such as the site's not-found page.
		onPage := key.String() == r.from.final.String()
		if onPage {
			d = r.from
		}
		if d == nil {
			continue // not fetched: the crawl was cut short
		}
		if !onPage && !d.ok() {
			c.problem(Broken, r.from.url, r.raw, d.failure())
			continue
		}
		switch r.use {
		case stylesheet:
			if d.ctype != "text/css" {
				c.problem(WrongType, r.from.url, r.raw, fmt.Sprintf("served as %q, browsers want text/css", d.ctype))
			}
		case script:
			if !isJS(d.ctype) {
				c.problem(WrongType, r.from.url, r.raw, fmt.Sprintf("served as %q, browsers want text/javascript", d.ctype))
			}
		case self:
			if r.from.status == http.StatusOK && d.final.String() != r.from.final.String() {
				c.problem(Canonical, r.from.url, r.raw, "names "+shortURL(d.final.String())+", not this page")
			}
		}
		if frag := r.target.Fragment; frag != "" && (d.kind == kindHTML || d.kind == kindSVG) && !d.ids[frag] {
			c.problem(Anchor, r.from.url, r.raw, "no id "+frag)
		}
	}
}

func isJS(ctype string) bool {
	switch ctype {
	case "text/javascript", "application/javascript", "application/x-javascript", "text/ecmascript", "application/ecmascript":
		return true
	}
	return false
}

func (c *crawler) problem(k Kind, from, ref, msg string) {
	c.report.Problems = append(c.report.Problems, Problem{Kind: k, From: from, Ref: ref, Msg: msg})
}

// finish fills the lists of the report in a stable order.
func (c *crawler) finish() {
	seen := map[string]bool{}
	for _, d := range c.docs {
		if !d.ok() || d.final == nil || seen[d.final.String()] {
			continue
		}
		seen[d.final.String()] = true
		if d.kind == kindHTML {
			c.report.Pages = append(c.report.Pages, d.final.String())
		} else {
			c.report.Files = append(c.report.Files, d.final.String())
		}
	}
	sort.Strings(c.report.Pages)
	sort.Strings(c.report.Files)
	sort.SliceStable(c.report.Problems, func(i, j int) bool {
		a, b := c.report.Problems[i], c.report.Problems[j]
		if a.From != b.From {
			return a.From < b.From
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		return a.Ref < b.Ref
	})
	// The same problem is found once per reference; keep one.
	ps := c.report.Problems[:0]
	for i, p := range c.report.Problems {
		if i == 0 || p != c.report.Problems[i-1] {
			ps = append(ps, p)
		}
	}
	c.report.Problems = ps
}

// shortURL drops the scheme and host, which are the same everywhere in a report.
func shortURL(u string) string {
	if p, err := url.Parse(u); err == nil && p.Host != "" {
		p.Scheme, p.Host = "", ""
		return p.String()
	}
	return u
}

// shorten keeps long data: addresses readable in a report.
func shorten(s string) string {
	if len(s) > 60 {
		return s[:57] + "..."
	}
	return s
}
