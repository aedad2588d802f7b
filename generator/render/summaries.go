package render

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/memo"
)

// A stretch's summary shows on its own page and on the cards of pages that list it.
// A page of the built-in layouts is therefore keyed with the model less the
// stretches' summaries (memo.Models) and the summaries of the stretches it shows,
// so that editing one summary renders again only the pages that show it, not all
// of them. Layouts from a folder may show any summary anywhere: their pages are
// keyed with the whole model.

// pageModel writes into h what a page of v's kind reads from the model.
func (r *run) pageModel(h *memo.Hasher, v view) {
	if !r.ls.builtIn {
		h.Uint(r.model)
		return
	}
	h.Uint(r.shared)
	shown, all := r.shown(v)
	if all {
		h.Uint(r.model) // shared and every summary
		return
	}
	for _, s := range shown {
		h.String(s.Summary)
	}
}

// shown lists the stretches whose summaries a page of the built-in layouts shows:
// its own and those of its cards. Pages listing every stretch (the home page and
// the list of stretches, with the finder's cards, and the maker's catalogue) and
// any kind not named here show them all, which all says.
func (r *run) shown(v view) (shown []*guide.Stretch, all bool) {
	switch v.Page.Kind {
	case guide.KindStretch:
		return append([]*guide.Stretch{v.Stretch}, v.Stretch.Related...), false
	case guide.KindArea:
		return v.Area.Stretches, false
	case guide.KindPosition:
		if p := r.ln.Guide.Position(v.Page.Slug); p != nil {
			return p.Stretches, false
		}
		return nil, false
	case guide.KindRoutine:
		for _, st := range v.Routine.Steps {
			shown = append(shown, st.Stretch)
		}
		return shown, false
	case guide.KindRedFlags, guide.KindBibliography, guide.KindFree, guide.KindNotFound, kindProgress:
		return nil, false
	}
	return nil, true
}

// cardSet returns the cards kept in the memo for builds alike in all a card may
// show but its stretch's own summary: the layouts, language and options it renders
// with and, with the built-in layouts, the model less the summaries (else the whole
// model). cardID names one card of the set.
func (r *run) cardSet() map[string]template.HTML {
	h := r.m.Hasher()
	h.String("cards")
	h.Uint(r.ls.id)
	h.String(r.cat.Lang)
	h.Uint(r.optsKey)
	if r.ls.builtIn {
		h.Uint(r.shared)
	} else {
		h.Uint(r.model)
	}
	set, _, _ := memo.Do(r.m, h.Sum(), func() (map[string]template.HTML, error) { return map[string]template.HTML{}, nil })
	return set
}

// cardID names a card in its set: which stretch, where links start and, with the
// built-in layouts, the stretch's summary, which the set's key leaves out.
func (r *run) cardID(k cardKey) string {
	summary := ""
	if r.ls.builtIn {
		summary = k.s.Summary
	}
	return k.s.URL + "\x00" + k.from.root + "\x00" + strconv.Itoa(k.from.depth) + "\x00" + summary
}

// pruneCards drops from the kept cards those of stretches that are gone or whose
// summary is no longer the one the card shows. With the built-in layouts the set is
// kept under a key that leaves the summaries out, so without this each edit of a
// summary in a serve session would add a card and never drop one; with layouts from
// a folder the key is the whole model and no card in a set goes stale. Only a build
// that added cards can have made the set bigger (a stretch gone changes the set's
// key), so the others skip the pass, which takes milliseconds at 10,000 stretches.
func (r *run) pruneCards(f *fragments) {
	if f == nil || f.kept == nil || !r.ls.builtIn {
		return
	}
	f.keptMu.Lock()
	added := f.added
	f.keptMu.Unlock()
	if added == 0 {
		return
	}
	summaries := make(map[string]string, len(r.ln.Guide.Stretches))
	for _, s := range r.ln.Guide.Stretches {
		summaries[s.URL] = s.Summary
	}
	f.keptMu.Lock()
	defer f.keptMu.Unlock()
	dropped := false
	for id := range f.kept {
		url, rest, _ := strings.Cut(id, "\x00") // see cardID
		summary, ok := summaries[url]
		if !ok || !strings.HasSuffix(rest, "\x00"+summary) {
			delete(f.kept, id)
			dropped = true
		}
	}
	if dropped {
		f.m.Changed()
	}
}
