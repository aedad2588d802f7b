package link

import (
	"slices"
	"sort"

	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/internal/par"
)

// maxRelated is how many related stretches a stretch page lists.
const maxRelated = 4

// relate fills each stretch's Related: the maxRelated stretches sharing the most areas
// with it, ties broken by title. Rather than counting, for every stretch, every other
// stretch of its areas (quadratic in the size of an area, which made linking a
// 1,000-stretch guide take seconds), it groups stretches by their list of areas: all
// members of a group share as many areas with a given stretch, so only the first few
// of each group, in title order, can make the list.
func relate(stretches []*guide.Stretch) {
	ordered := append([]*guide.Stretch(nil), stretches...)
	SortByTitle(ordered, func(s *guide.Stretch) *guide.Page { return &s.Page })
	type group struct {
		areas   map[*guide.Area]int // area -> how many times the members list it
		members []*guide.Stretch    // in title order
		ranks   []int               // each member's place in title order
	}
	var groups []*group
	bySignature := map[string]*group{}
	for i, s := range ordered {
		counts := map[*guide.Area]int{}
		for _, a := range s.Areas {
			counts[a]++
		}
		if len(counts) == 0 {
			continue
		}
		sig := signature(counts)
		g := bySignature[sig]
		if g == nil {
			g = &group{areas: counts}
			bySignature[sig] = g
			groups = append(groups, g)
		}
		g.members = append(g.members, s)
		g.ranks = append(g.ranks, i)
	}
	type candidate struct {
		s            *guide.Stretch
		shared, rank int
	}
	before := func(a, b candidate) bool { // more areas shared, then earlier by title
		return a.shared > b.shared || a.shared == b.shared && a.rank < b.rank
	}
	// best keeps the first maxRelated candidates in that order, each put in its
	// place as it comes: ranks differ, so the order is total, and sorting every
	// candidate only to keep a few took most of the time of linking. Each stretch's
	// list is its own, so they are made on all cores.
	par.Do(len(stretches), func(i int) {
		s := stretches[i]
		best := make([]candidate, 0, maxRelated+1)
		for _, g := range groups {
			shared := 0
			for _, a := range s.Areas {
				shared += g.areas[a]
			}
			if shared == 0 {
				continue
			}
			taken := 0
			for k, t := range g.members {
				if taken == maxRelated {
					break
				}
				if t == s {
					continue
				}
				taken++
				c := candidate{t, shared, g.ranks[k]}
				if len(best) == maxRelated && !before(c, best[len(best)-1]) {
					break // the group's later members come later by title too
				}
				i := len(best)
				for i > 0 && before(c, best[i-1]) {
					i--
				}
				best = slices.Insert(best, i, c)
				if len(best) > maxRelated {
					best = best[:maxRelated]
				}
			}
		}
		s.Related = nil
		for _, c := range best {
			s.Related = append(s.Related, c.s)
		}
	})
}

// signature names a multiset of areas, the same whatever the order they were listed in.
func signature(counts map[*guide.Area]int) string {
	ids := make([]string, 0, len(counts))
	for a, n := range counts {
		for range n {
			ids = append(ids, a.ID)
		}
	}
	sort.Strings(ids)
	sig := ""
	for _, id := range ids {
		sig += id + "\x00"
	}
	return sig
}
