// Command gencorpus writes a synthetic stretching guide of n stretches, the same bytes
// every time, for measuring how fast stretchguide builds large guides:
//
//	go run ./cmd/gencorpus -n 1000 -out /tmp/guide
//	go run ./cmd/stretchguide build --content /tmp/guide --out /tmp/site --verbose
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/stretchguide/stretchguide/internal/corpus"
)

func main() {
	n := flag.Int("n", 1000, "how many `stretches`")
	out := flag.String("out", "", "the `folder` to write the content into; it must not exist yet")
	flag.Parse()
	if *out == "" || *n < 1 {
		fmt.Fprintln(os.Stderr, "usage: gencorpus -n 1000 -out FOLDER")
		os.Exit(2)
	}
	if _, err := os.Stat(*out); err == nil {
		fmt.Fprintf(os.Stderr, "gencorpus: %s already exists; give a new folder\n", *out)
		os.Exit(1)
	}
	if err := corpus.Write(*out, *n); err != nil {
		fmt.Fprintf(os.Stderr, "gencorpus: %v\n", err)
		os.Exit(1)
	}
}
