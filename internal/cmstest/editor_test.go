package cmstest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// collections are the names of the generated configuration's collections.
var collections = []string{"stretches", "routines", "pages", "warning-signs", "references"}

// TestEditorWithTheRealCMS boots Decap CMS with the generated configuration and the
// shipped content, lists every collection, opens a stretch with every field
// filled, and checks that a stretch missing required fields is not saved.
func TestEditorWithTheRealCMS(t *testing.T) {
	url := serveEditor(t)
	files := repoFiles(t)
	s := startSession(t)
	ctx, do, eval, waitText := s.ctx, s.do, s.eval, s.waitText

	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument,
		page.AddScriptToEvaluateOnNewDocumentParams{Source: "window.repoFiles = " + files + ";"}); err != nil {
		t.Fatal(err)
	}
	login := chromedp.Search(`//button[contains(., "Login")]`)
	do("boot", chromedp.Navigate(url), chromedp.WaitVisible(login), chromedp.Click(login),
		chromedp.WaitVisible(chromedp.CSS(`a[href="#/collections/stretches"]`)))
	for _, c := range collections {
		if eval("collection "+c, fmt.Sprintf(`document.querySelector('a[href="#/collections/%s"]') !== null`, c)) != true {
			t.Errorf("the editor does not list the collection %s", c)
		}
	}

	do("open bridge", chromedp.Navigate(url+"#/collections/stretches/entries/bridge"))
	waitText("the bridge's fields",
		"Bridge",                           // title: string
		"you lift your hips off the floor", // summary: text
		"Glutes", "Lower back",             // areas: select from the guide
		"lying",                              // position: select from the type
		"10",                                 // reps: number
		"Knees bent, feet flat on the floor", // cues: list of text
		"Numbness, tingling or weakness",     // red_flags: select from red-flags.md
		"hayden2021",                         // citations: select of reference keys
		"2026-12-06",                         // reviewed: date
		"bridge.svg",                         // image, beside the stretch
		"one of three bedtime stretches",     // body: markdown
	)

	if errs := s.errors(); len(errs) > 0 {
		t.Errorf("the editor reported errors:\n%s", strings.Join(errs, "\n"))
	}

	// Decap rejects the save with a promise nobody awaits: an error in the console
	// is what a refusal looks like, so errors are not counted from here on.
	save := chromedp.Search(`//button[normalize-space(.)="Save"]`)
	do("new stretch", chromedp.Navigate(url+"#/collections/stretches/new"), chromedp.WaitVisible(save), chromedp.Click(save))
	waitText("the refusal", "TITLE IS REQUIRED", "SUMMARY IS REQUIRED", "AREAS IS REQUIRED")
	if n := eval("nothing saved", `Object.keys(window.repoFilesUnpublished || {}).length`); n != float64(0) {
		t.Errorf("a stretch missing its required fields was saved (%v entries)", n)
	}
}
