package crawl

import (
	"context"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stretchguide/stretchguide/internal/browsertest"
)

var fixtureOpts = Options{Aliases: []string{"https://example.org/sub/"}, Sitemap: "sitemap.xml", NotFound: "no/such/page/"}

func TestGoodSiteHasNoProblems(t *testing.T) {
	site := browsertest.ServeHost(t, "testdata/good", "/sub/", nil)
	rep, err := Site(context.Background(), site, fixtureOpts)
	if err != nil {
		t.Fatal(err)
	}
	if err := rep.Err(); err != nil {
		t.Error(err)
	}
	host := strings.TrimSuffix(site, "/sub/")
	trim := func(us []string) []string {
		var out []string
		for _, u := range us {
			out = append(out, strings.TrimPrefix(u, host))
		}
		return out
	}
	if got, want := trim(rep.Pages), []string{"/sub/", "/sub/about/", "/sub/private/"}; !reflect.DeepEqual(got, want) {
		t.Errorf("pages: got %q, want %q", got, want)
	}
	// Every kind of reference was followed: @import, CSS url(), srcset, <use>, icon,
	// manifest and the icon it names, og:image, the sitemap.
	want := []string{"/sub/assets/icon.svg", "/sub/assets/more.css", "/sub/assets/site.css", "/sub/assets/sprite.svg",
		"/sub/manifest.webmanifest", "/sub/pics/a.svg", "/sub/pics/b.svg", "/sub/sitemap.xml"}
	if got := trim(rep.Files); !reflect.DeepEqual(got, want) {
		t.Errorf("files: got %q, want %q", got, want)
	}
	if len(rep.External) != 1 || rep.External[0].To != "https://doi.org/10.1000/xyz" {
		t.Errorf("external links: got %+v, want the one to doi.org", rep.External)
	}
}

// TestBrokenSiteReportsEveryProblem shows the crawl is not vacuous: each defect
// planted in testdata/broken is reported, and nothing else.
func TestBrokenSiteReportsEveryProblem(t *testing.T) {
	site := browsertest.ServeHost(t, "testdata/broken", "/sub/", nil)
	rep, err := Site(context.Background(), site, fixtureOpts)
	if err != nil {
		t.Fatal(err)
	}
	type p struct {
		kind      Kind
		from, ref string
	}
	var got []p
	for _, pr := range rep.Problems {
		got = append(got, p{pr.Kind, shortURL(pr.From), pr.Ref})
	}
	want := []p{
		{Broken, "/sub/", "no/such/page/"}, // no 404.html: the host answers with plain text
		{Broken, "/sub/", "gone/"},
		{Broken, "/sub/", "pics/missing.png"},
		{Canonical, "/sub/", "https://example.org/sub/about/"},
		{Anchor, "/sub/", "about/#nowhere"},
		{Anchor, "/sub/", "#nowhere-here"},
		{OtherOrigin, "/sub/", "data:image/png;base64,iVBORw0KGgo="},
		{OtherOrigin, "/sub/", "https://cdn.example.com/lib.js"},
		{OutsideSite, "/sub/", "/elsewhere/"},
		{ScriptURL, "/sub/", "javascript:void(0)"},
		{WrongType, "/sub/", "assets/notes.txt"},
		{Broken, "/sub/assets/site.css", "gone.png"},
		{OtherOrigin, "/sub/assets/site.css", "https://fonts.example.net/web.woff2"},
		{Unlisted, "/sub/sitemap.xml", "/sub/about/"},
		{Unreachable, "/sub/sitemap.xml", "https://example.org/sub/orphan/"},
	}
	less := func(a, b p) int { return strings.Compare(a.from+string(a.kind)+a.ref, b.from+string(b.kind)+b.ref) }
	slices.SortFunc(got, less)
	slices.SortFunc(want, less)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n got %v\nwant %v\n%v", got, want, rep.Err())
	}
	if rep.Err() == nil {
		t.Error("Err is nil for a report with problems")
	}
}

