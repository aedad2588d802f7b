package e2e

import "testing"

// crawlSite is the link-integrity check the tests below need: crawl the site served
// at base (its files are in dir) from its home page, and return one sentence per
// internal link, asset or #anchor that does not resolve, and per HTML page of dir
// (a stretch above all) that no link reaches. The reusable crawler of issue 7
// (internal/crawl) provides it; until it is wired here, crawlSite is nil and the tests
// say so.
var crawlSite func(base, dir string) ([]string, error)

func needCrawler(t *testing.T) {
	t.Helper()
	if crawlSite == nil {
		t.Skip("SKIPPED: link integrity waits for the crawler of internal/crawl (issue 7) to be wired into crawlSite")
	}
}

// TestLinkIntegrity crawls the shipped guide: every internal link, asset and anchor
// resolves and every page is reachable from the home page.
func TestLinkIntegrity(t *testing.T) {
	needCrawler(t)
	site := builtGuide(t)
	problems, err := crawlSite(serve(t, site), site)
	if err != nil {
		t.Fatal(err)
	}
	report(t, "links", problems)
}

// TestLinkIntegrityFailsOnDeadAnchor shows the crawl reports the dead anchors of the
// fixture, one within the page and one on another page.
func TestLinkIntegrityFailsOnDeadAnchor(t *testing.T) {
	needCrawler(t)
	problems, err := crawlSite(serve(t, "testdata/broken")+"dead-anchor.html", "testdata/broken")
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) < 2 {
		t.Errorf("the crawl reported %d problems on dead-anchor.html, want the two dead anchors: %v", len(problems), problems)
	}
}
