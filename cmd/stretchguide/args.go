package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// parseArgs reads args into fs with flags allowed anywhere among the words, as
// people type them: `new stretch "Cat Cow" --content x` is `new --content x stretch
// "Cat Cow"`. A word after "--" is never a flag. -h or --help prints the usage on
// stdout. words is how many words the command takes: n exactly, or at least -n-1
// when negative (-1 for any number). When ok is false the command should exit
// with code; an unknown flag or a wrong number of words prints the usage to stderr.
func parseArgs(fs *flag.FlagSet, args []string, words int, stdout, stderr io.Writer) (code int, ok bool) {
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			rest = append(rest, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		if f := fs.Lookup(name); f != nil && !isBool(f) && i+1 < len(args) {
			i++
			flags = append(flags, args[i])
		}
	}
	fs.SetOutput(io.Discard)
	err := fs.Parse(flags)
	fs.SetOutput(stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fs.SetOutput(stdout)
		fs.Usage()
		return 0, false
	case err != nil:
		fmt.Fprintf(stderr, "stretchguide %s: %v\n\n", fs.Name(), err)
		fs.Usage()
		return 2, false
	}
	if n := len(rest); (words >= 0 && n != words) || (words < 0 && n < -words-1) {
		if n > 0 && (words >= 0 && n > words) {
			fmt.Fprintf(stderr, "stretchguide %s: unexpected word %q\n\n", fs.Name(), rest[words])
		} else {
			fmt.Fprintf(stderr, "stretchguide %s: missing words\n\n", fs.Name())
		}
		fs.Usage()
		return 2, false
	}
	_ = fs.Parse(append([]string{"--"}, rest...)) // keeps the flags set above; fills Args
	return 0, true
}

// isBool says whether f is a flag given without a value, like --strict.
func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// setUsage makes fs print "Usage: stretchguide <synopsis>", what the command does,
// and its flags.
func setUsage(fs *flag.FlagSet, synopsis, does string) {
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "Usage: stretchguide %s\n\n%s\n", synopsis, does)
		n := 0
		fs.VisitAll(func(*flag.Flag) { n++ })
		if n > 0 {
			fmt.Fprintln(w, "\nFlags:")
			fs.PrintDefaults()
		}
	}
}
