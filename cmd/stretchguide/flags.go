package main

import (
	"flag"
	"io"
	"os"

	"github.com/stretchguide/stretchguide/generator"
)

// siteFlags are the flags every command that reads content shares.
type siteFlags struct {
	opts    generator.Options
	verbose bool
}

func newFlagSet(name string, stderr io.Writer, sf *siteFlags) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&sf.opts.Content, "content", "content", "the content `folder`")
	fs.StringVar(&sf.opts.Layouts, "layouts", "", "the layouts `folder` (default: layouts if it exists, else the built-in look)")
	fs.StringVar(&sf.opts.Out, "out", "public", "the output `folder`")
	fs.StringVar(&sf.opts.BaseURL, "base-url", os.Getenv("STRETCHGUIDE_BASE_URL"), "the `URL` the site is published at (also STRETCHGUIDE_BASE_URL)")
	fs.BoolVar(&sf.verbose, "verbose", false, "print the time each step takes, and with check each page's reading grade")
	return fs
}

// resolve fills defaults that depend on the working directory.
func (sf *siteFlags) resolve(stderr io.Writer) generator.Options {
	o := sf.opts
	if o.Layouts == "" {
		if info, err := os.Stat("layouts"); err == nil && info.IsDir() {
			o.Layouts = "layouts"
		}
	}
	if sf.verbose {
		o.Log = stderr
	}
	return o
}
