package cmstest

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/stretchguide/stretchguide/internal/browsertest"
)

// collections are the names of the generated configuration's collections.
var collections = []string{"stretches", "routines", "pages", "warning-signs", "references"}

// allText is the page's text with the values of its inputs, where the editor shows
// an entry's fields.
const allText = `document.body.innerText + "\n" + [...document.querySelectorAll("input, textarea")].map(e => e.value).join("\n")`

// TestEditorWithTheRealCMS boots Decap CMS with the generated configuration and the
// shipped content, lists every collection, opens a stretch with every field
// filled, and checks that a stretch missing required fields is not saved.
func TestEditorWithTheRealCMS(t *testing.T) {
	url := serveEditor(t)
	files := repoFiles(t)
	ctx := browsertest.Start(t)
	var mu sync.Mutex
	var errs []string
	err := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *runtime.EventExceptionThrown:
			d := e.ExceptionDetails
			text := d.Text
			if d.Exception != nil {
				text += " " + d.Exception.Description
			}
			errs = append(errs, text)
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError {
				var parts []string
				for _, a := range e.Args {
					parts = append(parts, string(a.Value)+a.Description)
				}
				errs = append(errs, strings.Join(parts, " "))
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	fail := func(what string, err error) {
		t.Helper()
		text, _ := chromedp.Run(ctx, chromedp.Evaluate[string](allText))
		mu.Lock()
		defer mu.Unlock()
		t.Fatalf("%s: %v\npage:\n%.3000s\nerrors: %q", what, err, text, errs)
	}
	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		c, cancel := context.WithTimeout(ctx, 90*time.Second)
		defer cancel()
		if err := chromedp.Do(c, steps...); err != nil {
			fail(what, err)
		}
	}
	eval := func(what, expr string) any {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[any](expr))
		if err != nil {
			fail(what, err)
		}
		return v
	}
	waitText := func(what string, want ...string) {
		t.Helper()
		cond := fmt.Sprintf(`(() => { const s = %s; return %q.split("\u0000").every(w => s.includes(w)); })()`, allText, strings.Join(want, "\u0000"))
		c, cancel := context.WithTimeout(ctx, 90*time.Second)
		defer cancel()
		if _, err := chromedp.Run(c, chromedp.Poll[bool](cond, chromedp.WithPollingInterval(200*time.Millisecond))); err != nil {
			var missing []string
			text, _ := chromedp.Run(ctx, chromedp.Evaluate[string](allText))
			for _, w := range want {
				if !strings.Contains(text, w) {
					missing = append(missing, w)
				}
			}
			fail(what+fmt.Sprintf(" (missing %q)", missing), err)
		}
	}

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

	mu.Lock()
	if len(errs) > 0 {
		t.Errorf("the editor reported errors:\n%s", strings.Join(errs, "\n"))
	}
	mu.Unlock()

	// Decap rejects the save with a promise nobody awaits: an error in the console
	// is what a refusal looks like, so errors are not counted from here on.
	save := chromedp.Search(`//button[normalize-space(.)="Save"]`)
	do("new stretch", chromedp.Navigate(url+"#/collections/stretches/new"), chromedp.WaitVisible(save), chromedp.Click(save))
	waitText("the refusal", "TITLE IS REQUIRED", "SUMMARY IS REQUIRED", "AREAS IS REQUIRED")
	if n := eval("nothing saved", `Object.keys(window.repoFilesUnpublished || {}).length`); n != float64(0) {
		t.Errorf("a stretch missing its required fields was saved (%v entries)", n)
	}
}
