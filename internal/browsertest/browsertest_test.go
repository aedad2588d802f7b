package browsertest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

func TestBrowserLoadsAServedPage(t *testing.T) {
	dir := t.TempDir()
	page := `<!DOCTYPE html><html lang="en"><title>t</title><h1 id="h">Hello</h1></html>`
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := Start(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(Serve(t, dir, "/sub/"))); err != nil {
		t.Fatal(err)
	}
	text, err := chromedp.Run(ctx, chromedp.Text("#h"))
	if err != nil {
		t.Fatal(err)
	}
	if text != "Hello" {
		t.Errorf("got %q", text)
	}
}
