package link

import (
	"net/url"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/load"
)

// testLinker links testdata/site and returns a linker holding its pages and documents,
// sorted by source path, as destination needs them.
func testLinker(tb testing.TB) (*linker, []*guide.Page) {
	tb.Helper()
	var problems diag.List
	c := load.Load(os.DirFS("../testdata/site"), "testdata/site", load.NewParser(), &problems)
	ln := Link(c, "", &problems)
	if problems.Errors() > 0 {
		tb.Fatalf("the test site has errors: %v", problems)
	}
	l := &linker{g: ln.Guide, docs: ln.Docs, byPath: map[string]*guide.Page{}}
	var pages []*guide.Page
	for p, d := range ln.Docs {
		l.byPath[d.Path] = p
		pages = append(pages, p)
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].Source < pages[j].Source })
	return l, pages
}

// FuzzLinkDestination resolves arbitrary link targets written on a page of the test
// site. Whatever the target: no panic; a problem has a line and a message; a target
// accepted and pointing at a Markdown file becomes a relative address that,
// followed from the linking page, lands on a page of the site with the same #section.
// Seeds are in testdata/fuzz/FuzzLinkDestination.
func FuzzLinkDestination(f *testing.F) {
	l, pages := testLinker(f)
	urls := map[string]bool{}
	for _, p := range pages {
		urls["/"+p.URL] = true
	}
	f.Fuzz(func(t *testing.T, from uint8, dest string) {
		p := pages[int(from)%len(pages)]
		d := l.docs[p]
		var problems diag.List
		out := string(l.destination(p, d, 0, []byte(dest), &problems))
		if len(problems) > 0 {
			for _, pr := range problems {
				if pr.Line < 1 || pr.Message == "" {
					t.Errorf("bad problem %+v for %q", pr, dest)
				}
			}
			return // the build stops on the error: what the link became does not matter
		}
		u, err := url.Parse(dest)
		if err != nil || u.Scheme != "" || strings.HasPrefix(dest, "//") || u.Path == "" {
			if out != dest {
				t.Fatalf("%q is not a link to a file but was changed to %q", dest, out)
			}
			return
		}
		if strings.HasPrefix(out, "/") || strings.Contains(out, ":") {
			t.Fatalf("%q from %s became %q, not a relative address", dest, p.Source, out)
		}
		base, _ := url.Parse("http://site.test/" + p.URL)
		ref, err := url.Parse(out)
		if err != nil {
			t.Fatalf("%q became %q, which is not an address: %v", dest, out, err)
		}
		got := base.ResolveReference(ref)
		if !urls[got.Path] {
			t.Fatalf("%q from /%s became %q, which lands on %s: no page there", dest, p.URL, out, got.Path)
		}
		if got.Fragment != u.Fragment {
			t.Fatalf("%q became %q: section %q instead of %q", dest, out, got.Fragment, u.Fragment)
		}
	})
}

// FuzzRelURL checks relURL on any two page addresses: followed from the first page,
// the result leads to the second. The fuzzer's strings are turned into addresses of
// the form the build makes ("", "a/", "a/b/"). Seeds are in testdata/fuzz/FuzzRelURL.
func FuzzRelURL(f *testing.F) {
	f.Fuzz(func(t *testing.T, from, to string) {
		from, to = pageURL(from), pageURL(to)
		rel := RelURL(from, to)
		if rel == "" || strings.HasPrefix(rel, "/") {
			t.Fatalf("RelURL(%q, %q) = %q: empty or absolute", from, to, rel)
		}
		base, _ := url.Parse("http://site.test/" + from)
		ref, err := url.Parse(rel)
		if err != nil {
			t.Fatalf("RelURL(%q, %q) = %q: %v", from, to, rel, err)
		}
		if got := base.ResolveReference(ref).Path; got != "/"+to {
			t.Fatalf("RelURL(%q, %q) = %q leads to %q", from, to, rel, got)
		}
	})
}

// pageURL makes a page address from any string: its path segments, each reduced to
// the letters, digits and hyphens of a slug, empty ones dropped, with a slash after each.
func pageURL(s string) string {
	var b strings.Builder
	for _, seg := range strings.Split(s, "/") {
		seg = strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' {
				return r
			}
			return -1
		}, seg)
		if seg != "" {
			b.WriteString(seg + "/")
		}
	}
	return b.String()
}
