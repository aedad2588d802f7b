package generator

import (
	"cmp"
	"errors"
	"io/fs"
	"time"

	"github.com/stretchguide/stretchguide/generator/check"
	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/link"
	"github.com/stretchguide/stretchguide/generator/load"
	"github.com/stretchguide/stretchguide/generator/memo"
	"github.com/stretchguide/stretchguide/generator/render"
)

// Check runs load, link and check, and reports every problem a build would, plus
// what only an author needs: reviews coming due and each page's reading grade (as
// info). It writes nothing.
func Check(opts Options) diag.List {
	fsys, done := load.OpenFolder(opts.content())
	defer done()
	return checkContent(fsys, opts)
}

// checkContent checks the content tree in fsys, naming files as opts.Content/path:
// the steps of a Builder up to check, then what only check looks at.
func checkContent(fsys fs.FS, opts Options) diag.List {
	var problems diag.List
	b := contentBuilder(fsys, opts)
	ls, err := readLayouts(opts.Layouts)
	var refused *layoutInputError
	if errors.As(err, &refused) {
		problems.Errorf(refused.file, 1, 1, refused.fix, "%s", refused.msg)
	} else if err != nil {
		problems.Errorf(cmp.Or(opts.Layouts, "layouts"), 0, 0, "fix the template named in the message", "%v", err)
	}
	if ls != nil {
		problems.Append(ls.StringProblems(opts.Layouts)) // missing and unused interface strings
	}
	ln := b.analyze(&problems, newTimer(opts.Log))
	if ls != nil && problems.Errors() == 0 {
		// Render in memory, to check what only the output shows; no PDFs: check
		// only reads the pages.
		if out, _, err := render.Site(ln, ls, render.Options{}, memo.New()); err != nil {
			problems.Errorf(cmp.Or(opts.Layouts, "layouts"), 0, 0, "fix the template named in the message", "%v", err)
		} else {
			page := func(p *guide.Page) []byte { return out.Data[render.PageFile(p.URL)] }
			problems.Append(check.Safety(ln, page, render.Layout))
		}
		checkLanguages(ln, b.others, ls, &problems)
	}
	today := opts.Today
	if today.IsZero() {
		today = time.Now()
	}
	problems.Append(check.Reviews(ln, today, opts.Strict))
	problems.Append(check.Reviewers(ln, opts.Strict))
	problems.Append(check.Grades(ln.Guide))
	problems.Append(check.ReadingInfo(ln))
	problems.Sort()
	return problems
}

// contentBuilder is a Builder that reads the content from fsys, naming files as
// opts.Content/path.
func contentBuilder(fsys fs.FS, opts Options) *Builder {
	return &Builder{opts: opts, staleAll: true, layoutsDirt: true, memo: memo.New(), parser: load.NewParser(), src: load.Inputs(fsys)}
}

// analyze runs load, link and check: the steps of every build and of Check.
func (b *Builder) analyze(problems *diag.List, t *timer) *link.Linked {
	ln := b.link(problems, t)
	problems.Append(check.Content(ln))
	return ln
}

// link loads what changed since the last build and links the guide.
func (b *Builder) link(problems *diag.List, t *timer) *link.Linked {
	c := b.load(problems)
	t.step("load")
	c.CheckTranslations(problems)
	ln := link.LinkReusing(c, b.opts.BaseURL, problems, b.reuse(""))
	b.others = b.linkLanguages(c, problems)
	t.step("link")
	return ln
}

// loadAndLink loads the content tree in fsys and links it.
func loadAndLink(fsys fs.FS, opts Options, problems *diag.List, t *timer) *link.Linked {
	ln := contentBuilder(fsys, opts).link(problems, t)
	problems.Sort()
	return ln
}
