// Command floor is the whole-process floor of `make bench`: the least any generator
// built on goldmark does to turn a content folder into pages. It reads every Markdown
// file below IN, drops its front matter, converts the rest with plain goldmark on all
// cores and writes each page below OUT. No templates, links, checks or handouts: a
// real build can only be slower, so benchreport compares whole builds with it.
//
//	floor IN OUT
package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: floor IN OUT")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	var files []string
	err := filepath.WalkDir(in, func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return err
	}
	md := goldmark.New()
	errs := make([]error, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.NumCPU() {
		wg.Go(func() {
			for i := range next {
				errs[i] = page(md, in, out, files[i])
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// page converts one file and writes it.
func page(md goldmark.Markdown, in, out, file string) error {
	src, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	if rest, ok := bytes.CutPrefix(src, []byte("---\n")); ok {
		if _, body, ok := bytes.Cut(rest, []byte("\n---\n")); ok {
			src = body
		}
	}
	var html bytes.Buffer
	if err := md.Convert(src, &html); err != nil {
		return err
	}
	rel, err := filepath.Rel(in, file)
	if err != nil {
		return err
	}
	dst := filepath.Join(out, strings.TrimSuffix(rel, ".md")+".html")
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return os.WriteFile(dst, html.Bytes(), 0o644)
}
