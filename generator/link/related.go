package link

import (
	"sort"

	"github.com/stretchguide/stretchguide/generator/guide"
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
	var cands []candidate
	for _, s := range stretches {
		cands = cands[:0]
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
				if t != s {
					cands = append(cands, candidate{t, shared, g.ranks[k]})
					taken++
				}
			}
		}
		sort.Slice(cands, func(i, j int) bool {
			if cands[i].shared != cands[j].shared {
				return cands[i].shared > cands[j].shared
			}
			return cands[i].rank < cands[j].rank
		})
		s.Related = nil
		for _, c := range cands[:min(len(cands), maxRelated)] {
			s.Related = append(s.Related, c.s)
		}
	}
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
