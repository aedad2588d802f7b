package link

import (
	"slices"
	"sort"
	"strings"

	"github.com/stretchguide/stretchguide/generator/front"
	"github.com/stretchguide/stretchguide/generator/guide"
)

// backlinks fills each reference's CitedBy in the site's page order.
func (l *linker) backlinks() {
	for _, p := range l.pagesInOrder() {
		for _, r := range p.Citations {
			r.CitedBy = append(r.CitedBy, p)
		}
	}
	for _, r := range l.g.References {
		if len(r.CitedBy) == 0 {
			l.problems.Warnf(r.Pos.Path, r.Pos.Line, r.Pos.Col, "cite it from a page, or remove it", "reference %q is not cited by any page", r.Key)
		}
	}
	relate(l.g.Stretches)
}

// pagesInOrder lists every page written from a Markdown file, in the order pages are
// listed on the site. The guide must be sorted (link sorts it first); the list is
// made once.
func (l *linker) pagesInOrder() []*guide.Page {
	if l.order != nil {
		return l.order
	}
	var ps []*guide.Page
	if l.docs[l.g.Home] != nil {
		ps = append(ps, l.g.Home)
	}
	for _, s := range l.g.Stretches {
		ps = append(ps, &s.Page)
	}
	for _, r := range l.g.Routines {
		ps = append(ps, &r.Page)
	}
	if l.docs[l.g.RedFlags] != nil {
		ps = append(ps, l.g.RedFlags)
	}
	l.order = append(ps, l.g.Pages...)
	return l.order
}

// sort puts the guide's lists in the order the site shows them.
func (l *linker) sort() {
	SortByTitle(l.g.Stretches, func(s *guide.Stretch) *guide.Page { return &s.Page })
	SortByTitle(l.g.Routines, func(r *guide.Routine) *guide.Page { return &r.Page })
	SortByTitle(l.g.Pages, func(p *guide.Page) *guide.Page { return p })
	sort.SliceStable(l.g.Areas, func(i, j int) bool { return strings.ToLower(l.g.Areas[i].Title) < strings.ToLower(l.g.Areas[j].Title) })
	// Each area's stretches, by title: the sorted stretches dealt out to their areas.
	for _, a := range l.g.Areas {
		a.Stretches = a.Stretches[:0]
	}
	for _, s := range l.g.Stretches {
		for _, a := range s.Areas {
			a.Stretches = append(a.Stretches, s)
		}
	}
	l.order = nil
}

// SortByTitle sorts pages by title, ignoring case, then by address,
// lowering each title once rather than at every comparison.
func SortByTitle[T any](xs []T, page func(T) *guide.Page) {
	type keyed struct {
		title, url string
		v          T
	}
	ks := make([]keyed, len(xs))
	for i, x := range xs {
		p := page(x)
		ks[i] = keyed{strings.ToLower(p.Title), p.URL, x}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		if c := strings.Compare(a.title, b.title); c != 0 {
			return c
		}
		return strings.Compare(a.url, b.url)
	})
	for i := range ks {
		xs[i] = ks[i].v
	}
}

// disambiguate gives works that would share an author-year label the letters a, b,
// c... after the year (or after "n.d.-" for undated works), in bibliography order, as
// author-year styles do.
func disambiguate(refs []*guide.Reference) {
	same := map[string][]*guide.Reference{}
	for _, r := range refs {
		same[r.Label()] = append(same[r.Label()], r)
	}
	for _, group := range same {
		if len(group) > 1 {
			for i, r := range group {
				r.YearSuffix = string(rune('a' + i%26))
			}
		}
	}
}

// appendNew appends to refs, in order, each of more that it does not hold yet.
func appendNew(refs, more []*guide.Reference) []*guide.Reference {
	if len(more) == 0 {
		return refs
	}
	if len(more) == 1 && len(refs) < 16 { // the usual case, with no map to make
		if slices.Contains(refs, more[0]) {
			return refs
		}
		return append(refs, more[0])
	}
	seen := make(map[*guide.Reference]bool, len(refs)+len(more))
	for _, r := range refs {
		seen[r] = true
	}
	for _, r := range more {
		if !seen[r] {
			seen[r] = true
			refs = append(refs, r)
		}
	}
	return refs
}

func values(ss []front.Str) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		out = append(out, s.V)
	}
	return out
}

func keys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
