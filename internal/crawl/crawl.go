// Package crawl checks a served static site the way visitors and their browsers use
// it. Starting from the home page it fetches every page and file the site refers to
// (links, stylesheets, scripts, pictures, srcset candidates, icons, the web app
// manifest and what it names, CSS url() and @import), and reports:
//
//   - links and files that cannot be fetched, or are served with the wrong type;
//   - #anchors that name no id in the page they point to;
//   - anything loaded from another origin (a CDN, a font service, a data: URL), and
//     links that leave the site's folder on the same host;
//   - canonical and og:url addresses that do not name the page itself;
//   - with a sitemap, pages it lists that no link reaches, and pages it misses.
//
// Hyperlinks to other sites are allowed and listed in Report.External.
//
// Typical use in a test:
//
//	rep, err := crawl.Site(ctx, srv.URL+"/stretch-guide/", crawl.Options{
//		Aliases: []string{"https://example.org/stretch-guide/"},
//		Sitemap: "sitemap.xml",
//	})
//	if err != nil { t.Fatal(err) }
//	if err := rep.Err(); err != nil { t.Error(err) }
package crawl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strings"
)

// Options say how to crawl. The zero value crawls from the start page with
// http.DefaultClient.
type Options struct {
	// Client fetches pages and files; http.DefaultClient when nil.
	Client *http.Client
	// Aliases are other addresses of the served site, such as the base URL it was
	// built for ("https://example.org/stretch-guide/"). An absolute address below an
	// alias is checked as the same address below the start folder.
	Aliases []string
	// Sitemap is the sitemap's address relative to the start page ("sitemap.xml").
	// When set, every page it lists is checked, must be reachable by links from the
	// start page, and every page reached must be listed.
	Sitemap string
	// MoreSitemaps are the site's other sitemaps, such as a language's
	// ("es/sitemap.xml"), read when Sitemap is set: each page must be in one.
	MoreSitemaps []string
	// NotFound is an address relative to the start page that does not exist, such as
	// "no/such/page/". When set, the server must answer it with status 404 and an HTML
	// page (hosts such as Netlify and GitHub Pages send the site's 404.html), whose
	// links and files are checked from that address.
	NotFound string
}

// Kind says what is wrong.
type Kind string

// The kinds of problem a crawl reports.
const (
	Broken      Kind = "broken"         // the target cannot be fetched
	Anchor      Kind = "missing anchor" // the #fragment names no id in the target
	WrongType   Kind = "wrong type"     // a stylesheet or script served with another type
	OtherOrigin Kind = "other origin"   // a file loaded from another origin, or a data: URL
	OutsideSite Kind = "outside site"   // same host, but outside the site's folder
	ScriptURL   Kind = "javascript URL" // a javascript: address
	Canonical   Kind = "canonical"      // canonical or og:url names another page
	Unreachable Kind = "unreachable"    // in the sitemap, but no link leads there
	Unlisted    Kind = "not in sitemap" // reached by links, but missing from the sitemap
)

// Problem is one thing wrong with the site.
type Problem struct {
	Kind Kind
	From string // absolute URL of the page or file that holds the reference
	Ref  string // the reference as written (or the page's URL, for sitemap problems)
	Msg  string // details, such as "404 Not Found"
}

func (p Problem) String() string {
	s := fmt.Sprintf("%s: %s %q", shortURL(p.From), p.Kind, p.Ref)
	if p.Msg != "" {
		s += ": " + p.Msg
	}
	return s
}

// Link is a hyperlink from a page of the site to another site.
type Link struct {
	From string // absolute URL of the page
	To   string // the absolute address it links to
}

// Report is what a crawl found.
type Report struct {
	Pages    []string // absolute URLs of the HTML pages fetched, sorted
	Files    []string // absolute URLs of every other file fetched, sorted
	External []Link   // hyperlinks to other sites, in the order found
	Problems []Problem
}

