package render

import (
	"bytes"
	"html/template"
	"strings"
	"sync"

	"github.com/stretchguide/stretchguide/generator/guide"
)

// fragments keeps the pieces that many pages of one build show alike, each rendered
// once through its partial: a stretch's card, which the home page, the list of all
// stretches, the area and position pages and related stretches show (some 9,000
// cards for 1,000 stretches), and a reference written out, which every page citing
// it shows. Executing a template costs about the same for each action, so a page
// that repeats a fragment pays once for it.
type fragments struct {
	partials *template.Template // the layouts' base.html and partials.html
	cards    sync.Map           // cardKey -> template.HTML
	refs     sync.Map           // *guide.Reference -> template.HTML
}

// cardKey says what a card depends on besides the guide: its stretch and where the
// page it is on links from (Root, or the depth of the page's address).
type cardKey struct {
	s     *guide.Stretch
	root  string
	depth int
}

// Card is the stretch's card as the partial "stretch-card" renders it for this page.
// A card may show the stretch, the guide and links from the page, but nothing else
// of the page: cards are shared by every page whose links start alike.
func (v view) Card(s *guide.Stretch) (template.HTML, error) {
	key := cardKey{s: s, root: v.Root, depth: strings.Count(v.Page.URL, "/")}
	return v.frags.get(&v.frags.cards, key, "stretch-card", part{View: v, Stretch: s})
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
