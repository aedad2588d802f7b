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
	setUsage(fs, `new [flags] stretch|routine "Title"`, "start a new stretch or routine file, with each field to fill in marked TODO")
	if code, ok := parseArgs(fs, args, -3, stdout, stderr); !ok {
		return code
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