// Err returns nil when the crawl found no problem, or an error listing them.
func (r *Report) Err() error {
	if len(r.Problems) == 0 {
		return nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d problems:", len(r.Problems))
	for i, p := range r.Problems {
		if i == 100 {
			fmt.Fprintf(&b, "\n\t... and %d more", len(r.Problems)-i)
			break
		}
		b.WriteString("\n\t" + p.String())
	}
	return errors.New(b.String())
}

// maxFetches stops a crawl that never ends, such as one through generated links.
const maxFetches = 20000

// Site crawls the site whose home page is at start; the site is everything below
// start's folder. The error is only for a crawl that could not run (a bad start
// address, an unreachable start page); what is wrong with the site is in the report.
func Site(ctx context.Context, start string, opts Options) (*Report, error) {
	su, err := url.Parse(start)
	if err != nil || (su.Scheme != "http" && su.Scheme != "https") || su.Host == "" {
		return nil, fmt.Errorf("crawl: start %q is not an http(s) address", start)
	}
	su.Fragment, su.RawQuery = "", ""
	c := &crawler{ctx: ctx, client: opts.Client, docs: map[string]*doc{}, report: &Report{}}
	if c.client == nil {
		c.client = http.DefaultClient
	}
	c.root = *su
	c.root.Path = su.Path[:strings.LastIndex(su.Path, "/")+1]
	for _, a := range opts.Aliases {
		au, err := url.Parse(a)
		if err != nil || au.Host == "" {
			return nil, fmt.Errorf("crawl: alias %q is not an absolute address", a)
		}
		if !strings.HasSuffix(au.Path, "/") {
			au.Path += "/"
		}
		c.aliases = append(c.aliases, au)
	}

	home := c.fetch(su.String())
	if home.err != nil || home.status != http.StatusOK {
		return nil, fmt.Errorf("crawl: start page %s: %s", start, home.failure())
	}
	c.enqueue(home)
	c.run()
	reached := c.pagesReached()

	if opts.Sitemap != "" {
		c.sitemaps(su, append([]string{opts.Sitemap}, opts.MoreSitemaps...), reached)
	}
	if opts.NotFound != "" {
		nf := su.ResolveReference(&url.URL{Path: opts.NotFound}).String()
		d := c.fetch(nf)
		switch {
		case d.err != nil:
			c.problem(Broken, start, opts.NotFound, d.err.Error())
		case d.status != http.StatusNotFound:
			c.problem(Broken, start, opts.NotFound, fmt.Sprintf("a missing page answered %d, want 404", d.status))
		case d.kind != kindHTML:
			c.problem(Broken, start, opts.NotFound, "a missing page answered without an HTML page")
		case !d.parsed:
			d.parsed = true
			c.queue = append(c.queue, d)
		}
	}
	c.run()
	if c.overflow {
		return nil, fmt.Errorf("crawl: stopped after %d fetches; is the site generating addresses?", maxFetches)
	}
	c.check()
	c.finish()
	return c.report, nil
}

// crawler holds the state of one crawl.
type crawler struct {
	ctx      context.Context
	client   *http.Client
	root     url.URL
	aliases  []*url.URL
	docs     map[string]*doc // URL without fragment -> what it held
	queue    []*doc          // fetched, not yet parsed
	refs     []ref
	report   *Report
	overflow bool
}

// use says how a page uses an address, which decides what is checked.
type use int

const (
	navigate   use = iota // a hyperlink or form: may lead to another site
	load                  // fetched with the page: must come from the site and exist
	stylesheet            // load, served as text/css
	script                // load, served as JavaScript
	self                  // canonical, og:url: must be the page's own address
	within                // a manifest scope: must lie inside the site; not fetched
)

// ref is one reference found in a page or file.
type ref struct {
	from   *doc
	raw    string
	target *url.URL // resolved and mapped from aliases to the served site
	use    use
}

// docKind is how a fetched file is read.
type docKind int

const (
	kindOther docKind = iota
	kindHTML
	kindCSS
	kindSVG
	kindManifest
)

// doc is one fetched address.
type doc struct {
	url    string   // as requested
	final  *url.URL // after redirects
	status int
	ctype  string // media type
	kind   docKind
	body   []byte
	err    error
	ids    map[string]bool // for HTML and SVG
	parsed bool
}

func (d *doc) failure() string {
	if d.err != nil {
		return d.err.Error()
	}
	return fmt.Sprintf("%d %s", d.status, http.StatusText(d.status))
}

func (d *doc) ok() bool { return d.err == nil && d.status == http.StatusOK }

// fetch gets an address once; later calls return the same doc.
func (c *crawler) fetch(u string) *doc {
	if d, ok := c.docs[u]; ok {
		return d
	}
	d := &doc{url: u}
	c.docs[u] = d
	if len(c.docs) > maxFetches {
		c.overflow = true
		d.err = errors.New("too many fetches")
		return d
	}
	req, err := http.NewRequestWithContext(c.ctx, http.MethodGet, u, nil)
	if err != nil {
		d.err = err
		return d
	}
	resp, err := c.client.Do(req)
	if err != nil {
		d.err = err
		return d
	}
	defer resp.Body.Close()
	d.status, d.final = resp.StatusCode, resp.Request.URL
	d.ctype, _, _ = mime.ParseMediaType(resp.Header.Get("Content-Type"))
	if d.body, err = io.ReadAll(io.LimitReader(resp.Body, 64<<20)); err != nil {
		d.err = err
	}
	d.kind = kindOf(d.ctype, d.final.Path)
	return d
}

// kindOf decides how to read a file from its media type, or from its name when the
// server sent a generic type.
func kindOf(ctype, p string) docKind {
	switch ctype {
	case "text/html", "application/xhtml+xml":
		return kindHTML
	case "text/css":
		return kindCSS
	case "image/svg+xml":
		return kindSVG
	case "application/manifest+json":
		return kindManifest
	case "", "text/plain", "application/octet-stream", "application/json":
		switch path.Ext(p) {
		case ".html", ".htm":
			return kindHTML
		case ".css":
			return kindCSS
		case ".svg":
			return kindSVG
		case ".webmanifest":
			return kindManifest
		}
	}
	return kindOther
}

// enqueue schedules a fetched doc for reading, once, when it was fetched.
func (c *crawler) enqueue(d *doc) {
	if !d.parsed && d.ok() {
		d.parsed = true
		c.queue = append(c.queue, d)
	}
}

// run reads queued docs, fetching what they refer to, until nothing is left.
func (c *crawler) run() {
	for len(c.queue) > 0 && !c.overflow && c.ctx.Err() == nil {
		d := c.queue[0]
		c.queue = c.queue[1:]
		var found []found
		switch d.kind {
		case kindHTML, kindSVG:
			found, d.ids = readMarkup(d.body)
		case kindCSS:
			found = readCSS(string(d.body))
		case kindManifest:
			var err error
			if found, err = readManifest(d.body); err != nil {
				c.problem(Broken, d.url, "", "the web app manifest is not valid JSON: "+err.Error())
			}
		}
		base := d.final
		for _, f := range found {
			if f.base != "" { // <base href> in the page
				if bu, err := base.Parse(f.base); err == nil {
					base = bu
				}
				continue
			}
			c.add(d, base, f)
		}
	}
}

// add resolves one reference and fetches its target when it is on the site.
func (c *crawler) add(d *doc, base *url.URL, f found) {
	raw := strings.TrimSpace(f.raw)
	if raw == "" && f.use != navigate {
		c.problem(Broken, d.url, raw, "empty address")
		return
	}
	t, err := base.Parse(raw)
	if err != nil {
		c.problem(Broken, d.url, raw, "not a valid address")
		return
	}
	switch t.Scheme {
	case "http", "https":
	case "javascript":
		c.problem(ScriptURL, d.url, raw, "")
		return
	case "mailto", "tel", "sms":
		return
	default:
		if f.use != navigate {
			c.problem(OtherOrigin, d.url, shorten(raw), t.Scheme+": address")
		}
		return
	}
	t, where := c.locate(t)
	switch where {
	case elsewhere:
		if f.use == navigate {
			c.report.External = append(c.report.External, Link{From: d.url, To: t.String()})
		} else {
			c.problem(OtherOrigin, d.url, raw, "")
		}
		return
	case outside:
		c.problem(OutsideSite, d.url, raw, "outside "+c.root.Path)
		return
	}
	c.refs = append(c.refs, ref{from: d, raw: raw, target: t, use: f.use})
	if f.use == within {
		return
	}
	target := *t
	target.Fragment, target.RawFragment = "", ""
	c.enqueue(c.fetch(target.String()))
}
