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
	// m keeps cards from one build to the next, under the key memoKey gives: after
	// an edit, the home page and the list of stretches render only the cards whose
	// stretch changed.
	m       *memo.Memo
	memoKey func(cardKey) uint64
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
	if f.m == nil {
		return f.get(&f.cards, key, "stretch-card", part{View: v, Stretch: s})
	}
	h, _, err := memo.Do(f.m, f.memoKey(key), func() (template.HTML, error) {
		return f.get(&f.cards, key, "stretch-card", part{View: v, Stretch: s})
	})
	if err == nil {
		f.cards.Store(key, h)
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
