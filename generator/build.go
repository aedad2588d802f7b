package generator

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/load"
	"github.com/stretchguide/stretchguide/generator/memo"
	"github.com/stretchguide/stretchguide/generator/render"
	"github.com/stretchguide/stretchguide/generator/write"
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

func (o Options) content() string { return cmp.Or(o.Content, "content") }
func (o Options) out() string     { return cmp.Or(o.Out, "public") }

// Result is what a build found and did.
type Result struct {
	Problems diag.List // errors and warnings, sorted by file and line
	Files    int       // files written
	// Bodies and Pages say how many Markdown bodies and pages were rendered; the rest
	// came from the memo.
	Bodies, Pages int
	Summary       // what the site holds, for the closing line of `build` (summary.go)
	// UpToDate says that the output folder held this very build already: the same
	// program, options and input files, and nothing in the folder changed since.
	// Nothing was rendered or written, and Problems are what that build reported.
	UpToDate bool
}

// MaxFileSize is the largest content file read; a larger one is reported and skipped.
const MaxFileSize = load.MaxFileSize

// MaxBody is the most bytes of Markdown one page may hold after its front matter.
const MaxBody = load.MaxBody

// Build runs the pipeline: load the content, link it into one checked guide, check
// it, render it through the layouts, and write it atomically. It is a new Builder
// run once, with the memo the last build into the same folder saved beside it
// (write.CachePath), so that only what changed since is rendered again. It keeps
// its pages on disk in a spool beside the output folder until written, and there
// too what load and link made that only one later step reads (the bodies, their
// words, sites and resolved links: load.Spill). When the program, the options and
// every input file are those of the build the output folder holds, untouched since
// (uptodate.go), it writes nothing and returns what that build reported, with
// Result.UpToDate set. When the content has errors it returns a *diag.BuildError
// and the output folder is left exactly as it was.
func Build(ctx context.Context, opts Options) (Result, error) {
	if err := write.CheckOutPath(opts.out(), opts.content(), opts.Layouts); err != nil {
		return Result{}, err
	}
	t := newTimer(opts.Log)
	in, keyed := hashInputs(opts)
	if keyed {
		if res, ok := upToDate(opts.out(), in.key); ok {
			t.step("unchanged")
			if opts.Log != nil { // where a build logs each page's reading grade
				fmt.Fprintln(opts.Log, "No reading grades: nothing was built. `stretchguide check --grades` lists them.")
			}
			return res, nil
		}
	}
	cache := write.CachePath(opts.out())
	m := memo.Open(cache) // what the last build into this folder made
	defer m.Close()
	spool := memo.NewSpool(filepath.Dir(cache))
	defer spool.Close()
	out, res, st, err := buildSpooled(ctx, opts, in, keyed, m, spool)
	if err != nil {
		return res, err
	}
	// Of what load, link and render made, only the files and the memo are still
	// reachable: the memory the rest held goes back to the system before write,
	// which would otherwise grow the process on into it (by ~40 MiB, the peak of a
	// cold build of 10,000 stretches). It costs one collection, timed with write.
	t = newTimer(opts.Log)
	debug.FreeOSMemory()
	wrote, saved := saveMemo(m, cache)
	err = write.SiteSpooled(opts.out(), out.Data, out.Spooled, st)
	wrote <- err == nil
	<-saved
	t.step("write")
	return res, err
}

// saveMemo saves m at cache while the site is written (both mostly wait on the
// system, and saving took as long as writing or longer), and puts it in place only
// once told on wrote that the site was written: a build that write refuses leaves
// nothing beside the output folder. saved is closed when it is done. A memo (like
// the spool) only saves time: a build without one is the same, so a cache folder
// that cannot be made (a file of the user's in its place) just goes without.
func saveMemo(m *memo.Memo, cache string) (wrote chan<- bool, saved <-chan struct{}) {
	w, done := make(chan bool, 1), make(chan struct{})
	go func() {
		defer close(done)
		if _, err := os.Stat(filepath.Dir(cache)); err == nil { // the spool's folder
			_ = m.SaveIf(cache, func() bool { return <-w })
		} else if <-w && os.MkdirAll(filepath.Dir(cache), 0o755) == nil {
			_ = m.Save(cache)
		}
	}()
	return w, done
}

// buildSpooled is Build up to write: a new Builder with memo m, which keeps the
// documents' bodies and the pages it renders on spool, run once. The stamp it
// returns, when keyed, says the folder will hold the build of inputs in: not so if
// a file changed before the build read it.
func buildSpooled(ctx context.Context, opts Options, in inputs, keyed bool, m *memo.Memo, spool *memo.Spool) (render.Files, Result, *write.Stamp, error) {
	b, err := NewBuilder(opts)
	if err != nil {
		return render.Files{}, Result{}, nil, err
	}
	b.memo = m
	b.spill = load.NewSpill(func(body []byte) (*io.SectionReader, error) {
		blob, err := spool.Put(body)
		return blob.SectionReader, err
	})
	out, res, err := b.build(ctx, spool)
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		return render.Files{}, res, nil, err
	}
	var st *write.Stamp
	if keyed && b.builtFrom(in) {
		st = stamp(in.key, res)
	}
	return out, res, st, nil
}

// readLayouts parses the layouts folder, or the built-in layouts when dir is "".
// Like content, a layouts folder is read only through load's input checks.
func readLayouts(dir string) (*render.Layouts, error) {
	if dir == "" {
		return render.ParseLayouts(layouts.FS)
	}
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("layouts folder: %w", err)
	}
	fsys, done := load.OpenFolder(dir)
	defer done()
	err := load.RefusedInput(fsys) // first, as fs.Glob takes a refused file for a missing one
	var ls *render.Layouts
	if err == nil {
		ls, err = render.ParseLayouts(fsys)
	}
	var pe *fs.PathError
	if msg, fix := load.InputProblem(err, "layouts"); msg != "" && errors.As(err, &pe) {
		return nil, &layoutInputError{file: filepath.Join(dir, filepath.FromSlash(pe.Path)), msg: msg, fix: fix}
	}
	return ls, err
}

// startLayouts starts reading the layouts when they changed or were never read, and
// returns the function that waits for them, logs how long they took and keeps them.
func (b *Builder) startLayouts() func(*timer) error {
	if !b.layoutsDirt && b.ls != nil {
		return func(*timer) error { return nil }
	}
	var (
		ls   *render.Layouts
		err  error
		took time.Duration
		done = make(chan struct{})
	)
	go func() {
		defer close(done)
		start := time.Now()
		ls, err = readLayouts(b.opts.Layouts)
		took = time.Since(start)
	}()
	return func(t *timer) error {
		<-done
		t.took("layouts", took)
		if err != nil {
			return err
		}
		b.ls, b.layoutsDirt = ls, false
		return nil
	}
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
	t.took(name, now.Sub(t.last))
	t.last = now
}

// took logs that step name took d, beside the steps timed one after another.
func (t *timer) took(name string, d time.Duration) {
	if t.log != nil {
		fmt.Fprintf(t.log, "%-8s %7.1f ms\n", name, float64(d.Microseconds())/1000)
	}
}
