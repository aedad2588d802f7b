package e2e

import (
	"context"
	"io/fs"
	"os"
	"path"
	"strings"

	"github.com/stretchguide/stretchguide/internal/crawl"
)

func init() { crawlSite = crawlWithInternalCrawl }

// crawlWithInternalCrawl checks a served site with the deploy work's crawler, then
// adds every HTML page of dir that the crawl did not reach from the start page.
func crawlWithInternalCrawl(base, dir string) ([]string, error) {
	rep, err := crawl.Site(context.Background(), base, crawl.Options{Aliases: []string{"https://guide.example" + basePath}})
	if err != nil {
		return nil, err
	}
	var problems []string
	for _, p := range rep.Problems {
		problems = append(problems, p.String())
	}
	root := base[:strings.LastIndex(base, "/")+1]
	reached := map[string]bool{}
	for _, p := range rep.Pages {
		reached[strings.TrimPrefix(p, root)] = true
	}
	err = fs.WalkDir(os.DirFS(dir), ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || path.Ext(p) != ".html" || path.Base(p) == "404.html" || strings.HasPrefix(p, "admin/") {
			return err
		}
		u := strings.TrimSuffix(p, "index.html")
		if !reached[u] && !reached[p] {
			problems = append(problems, "unreachable: no link leads to "+p)
		}
		return nil
	})
	return problems, err
}
