package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGuideInBrowser loads every page of the shipped guide in headless Chromium, one
// after the other in one tab, and asserts for each: no console error and no failed
// request; no request to another site; no WCAG 2.2 A/AA violation found by axe-core,
// in the light and the dark colour scheme; the skip link works and Tab reaches every
// link; no sideways scrolling at 320 px or at 200 % zoom. It then saves screenshots of
// a few pages at phone and desktop widths in screenshots/ (git-ignored).
func TestGuideInBrowser(t *testing.T) {
	npmFile(t, "axe-core/axe.min.js")
	site := builtGuide(t)
	base := serve(t, site)
	ctx := startBrowser(t)
	files := htmlFiles(t, site)
	if len(files) < 20 {
		t.Fatalf("the guide has only %d pages", len(files))
	}
	// The "Make a routine" page is checked also with a routine in its address, as
	// a clinician or a patient sees it once stretches are chosen.
	files = append(files, "make/#r=v1;Test;Twice+a+day;bridge:r8:s2,cat-camel:h45:s3,knee-to-chest:h20:s1:b")
	for _, file := range files {
		t.Run(file, func(t *testing.T) {
			u := pageURL(base, file)
			pl, err := load(ctx, u)
			if err != nil {
				t.Fatal(err)
			}
			report(t, "console", pl.console)
			report(t, "failed request", pl.failed)
			report(t, "third-party request", pl.thirdParty)
			problems, err := axeCheck(ctx)
			if err != nil {
				t.Fatal(err)
			}
			report(t, "axe", problems)
			problems, err = reflowCheck(ctx)
			if err != nil {
				t.Fatal(err)
			}
			report(t, "reflow", problems)
			problems, err = keyboardCheck(ctx, u)
			if err != nil {
				t.Fatal(err)
			}
			report(t, "keyboard", problems)
		})
	}

	dir := filepath.Join(moduleRoot(t), "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	shots := map[string]string{"home": "index.html", "stretch": "stretches/bridge/index.html", "routine": "routines/morning/index.html"}
	sizes := []viewport{{"phone", 390, 844, 1}, {"desktop", 1280, 900, 1}}
	for name, file := range shots {
		for _, v := range sizes {
			out := filepath.Join(dir, name+"-"+v.name+".png")
			if err := screenshot(ctx, pageURL(base, file), v, out); err != nil {
				t.Errorf("screenshot of %s: %v", file, err)
			}
		}
	}
	t.Logf("screenshots of the home, a stretch and a routine page are in %s", dir)
}

// report fails the test with each problem a check found.
func report(t *testing.T, check string, problems []string) {
	t.Helper()
	for _, p := range problems {
		t.Errorf("%s: %s", check, strings.TrimSpace(p))
	}
}
