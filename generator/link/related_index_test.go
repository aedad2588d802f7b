package link

import (
	"bytes"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/load"
	"github.com/stretchguide/stretchguide/internal/corpus"
)

// relatedByScanning is the definition of Related, computed the slow way: every
// stretch sharing an area, ranked by the number of areas shared (an area listed twice
// counts twice), then by title and address.
func relatedByScanning(s *guide.Stretch) []*guide.Stretch {
	shared := map[*guide.Stretch]int{}
	for _, a := range s.Areas {
		for _, t := range a.Stretches {
			if t != s {
				shared[t]++
			}
		}
	}
	var rel []*guide.Stretch
	for t := range shared {
		rel = append(rel, t)
	}
	sort.Slice(rel, func(i, j int) bool {
		a, b := rel[i], rel[j]
		if shared[a] != shared[b] {
			return shared[a] > shared[b]
		}
		if ta, tb := strings.ToLower(a.Title), strings.ToLower(b.Title); ta != tb {
			return ta < tb
		}
		return a.URL < b.URL
	})
	return rel[:min(len(rel), maxRelated)]
}

// The index behind Related must give what scanning every pair gives, on a guide
// with hundreds of combinations of areas, some listed twice and some stretches
// sharing a title.
func TestRelatedMatchesScanningEveryPair(t *testing.T) {
	fsys := fstest.MapFS{}
	i := 0
	for p, b := range corpus.Files(400) {
		if strings.HasPrefix(p, "stretches/") && strings.HasSuffix(p, ".md") {
			switch i++; i % 7 {
			case 0:
				b = bytes.Replace(b, []byte("areas: ["), []byte("areas: [hips, hips, "), 1)
			case 1:
				b = bytes.Replace(b, []byte("areas: ["), []byte("areas: [neck, "), 1)
			}
			if i%11 == 0 {
				b = bytes.Replace(b, []byte("\ntitle: "), []byte("\ntitle: Same title\nx: "), 1)
			}
		}
		fsys[p] = &fstest.MapFile{Data: b}
	}
	// Six stretches with the same three areas, first by title: each one's related
	// stretches are the five others, which the index must not cut short.
	for _, c := range "abcdef" {
		fsys["stretches/aaa-"+string(c)+".md"] = &fstest.MapFile{Data: []byte("---\ntitle: Aaa " + string(c) +
			"\nsummary: S.\nareas: [upper-back, calves, neck]\nhold: 30s\n---\nBody.\n")}
	}
	var problems diag.List
	ln := Link(load.Load(fsys, "content", load.NewParser(), &problems), "", &problems)
	if problems.Errors() > 0 {
		t.Fatalf("the guide has errors:\n%s", problems)
	}
	twice, some := 0, 0
	for _, s := range ln.Guide.Stretches {
		want := relatedByScanning(s)
		if len(s.Related) != len(want) {
			t.Fatalf("%s: %d related stretches, want %d", s.URL, len(s.Related), len(want))
		}
		for j := range want {
			if s.Related[j] != want[j] {
				t.Errorf("%s: related stretch %d is %s, want %s", s.URL, j+1, s.Related[j].URL, want[j].URL)
			}
		}
		if len(s.Areas) > 1 && s.Areas[0] == s.Areas[1] {
			twice++
		}
		if len(want) == maxRelated {
			some++
		}
	}
	if twice == 0 || some == 0 {
		t.Fatalf("the guide does not exercise the index: %d stretches list an area twice, %d have %d related", twice, some, maxRelated)
	}
}