// TestSubpathBugIsCaught builds nothing: it serves the good fixture at the domain
// root, where its 404 page's /sub/ addresses lead out of the site, as a site built
// for a folder breaks when published at a root.
func TestSubpathBugIsCaught(t *testing.T) {
	site := browsertest.ServeHost(t, "testdata/good", "/", nil)
	rep, err := Site(context.Background(), site, Options{NotFound: "missing/"})
	if err != nil {
		t.Fatal(err)
	}
	var outside int
	for _, p := range rep.Problems {
		if p.Kind == Broken && strings.HasPrefix(p.Ref, "/sub/") {
			outside++
		}
	}
	if outside != 3 {
		t.Errorf("want the 3 /sub/ addresses of 404.html reported broken at the root, got:\n%v", rep.Err())
	}
}

func TestStartPageMustLoad(t *testing.T) {
	site := browsertest.ServeHost(t, "testdata/good", "/sub/", nil)
	for _, start := range []string{site + "missing/", "ftp://example.org/", "not a url"} {
		if _, err := Site(context.Background(), start, Options{}); err == nil {
			t.Errorf("%s: want an error", start)
		}
	}
}

func TestSrcset(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"a.png", []string{"a.png"}},
		{"a.png 1x, b.png 2x", []string{"a.png", "b.png"}},
		{"a.png 480w,b.png 800w", []string{"a.png", "b.png"}},
		{" a.png, b.png ", []string{"a.png", "b.png"}},
		{"a.png,b.png", []string{"a.png,b.png"}}, // one address, as browsers read it
		{"data:image/png;base64,AB 1x", []string{"data:image/png;base64,AB"}},
	} {
		if got := srcset(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("srcset(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestReadMarkup(t *testing.T) {
	for _, tc := range []struct {
		html string
		want []found
		ids  []string
	}{
		{`<a href="x/">`, []found{{raw: "x/", use: navigate}}, nil},
		{`<a name="n" id="i">`, nil, []string{"i", "n"}},
		{`<link rel="Stylesheet" href="s.css">`, []found{{raw: "s.css", use: stylesheet}}, nil},
		{`<link rel="alternate stylesheet" href="s.css">`, []found{{raw: "s.css", use: stylesheet}}, nil},
		{`<link rel="shortcut icon" href="i.svg">`, []found{{raw: "i.svg", use: load}}, nil},
		{`<link rel="canonical" href="https://e.org/">`, []found{{raw: "https://e.org/", use: self}}, nil},
		{`<link rel="next" href="2/">`, []found{{raw: "2/", use: navigate}}, nil},
		{`<script src="a.js"></script>`, []found{{raw: "a.js", use: script}}, nil},
		{`<img src="a.png" srcset="b.png 2x">`, []found{{raw: "a.png", use: load}, {raw: "b.png", use: load}}, nil},
		{`<meta property="og:image" content="https://e.org/i.png">`, []found{{raw: "https://e.org/i.png", use: load}}, nil},
		{`<meta property="og:url" content="https://e.org/">`, []found{{raw: "https://e.org/", use: self}}, nil},
		{`<meta name="description" content="https://e.org/">`, nil, nil},
		{`<meta http-equiv="refresh" content="0; url='next/'">`, []found{{raw: "next/", use: navigate}}, nil},
		{`<base href="/b/">`, []found{{base: "/b/"}}, nil},
		{`<p style="background: url('p.png')">`, []found{{raw: "p.png", use: load}}, nil},
		{`<style>@import 'i.css'; a { background: url(x.png) }</style>`, []found{{raw: "x.png", use: load}, {raw: "i.css", use: load}}, nil},
		{`<svg><script href="s.js"/><use xlink:href="s.svg#d"/><image href="p.png"/></svg>`, []found{{raw: "s.js", use: script}, {raw: "s.svg#d", use: load}, {raw: "p.png", use: load}}, nil},
		{`<svg><use xlink:href="s.svg#d"/><image href="p.png"/></svg>`, []found{{raw: "s.svg#d", use: load}, {raw: "p.png", use: load}}, nil},
		{`<video src="v.webm" poster="p.png"></video>`, []found{{raw: "v.webm", use: load}, {raw: "p.png", use: load}}, nil},
		{`<form action="/search">`, []found{{raw: "/search", use: navigate}}, nil},
		{`<p>url(not-css.png) <a href="&amp;x">`, []found{{raw: "&x", use: navigate}}, nil},
	} {
		got, ids := readMarkup([]byte(tc.html))
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tc.html, got, tc.want)
		}
		var gotIDs []string
		for id := range ids {
			gotIDs = append(gotIDs, id)
		}
		slices.Sort(gotIDs)
		if !reflect.DeepEqual(gotIDs, tc.ids) {
			t.Errorf("%s: ids %q, want %q", tc.html, gotIDs, tc.ids)
		}
	}
}

