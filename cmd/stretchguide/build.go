package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/stretchguide/stretchguide/generator"
	"github.com/stretchguide/stretchguide/generator/diag"
)

func init() {
	commands = append(commands, command{"build", "build the site into the output folder", runBuild})
}

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	fs := newFlagSet("build", stderr, &sf)
	pdfs := fs.Bool("pdf", true, "write a PDF handout for each routine; --pdf=false skips them for quicker builds")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	opts := sf.resolve(stderr)
	opts.NoPDF = !*pdfs
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
	fmt.Fprintf(stdout, "Built %d files into %s.\n", res.Files, opts.Out)
	return 0
}

func printProblems(w io.Writer, l diag.List) {
	for _, d := range l {
		fmt.Fprintln(w, d)
	}
}
