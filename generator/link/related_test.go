package link

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"

	"github.com/stretchguide/stretchguide/generator/guide"
)

// relatedByCounting is the plain definition of Related: count, for every other
// stretch, the areas it shares with s; most shared first, then by title.
func relatedByCounting(s *guide.Stretch) []*guide.Stretch {
	shared := map[*guide.Stretch]int{}
	for _, a := range s.Areas {
		for _, t := range a.Stretches {
			if t != s {
				shared[t]++
			}
		}
	}
	var out []*guide.Stretch
	for t := range shared {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if shared[a] != shared[b] {
			return shared[a] > shared[b]
		}
		if ta, tb := strings.ToLower(a.Title), strings.ToLower(b.Title); ta != tb {
			return ta < tb
		}
		return a.URL < b.URL
	})
	return out[:min(len(out), maxRelated)]
}

// TestRelateMatchesCounting checks the grouped computation against the definition on
// random guides, including areas listed twice and stretches without areas.
func TestRelateMatchesCounting(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		areas := make([]*guide.Area, 1+rng.IntN(5))
		for i := range areas {
			areas[i] = &guide.Area{ID: fmt.Sprintf("a%d", i)}
		}
		stretches := make([]*guide.Stretch, rng.IntN(30))
		for i := range stretches {
			s := &guide.Stretch{Page: guide.Page{Title: fmt.Sprintf("Stretch %d", rng.IntN(10)), URL: fmt.Sprintf("stretches/s%d/", i)}}
			for range rng.IntN(4) {
				a := areas[rng.IntN(len(areas))]
				s.Areas = append(s.Areas, a)
				a.Stretches = append(a.Stretches, s)
			}
			stretches[i] = s
		}
		relate(stretches)
		for _, s := range stretches {
			want := relatedByCounting(s)
			if fmt.Sprint(urls(s.Related)) != fmt.Sprint(urls(want)) {
				t.Fatalf("round %d, %s: got %v, want %v", round, s.URL, urls(s.Related), urls(want))
			}
		}
	}
}

func urls(ss []*guide.Stretch) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.URL)
	}
	return out
}
