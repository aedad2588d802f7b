package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/stretchguide/stretchguide/generator"
)

// spanishGuide builds the shipped guide with language: es (its text stays English;
// every word of the interface is Spanish) into a temporary folder.
func spanishGuide(t *testing.T) string {
	t.Helper()
	root := moduleRoot(t)
	content := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(content, os.DirFS(filepath.Join(root, "content"))); err != nil {
		t.Fatal(err)
	}
	index := filepath.Join(content, "_index.md")
	b, err := os.ReadFile(index)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(index, []byte(strings.Replace(string(b), "language: en", "language: es", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	return buildFrom(t, content)
}

// buildFrom builds content through the module's layouts into a temporary folder, as
// if published at https://guide.example/guide/, and returns that folder.
func buildFrom(t *testing.T, content string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(context.Background(), generator.Options{Content: content,
		Layouts: filepath.Join(moduleRoot(t), "layouts"), Out: out, BaseURL: "https://guide.example" + basePath}); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSpanishGuideChecks: the guide with its interface in Spanish passes
// html-validate on every page, and axe-core, the console and the keyboard checks on
// a page of each kind.
func TestSpanishGuideChecks(t *testing.T) {
	npmFile(t, "axe-core/axe.min.js")
	site := spanishGuide(t)
	validateAll(t, site)
	base := serve(t, site)
	ctx := startBrowser(t)
	for _, file := range []string{"index.html", "stretches/bridge/index.html", "routines/morning/index.html",
		"red-flags/index.html", "stretches/index.html", "progress/index.html", "bibliography/index.html",
		"make/#r=v1;Prueba;Dos+veces+al+d%C3%ADa;bridge:r8:s2,cat-camel:h45:s3", "404.html"} {
		t.Run(file, func(t *testing.T) { pageChecks(t, ctx, pageURL(base, file)) })
	}
	t.Run("search speaks Spanish", func(t *testing.T) {
		if _, err := load(ctx, base); err != nil {
			t.Fatal(err)
		}
		sctx, done := step(ctx)
		defer done()
		said, err := chromedp.Run(sctx, chromedp.Evaluate[[]string](searchFor("bridge"), chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		if len(said) != 2 || !strings.HasSuffix(said[0], "resultados.") && said[0] != "1 resultado." || said[1] != " Estiramiento" {
			t.Errorf("the search says %q, want the count of results and the kind of the first in Spanish", said)
		}
	})
}

// validateAll runs html-validate on every page of the site in folder site.
func validateAll(t *testing.T, site string) {
	t.Helper()
	var files []string
	for _, f := range htmlFiles(t, site) {
		files = append(files, filepath.Join(site, filepath.FromSlash(f)))
	}
	report(t, "html-validate", htmlValidate(t, files))
}

// pageChecks loads the page at u and runs the console, failed request, axe-core and
// keyboard checks on it.
func pageChecks(t *testing.T, ctx context.Context, u string) {
	t.Helper()
	pl, err := load(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	report(t, "console", pl.console)
	report(t, "failed request", pl.failed)
	problems, err := axeCheck(ctx)
	if err != nil {
		t.Fatal(err)
	}
	report(t, "axe", problems)
	problems, err = keyboardCheck(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	report(t, "keyboard", problems)
}

// searchFor types q in the search box and resolves to what the search then says:
// its status and the kind of its first result.
func searchFor(q string) string {
	return `new Promise((done) => {
  const box = document.querySelector('#search-q');
  box.value = '` + q + `';
  box.dispatchEvent(new Event('input'));
  const status = document.querySelector('.search-status');
  const until = Date.now() + 10000;
  const wait = () => {
    const kind = document.querySelector('.search-results .meta');
    if (status.textContent && kind || Date.now() > until) done([status.textContent, kind ? kind.textContent : '']);
    else setTimeout(wait, 50);
  };
  wait();
})`
}
