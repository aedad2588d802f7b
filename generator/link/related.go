package link

import (
	"slices"
	"sort"
	"strings"

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
// of each group, in title order, can make the list. And all members of a group have
// the same candidates, in the same order: the first maxRelated+1 of them, found once
// for the group, hold each member's list once the member itself is left out (looking
// through every group for every stretch took a seventh of a rebuild after a save at
// 10,000 stretches).
func relate(stretches []*guide.Stretch) {
	ordered := append([]*guide.Stretch(nil), stretches...)
	SortByTitle(ordered, func(s *guide.Stretch) *guide.Page { return &s.Page })
	groups, groupOf := groupByAreas(ordered)
	// Each group's list is its own, so they are made on all cores.
	par.Do(len(groups), func(i int) { groups[i].best = firstCandidates(groups[i], groups) })
	for _, s := range stretches {
		s.Related = nil
		g := groupOf[s]
		if g == nil {
			continue
		}
		for _, c := range g.best {
			if c.s != s && len(s.Related) < maxRelated {
				s.Related = append(s.Related, c.s)
			}
		}
	}
}

// areaGroup is the stretches that list the same areas, as many times each.
type areaGroup struct {
	areas   map[*guide.Area]int // area -> how many times the members list it
	members []*guide.Stretch    // in title order
	ranks   []int               // each member's place in title order
	best    []candidate         // the first maxRelated+1 candidates of any member
}

// candidate is a stretch that may be related to the members of a group: how many
// areas it shares with them, and its place in title order.
type candidate struct {
	s            *guide.Stretch
	shared, rank int
}

// groupByAreas groups the stretches, in title order, by the areas they list, and
// says which group each one is in; stretches with no areas are in none.
func groupByAreas(ordered []*guide.Stretch) ([]*areaGroup, map[*guide.Stretch]*areaGroup) {
	var groups []*areaGroup
	bySignature := map[string]*areaGroup{}
	groupOf := make(map[*guide.Stretch]*areaGroup, len(ordered))
	for i, s := range ordered {
		if len(s.Areas) == 0 {
			continue
		}
		sig := signature(s.Areas)
		g := bySignature[sig]
		if g == nil {
			counts := map[*guide.Area]int{}
			for _, a := range s.Areas {
				counts[a]++
			}
			g = &areaGroup{areas: counts}
			bySignature[sig] = g
			groups = append(groups, g)
		}
		g.members = append(g.members, s)
		g.ranks = append(g.ranks, i)
		groupOf[s] = g
	}
	return groups, groupOf
}

// firstCandidates returns the first maxRelated+1 candidates of g's members (one more
// than a list holds, for the member looking), most areas shared first, then by
// title. Each is put in its place as it comes: ranks differ, so the order is total,
// and sorting every candidate only to keep a few took most of the time of linking.
func firstCandidates(g *areaGroup, groups []*areaGroup) []candidate {
	const keep = maxRelated + 1
	before := func(a, b candidate) bool { // more areas shared, then earlier by title
		return a.shared > b.shared || a.shared == b.shared && a.rank < b.rank
	}
	best := make([]candidate, 0, keep+1)
	for _, o := range groups {
		shared := 0
		for a, n := range g.areas {
			shared += n * o.areas[a]
		}
		if shared == 0 {
			continue
		}
		for k, t := range o.members[:min(len(o.members), keep)] {
			c := candidate{t, shared, o.ranks[k]}
			if len(best) == keep && !before(c, best[len(best)-1]) {
				break // the group's later members come later by title too
			}
			i := len(best)
			for i > 0 && before(c, best[i-1]) {
				i--
			}
			best = slices.Insert(best, i, c)
			if len(best) > keep {
				best = best[:keep]
			}
		}
	}
	return best
}

// signature names a multiset of areas, the same whatever the order they were listed
// in: their ids, sorted, each ended by a zero byte.
func signature(areas []*guide.Area) string {
	ids := make([]string, len(areas))
	n := 0
	for i, a := range areas {
		ids[i] = a.ID
		n += len(a.ID) + 1
	}
	sort.Strings(ids)
	var b strings.Builder
	b.Grow(n)
	for _, id := range ids {
		b.WriteString(id)
		b.WriteByte(0)
	}
	return b.String()
}
