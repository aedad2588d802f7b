package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/stretchguide/stretchguide/generator"
)

func init() {
	commands = append(commands, command{"new", `start a new page: new stretch "Cat-Cow" or new routine "Bedtime"`, runNew})
}

func runNew(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	fs := newFlagSet("new", stderr, &sf)
	fs.Usage = func() {
		fmt.Fprintln(stderr, `Usage: stretchguide new [flags] stretch|routine "Title"`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() < 2 {
		fs.Usage()
		return 2
	}
	kind, title := fs.Arg(0), strings.TrimSpace(strings.Join(fs.Args()[1:], " "))
	file, err := generator.New(sf.resolve(stderr), kind, title)
	if err != nil {
		fmt.Fprintf(stderr, "stretchguide new: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "Wrote %s.\nFill in each field marked TODO, then run: stretchguide check\n", file)
	return 0
}
