package generator

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/stretchguide/stretchguide/internal/browsertest"
	"github.com/stretchguide/stretchguide/internal/pdftest"
)

var printDir = flag.String("printdir", "", "also save the PDFs Chromium prints in this `folder`, to look at")

// TestPrintedRoutinePages prints every routine page in headless Chromium on A4 and
// on US Letter, as a clinician would from the browser, and reads the result as
// pdftotext does.
func TestPrintedRoutinePages(t *testing.T) {
	pdftest.Require(t)
	ctx := browsertest.Start(t)
	papers := []struct {
		name string
		size chromedp.PaperSize
	}{{"A4", chromedp.PaperA4}, {"Letter", chromedp.PaperLetter}}
	for _, dir := range handoutSites {
		g := linkSite(t, dir, handoutBase)
		site := browsertest.Serve(t, buildContent(t, dir, Options{BaseURL: handoutBase}), "/guide/")
		for _, r := range g.Routines {
			for _, paper := range papers {
				t.Run(filepath.Base(dir)+"/"+r.Slug+"/"+paper.name, func(t *testing.T) {
					b := printPage(t, ctx, site+r.URL, chromedp.PDFPaper(paper.size))
					if *printDir != "" {
						_ = os.WriteFile(filepath.Join(*printDir, filepath.Base(dir)+"-"+r.Slug+"-"+paper.name+".pdf"), b, 0o644)
					}
					checkPrinted(t, g, r, pdftest.Read(t, b), handoutBase+r.URL)
				})
			}
		}
	}
}

// printPage loads u and prints it to PDF with the browser's default margins, which
// the stylesheet's @page rule replaces.
func printPage(t *testing.T, ctx context.Context, u string, opts ...chromedp.PDFOption) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(u)); err != nil {
		t.Fatal(err)
	}
	b, err := chromedp.Run(ctx, chromedp.PrintToPDF(opts...))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestPrintButton: with JavaScript the page offers a "Print this routine" button that
// opens the print dialog; without it there is no button that does nothing. The
// Download PDF link leads to the handout either way.
func TestPrintButton(t *testing.T) {
	ctx := browsertest.Start(t)
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	site := browsertest.Serve(t, buildContent(t, "pdf/testdata/site", Options{BaseURL: handoutBase}), "/guide/")
	page := site + "routines/long-name/"

	visible := `(() => { const b = document.querySelector("button.print-button"); return !!b && b.offsetParent !== null })()`
	if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	shown, err := chromedp.Run(ctx, chromedp.Evaluate[bool](visible))
	if err != nil || !shown {
		t.Fatalf("with JavaScript the print button is not shown (err %v)", err)
	}
	// Stand in for the print dialog, which headless Chromium cannot show.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.print = () => { window.printed = true }; true`)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click("button.print-button")); err != nil {
		t.Fatal(err)
	}
	printed, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.printed === true`))
	if err != nil || !printed {
		t.Errorf("pressing the button did not print (err %v)", err)
	}
	status, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`fetch(document.querySelector(".handout-actions a").href).then(r => r.status + " " + r.headers.get("content-type"))`,
		chromedp.EvalAwaitPromise))
	if err != nil || !strings.HasPrefix(status, "200 application/pdf") {
		t.Errorf("the Download PDF link gives %q (err %v)", status, err)
	}

	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	hidden, err := chromedp.Run(ctx, chromedp.JavascriptAttribute[bool]("button.print-button", "hidden"))
	if err != nil || !hidden {
		t.Errorf("without JavaScript the print button shows (err %v)", err)
	}
}
