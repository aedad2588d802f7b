package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"time"

	"github.com/stretchguide/stretchguide/generator"
	"github.com/stretchguide/stretchguide/generator/diag"
)

func init() {
	commands = append(commands, command{"build", buildDoes, runBuild})
}

const buildDoes = "build the site into the output folder"

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	fs := newFlagSet("build", stderr, &sf)
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the build to `file`, for go tool pprof")
	pdfs := fs.Bool("pdf", true, "write a PDF handout for each routine; --pdf=false skips them for quicker builds")
	setUsage(fs, "build [flags]", buildDoes)
	if code, ok := parseArgs(fs, args, 0, stdout, stderr); !ok {
		return code
	}
	if *cpuprofile != "" {
		stop, err := startCPUProfile(*cpuprofile)
		if err != nil {
			fmt.Fprintf(stderr, "stretchguide build: %v\n", err)
			return 1
		}
		defer stop()
	}
	opts := sf.resolve(stderr)
	opts.NoPDF = !*pdfs
	start := time.Now()
	res, err := generator.Build(ctx, opts)
	printProblems(stderr, res.Problems)
	var be *diag.BuildError
	switch {
	case errors.As(err, &be):
		fmt.Fprintf(stderr, "%v; %s was not changed.\n", err, opts.Out)
		return 1
	case err != nil:
		fmt.Fprintf(stderr, "stretchguide build: %v\n", err)
		return 1
	}
	site := res.Summary // what the folder holds; res.Pages counts only the pages rendered again
	if res.UpToDate {
		fmt.Fprintf(stdout, "Nothing changed since the last build: %s is up to date (%s, %s, %s; checked in %d ms).\n", opts.Out,
			count(site.Pages, "page"), count(site.Handouts, "handout"), count(site.References, "reference"), time.Since(start).Milliseconds())
		return 0
	}
	fmt.Fprintf(stdout, "Built %s, %s, %s in %d ms, into %s.\n", count(site.Pages, "page"), count(site.Handouts, "handout"),
		count(site.References, "reference"), time.Since(start).Milliseconds(), opts.Out)
	return 0
}

// startCPUProfile profiles the process into file until stop is called.
func startCPUProfile(file string) (stop func(), err error) {
	f, err := os.Create(file)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

func printProblems(w io.Writer, l diag.List) {
	for _, d := range l {
		fmt.Fprintln(w, d)
	}
}
