package generator

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/yuin/goldmark"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/schema"
	"github.com/stretchguide/stretchguide/layouts"
)

// Options say what to build and where.
type Options struct {
	Content string // the content folder; "content" when empty
	Layouts string // the layouts folder; the layouts built into the program when empty
	Out     string // the output folder; "public" when empty
	BaseURL string // overrides base_url in content/_index.md when not empty
	NoPDF   bool   // skips the routines' PDF handouts, for quicker builds
	// Log, when not nil, receives the time each step took and each page's reading grade.
	Log io.Writer
	// Today is the day Check measures review dates against; the current day when
	// zero. Build never looks at it: its output depends only on the content.
	Today time.Time
	// Strict makes Check report overdue reviews as errors rather than warnings.
	Strict bool
}

func (o Options) content() string { return or(o.Content, "content") }
func (o Options) out() string     { return or(o.Out, "public") }

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// Result is what a build found and did.
type Result struct {
	Problems diag.List // errors and warnings, sorted by file and line
	Files    int       // files written
	Summary            // what the site holds, for the closing line of `build` (summary.go)
}

// Build runs the pipeline: load the content, link it into one checked guide, render
// it through the layouts, and write it atomically. When the content has errors it
// returns a *diag.BuildError and the output folder is left exactly as it was.
func Build(ctx context.Context, opts Options) (Result, error) {
	var res Result
	if err := checkOutPath(opts.out(), opts.content(), opts.Layouts); err != nil {
		return res, err
	}
	t := newTimer(opts.Log)
	ls, err := readLayouts(opts.Layouts)
	if err != nil {
		return res, err
	}
	md := newMarkdown(ls.citation)
	t.step("layouts")
	fsys, done := openFolder(opts.content())
	defer done()
	ln := loadAndLink(fsys, opts, md, &res.Problems, t)
	if err := res.Problems.Err(); err != nil {
		return res, err
	}
	if opts.Log != nil {
		logReading(opts.Log, ln)
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	ln.dropMatter()
	out, err := render(ln, ls, md, !opts.NoPDF)
	if err != nil {
		return res, err
	}
	for name, b := range schema.Files() { // for editors: see the schema package
		out["schema/"+name] = b
	}
	if err := addEditor(out, ln.guide, opts.Layouts); err != nil { // issue 18: admin/, package cms
		return res, err
	}
	t.step("render")
	if err := ctx.Err(); err != nil {
		return res, err
	}
	if err := write(opts.out(), out); err != nil {
		return res, err
	}
	t.step("write")
	res.Files = len(out)
	res.Summary = summarize(out, ln.guide)
	return res, nil
}

// Check runs load and link, and reports every problem a build would, plus what only
// an author needs: reviews coming due and each page's reading grade (as info). It
// writes nothing.
func Check(opts Options) diag.List {
	fsys, done := openFolder(opts.content())
	defer done()
	return check(fsys, opts)
}

// check checks the content tree in fsys, naming files as opts.Content/path.
func check(fsys fs.FS, opts Options) diag.List {
	var problems diag.List
	ls, err := readLayouts(opts.Layouts)
	var refused *layoutInputError
	if errors.As(err, &refused) {
		problems.Errorf(refused.file, 1, 1, refused.fix, "%s", refused.msg)
	} else if err != nil {
		problems.Errorf(or(opts.Layouts, "layouts"), 0, 0, "fix the template named in the message", "%v", err)
	}
	md := newMarkdown(nil)
	if ls != nil {
		md = newMarkdown(ls.citation)
	}
	ln := loadAndLink(fsys, opts, md, &problems, newTimer(opts.Log))
	if ls != nil && problems.Errors() == 0 {
		// Render in memory, to check what only the output shows.
		if out, err := render(ln, ls, md, false); err != nil { // no PDFs: check only reads the pages
			problems.Errorf(or(opts.Layouts, "layouts"), 0, 0, "fix the template named in the message", "%v", err)
		} else {
			problems.Append(safetyLinks(ln, out))
		}
	}
	today := opts.Today
	if today.IsZero() {
		today = time.Now()
	}
	problems.Append(reviewProblems(ln, today, opts.Strict))
	problems.Append(readingInfo(ln, problems))
	problems.Sort()
	return problems
}

func loadAndLink(fsys fs.FS, opts Options, md goldmark.Markdown, problems *diag.List, t *timer) *linked {
	c := load(fsys, opts.content(), md, problems)
	t.step("load")
	ln := link(c, opts.BaseURL, problems)
	t.step("link")
	problems.Sort()
	return ln
}

// readLayouts parses the layouts folder, or the built-in layouts when dir is "".
// Like content, a layouts folder is read only through an inputFS.
func readLayouts(dir string) (*layoutSet, error) {
	if dir == "" {
		return parseLayouts(layouts.FS)
	}
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("layouts folder: %w", err)
	}
	fsys, done := openFolder(dir)
	defer done()
	err := refusedInput(fsys) // first, as fs.Glob takes a refused file for a missing one
	var ls *layoutSet
	if err == nil {
		ls, err = parseLayouts(fsys)
	}
	var pe *fs.PathError
	if msg, fix := inputProblem(err, "layouts"); msg != "" && errors.As(err, &pe) {
		return nil, &layoutInputError{file: filepath.Join(dir, filepath.FromSlash(pe.Path)), msg: msg, fix: fix}
	}
	return ls, err
}

// layoutInputError is a layouts file refused as an input (see inputFS).
type layoutInputError struct{ file, msg, fix string }

func (e *layoutInputError) Error() string { return e.file + ":1: " + e.msg + "; " + e.fix }

// timer logs how long each step of a build took.
type timer struct {
	log  io.Writer
	last time.Time
}

func newTimer(log io.Writer) *timer { return &timer{log: log, last: time.Now()} }

func (t *timer) step(name string) {
	now := time.Now()
	if t.log != nil {
		fmt.Fprintf(t.log, "%-8s %7.1f ms\n", name, float64(now.Sub(t.last).Microseconds())/1000)
	}
	t.last = now
}
