package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"github.com/stretchguide/stretchguide/generator/starter"
)

func init() {
	commands = append(commands, command{"init", initDoes, runInit})
}

const initDoes = "start a new guide in a new folder: init my-guide"

func runInit(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("init", flag.ContinueOnError)
	fs.SetOutput(stderr)
	setUsage(fs, "init DIR", "write a small guide into the new or empty folder DIR: content/ with one example\nof each kind of file (a stretch and its picture, a routine, the warning signs,\na page, a references file and the home page), ready for stretchguide check")
	if code, ok := parseArgs(fs, args, 1, stdout, stderr); !ok {
		return code
	}
	dir := fs.Arg(0)
	if err := starter.Write(dir); err != nil {
		fmt.Fprintf(stderr, "stretchguide init: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "Wrote a new guide in %s.\nNext: cd %s, then run: stretchguide serve\n", filepath.Join(dir, "content"), dir)
	return 0
}
