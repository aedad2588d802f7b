package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/stretchguide/stretchguide/generator"
	"github.com/stretchguide/stretchguide/generator/diag"
)

func init() {
	commands = append(commands, command{"check", checkDoes, runCheck})
}

const checkDoes = "report every problem in the content without writing anything"

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	fs := newFlagSet("check", stderr, &sf)
	format := fs.String("format", "text", "output `format`: text or json")
	strict := fs.Bool("strict", false, "fail on warnings too, and report overdue reviews as errors")
	today := fs.String("today", "", "measure review dates against this `day` (YYYY-MM-DD) instead of today")
	grades := fs.Bool("grades", false, "also list each page's reading grade (--verbose does too)")
	setUsage(fs, "check [flags]", checkDoes)
	if code, ok := parseArgs(fs, args, 0, stdout, stderr); !ok {
		return code
	}
	opts := sf.resolve(stderr)
	opts.Strict = *strict
	if *today != "" {
		t, err := time.Parse("2006-01-02", *today)
		if err != nil {
			fmt.Fprintf(stderr, "stretchguide check: --today %q is not a date like 2026-11-25\n", *today)
			return 2
		}
		opts.Today = t
	}
	problems := generator.Check(opts)
	switch *format {
	case "json":
		if problems == nil {
			problems = diag.List{}
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		_ = enc.Encode(problems)
	case "text":
		for _, d := range problems {
			if d.Severity != diag.Info || *grades || sf.verbose {
				fmt.Fprintln(stdout, d)
			}
		}
		fmt.Fprintf(stdout, "%s, %s\n", count(problems.Errors(), "error"), count(problems.Warnings(), "warning"))
	default:
		fmt.Fprintf(stderr, "stretchguide check: unknown format %q (use text or json)\n", *format)
		return 2
	}
	if problems.Errors() > 0 || (*strict && problems.Warnings() > 0) {
		return 1
	}
	return 0
}

// count says "1 error" or "2 errors".
func count(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
