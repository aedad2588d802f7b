package render

import (
	"bytes"
	"html/template"
	"strings"
	"sync"

	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/memo"
)

// fragments keeps the pieces that many pages of one build show alike, each rendered
// once through its partial: a stretch's card, which the home page, the list of all
// stretches, the area and position pages and related stretches show (some 9,000
// cards for 1,000 stretches), a reference written out and its grade, which every
// page citing it shows. Executing a template costs about the same for each action,
// so a page that repeats a fragment pays once for it.
type fragments struct {
	partials *template.Template // the layouts' base.html and partials.html
	cards    sync.Map           // cardKey -> template.HTML
	refs     sync.Map           // *guide.Reference -> template.HTML
	grades   sync.Map           // gradedKey -> template.HTML
	frame    sync.Map           // frameKey -> template.HTML
	signs    sync.Map           // frameKey of the signs' IDs -> template.HTML
	cited    sync.Map           // citedKey -> template.HTML
	// kept are the cards of builds alike in all a card may show but the stretch's
	// own summary (cardSet), by keptKey, from one build to the next: after an edit,
	// the home page and the list of stretches render only the cards whose stretch
	// changed. It is one product of the memo, so a build whose pages all came from
	// the memo keeps every card too. nil keeps cards for one build only.
	kept    map[string]template.HTML
	keptMu  sync.Mutex
	added   int        // cards added to kept by this build, under keptMu
	m       *memo.Memo // told when kept changes
	keptKey func(cardKey) string
}

// linksFrom says where a page's links start from: its Root, or else the depth of its
// address. Pages alike in both link alike.
type linksFrom struct {
	root  string
	depth int
}

func (v view) linksFrom() linksFrom {
	return linksFrom{root: v.Root, depth: strings.Count(v.Page.URL, "/")}
}

// cardKey says what a card depends on besides the guide.
type cardKey struct {
	s    *guide.Stretch
	from linksFrom
}

// Card is the stretch's card as the partial "stretch-card" renders it for this page.
// A card may show the stretch, the guide and links from the page, but nothing else
// of the page: cards are shared by every page whose links start alike.
func (v view) Card(s *guide.Stretch) (template.HTML, error) {
	f, key := v.frags, cardKey{s, v.linksFrom()}
	if h, ok := f.cards.Load(key); ok {
		return h.(template.HTML), nil
	}
	if f.kept == nil {
		return f.get(&f.cards, key, "stretch-card", part{View: v, Stretch: s})
	}
	k := f.keptKey(key)
	f.keptMu.Lock()
	b, ok := f.kept[k]
	f.keptMu.Unlock()
	if ok {
		f.cards.Store(key, b)
		return b, nil
	}
	h, err := f.get(&f.cards, key, "stretch-card", part{View: v, Stretch: s})
	if err == nil {
		f.keptMu.Lock()
		f.kept[k] = h // the same bytes: a card is held once
		f.added++
		f.keptMu.Unlock()
		f.m.Changed()
	}
	return h, err
}

// gradedKey says what a reference's grade on a page depends on besides the guide.
type gradedKey struct {
	r     *guide.Reference
	grade guide.Grade // the page's grade of r
	from  linksFrom
}

// Graded is the evidence grade this page gives the reference, with its reason, as
// the partial "graded" renders it. It may show the reference, the grade the page
// gives it and the reason (Page.GradeOf, Page.GradeReasonOf), the guide and links
// from the page, but nothing else of the page.
func (v view) Graded(r *guide.Reference) (template.HTML, error) {
	key := gradedKey{r: r, grade: v.Page.GradeOf(r), from: v.linksFrom()}
	return v.frags.get(&v.frags.grades, key, "graded", part{View: v, Ref: r})
}

// Reference is the reference written out in the site's citation style, as the
// partial "reference" renders it.
func (v view) Reference(r *guide.Reference) (template.HTML, error) {
	return v.frags.get(&v.frags.refs, r, "reference", r)
}

// frameKey says what a part of the page frame depends on besides the guide.
type frameKey struct {
	name string
	from linksFrom
}

// Shared is the partial name as every page whose links start alike shows it: a part
// of the page frame that is the same on all of them, such as the site's navigation,
// its footer or the follow-along player's controls, rendered once for them all. The
// partial sees the site, the guide, the interface strings and links from the page,
// but no page: its .Page is an empty page at the same depth, so a partial that
// reads the page shows nothing of it rather than another page's.
func (v view) Shared(name string) (template.HTML, error) {
	return v.frags.get(&v.frags.frame, frameKey{name, v.linksFrom()}, name, v.frame())
}

// WarningSigns is the "Stop and get help" box of the signs fs, as the partial
// "warning-signs" renders it, shared by every page that shows the same signs and
// whose links start alike. Like a shared partial (Shared) it sees no page.
func (v view) WarningSigns(fs []*guide.Flag) (template.HTML, error) {
	var ids strings.Builder
	for _, f := range fs {
		ids.WriteString(f.ID)
		ids.WriteByte(0)
	}
	return v.frags.get(&v.frags.signs, frameKey{ids.String(), v.linksFrom()}, "warning-signs", part{View: v.frame(), Flags: fs})
}

// citedKey says what a partial showing one reference depends on besides the guide.
type citedKey struct {
	name string
	gradedKey
}

// Cited is the partial name showing reference r on this page (an item of its
// evidence list, say), shared by every page that gives r the same grade and whose
// links start alike. The partial gets .Ref and a .View that, like Shared's, has no
// page but one that grades r as this page does.
func (v view) Cited(name string, r *guide.Reference) (template.HTML, error) {
	key := citedKey{name, gradedKey{r: r, grade: v.Page.GradeOf(r), from: v.linksFrom()}}
	if h, ok := v.frags.cited.Load(key); ok {
		return h.(template.HTML), nil
	}
	frame := v.frame()
	if key.grade != r.Grade {
		frame.Page.Grades = map[string]guide.Grade{r.Key: key.grade}
	}
	return v.frags.get(&v.frags.cited, key, name, part{View: frame, Ref: r})
}

// frame is v without its page: the site, the guide, the interface strings and links
// from an empty page at the same depth.
func (v view) frame() view {
	return view{Site: v.Site, Guide: v.Guide, Root: v.Root, Page: &guide.Page{URL: strings.Repeat("-/", v.linksFrom().depth)},
		assets: v.assets, strings: v.strings, cat: v.cat, pdfs: v.pdfs, frags: v.frags}
}

// get returns the fragment kept under key in m, or renders it through the partial
// name and keeps it. Pages rendering at once may both render one fragment: both
// get the same bytes.
func (f *fragments) get(m *sync.Map, key any, name string, data any) (template.HTML, error) {
	if h, ok := m.Load(key); ok {
		return h.(template.HTML), nil
	}
	b := buffers.Get().(*bytes.Buffer)
	defer putBuffer(b)
	if err := f.partials.ExecuteTemplate(b, name, data); err != nil {
		return "", err
	}
	h := template.HTML(b.String())
	m.Store(key, h)
	return h, nil
}