func TestReadManifest(t *testing.T) {
	got, err := readManifest([]byte(`{"start_url": "./", "scope": "./", "icons": [{"src": "i.svg"}],
		"shortcuts": [{"url": "r/", "icons": [{"src": "s.svg"}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	want := []found{{raw: "./", use: load}, {raw: "./", use: within}, {raw: "r/", use: load}, {raw: "i.svg", use: load}, {raw: "s.svg", use: load}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if _, err := readManifest([]byte(`{"icons": [`)); err == nil {
		t.Error("a broken manifest gave no error")
	}
}

func TestLocate(t *testing.T) {
	alias, _ := url.Parse("https://example.org/sub/")
	for _, root := range []string{"http://127.0.0.1:8080/", "http://127.0.0.1:8080/sub/"} {
		r, _ := url.Parse(root)
		c := &crawler{root: *r, aliases: []*url.URL{alias}}
		for _, tc := range []struct {
			in, want string
			where    place
		}{
			{"https://example.org/sub/a/#x", root + "a/#x", onSite},
			{"https://example.org/sub/", root, onSite},
			{"https://example.org/other/", "https://example.org/other/", outside}, // never fetched from the real host
			{"http://example.org/sub/", "http://example.org/sub/", elsewhere},
			{root + "b/", root + "b/", onSite},
			{"http://127.0.0.1:8081/", "http://127.0.0.1:8081/", elsewhere},
			{"https://cdn.example.com/x.js", "https://cdn.example.com/x.js", elsewhere},
		} {
			in, _ := url.Parse(tc.in)
			got, where := c.locate(in)
			if got.String() != tc.want || where != tc.where {
				t.Errorf("root %s: locate(%s) = %s, %d; want %s, %d", root, tc.in, got, where, tc.want, tc.where)
			}
		}
		outsideRoot, _ := url.Parse("http://127.0.0.1:8080/elsewhere/")
		if _, where := c.locate(outsideRoot); (root == "http://127.0.0.1:8080/") != (where == onSite) {
			t.Errorf("root %s: /elsewhere/ is %d", root, where)
		}
	}
}

// A page listed in another of the site's sitemaps (a language's, say) is listed:
// with about/sitemap.xml as one more, the broken fixture's unlisted page is not
// reported, and a sitemap that cannot be read is.
func TestMoreSitemaps(t *testing.T) {
	site := browsertest.ServeHost(t, "testdata/broken", "/sub/", nil)
	for _, c := range []struct {
		more     []string
		unlisted bool
	}{{nil, true}, {[]string{"about/sitemap.xml"}, false}} {
		opts := fixtureOpts
		opts.MoreSitemaps = c.more
		rep, err := Site(context.Background(), site, opts)
		if err != nil {
			t.Fatal(err)
		}
		unlisted := slices.ContainsFunc(rep.Problems, func(p Problem) bool { return p.Kind == Unlisted && p.Ref == "/sub/about/" })
		if unlisted != c.unlisted {
			t.Errorf("with more sitemaps %q, about/ reported as not in a sitemap: %v, want %v", c.more, unlisted, c.unlisted)
		}
	}
	opts := fixtureOpts
	opts.MoreSitemaps = []string{"es/sitemap.xml"}
	rep, err := Site(context.Background(), site, opts)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(rep.Problems, func(p Problem) bool { return p.Kind == Broken && strings.HasSuffix(p.Ref, "/sub/es/sitemap.xml") }) {
		t.Errorf("a missing sitemap is not reported:\n%v", rep.Err())
	}
}
