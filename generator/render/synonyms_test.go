package render

import (
	"testing"
)

func TestAddSynonyms(t *testing.T) {
	syn := map[string][]string{"sciatica": {"hamstring", "leg numbness"}, "knee": {"knee"}}
	for _, c := range []struct {
		e    SearchEntry
		want string
	}{
		{SearchEntry{Title: "Hamstring stretch"}, "sciatica"},
		{SearchEntry{Title: "Stretch", Summary: "For your hamstrings."}, "sciatica"},        // a word start counts
		{SearchEntry{Title: "Numbness in your legs"}, "sciatica"},                           // every word of a meaning
		{SearchEntry{Title: "Numbness in your arms"}, ""},                                   // not just one
		{SearchEntry{Title: "Bridge", Words: "hamstrings"}, ""},                             // not the whole text
		{SearchEntry{Title: "Knee hug", Also: "knee to chest"}, "knee to chest"},            // the word itself is there
		{SearchEntry{Title: "Twist", Also: "hamstring twist"}, "hamstring twist, sciatica"}, // other names count
	} {
		es := []SearchEntry{c.e}
		addSynonyms(es, syn)
		if es[0].Also != c.want {
			t.Errorf("%+v: Also = %q, want %q", c.e, es[0].Also, c.want)
		}
	}
}
