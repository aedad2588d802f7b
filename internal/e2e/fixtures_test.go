package e2e

import (
	"context"
	"strings"
	"testing"
)

// TestBrowserChecksFailOnBrokenFixtures runs each browser check on the good fixture,
// where it must find nothing, and on a fixture broken in the way the check looks for,
// where it must report that problem: so none of the checks that pass on the guide
// passes because it cannot fail.
func TestBrowserChecksFailOnBrokenFixtures(t *testing.T) {
	npmFile(t, "axe-core/axe.min.js")
	base := serve(t, "testdata/broken")
	ctx := startBrowser(t)

	loadCheck := func(part func(pageLoad) []string) func(context.Context, string) ([]string, error) {
		return func(ctx context.Context, u string) ([]string, error) {
			pl, err := load(ctx, u)
			return part(pl), err
		}
	}
	console := loadCheck(func(pl pageLoad) []string { return pl.console })
	failed := loadCheck(func(pl pageLoad) []string { return pl.failed })
	thirdParty := loadCheck(func(pl pageLoad) []string { return pl.thirdParty })
	axe := func(ctx context.Context, u string) ([]string, error) {
		if _, err := load(ctx, u); err != nil {
			return nil, err
		}
		return axeCheck(ctx)
	}
	reflow := func(ctx context.Context, u string) ([]string, error) {
		if _, err := load(ctx, u); err != nil {
			return nil, err
		}
		return reflowCheck(ctx)
	}
	checks := []struct {
		name  string
		check func(context.Context, string) ([]string, error)
		file  string
		want  []string // each must be in what the check reports on file
	}{
		{"console", console, "console-error.html", []string{"boom: this fixture fails on purpose"}},
		{"console", console, "inline-style.html", []string{"inline style"}},
		{"failed request", failed, "missing-file.html", []string{"missing.svg: HTTP 404"}},
		{"third-party request", thirdParty, "external-script.html", []string{"https://cdn.example.test/widget.js"}},
		{"axe", axe, "missing-alt.html", []string{"image-alt"}},
		{"keyboard", keyboardCheck, "unreachable-link.html", []string{"not a skip link", `Tab never reaches link "the good page -> good.html"`}},
		{"keyboard", keyboardCheck, "no-focus-ring.html", []string{`link "the good page -> good.html" shows no focus outline`}},
		{"reflow", reflow, "wide.html", []string{"at 320 px wide the page is", "at 200 % zoom the page is", "div.wide"}},
	}
	for _, c := range checks {
		t.Run(c.name+"/"+c.file, func(t *testing.T) {
			good, err := c.check(ctx, base+"good.html")
			if err != nil {
				t.Fatal(err)
			}
			report(t, c.name+" on good.html", good)
			got, err := c.check(ctx, base+c.file)
			if err != nil {
				t.Fatal(err)
			}
			all := strings.Join(got, "\n")
			for _, w := range c.want {
				if !strings.Contains(all, w) {
					t.Errorf("the %s check did not report %q on %s; it said:\n%s", c.name, w, c.file, all)
				}
			}
		})
	}
}
