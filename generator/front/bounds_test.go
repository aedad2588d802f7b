package front

import (
	"fmt"
	"strings"
	"testing"
)

// Every number and length of time has a range; a value outside it is one error at
// the value, and is not kept.
func TestNumberRanges(t *testing.T) {
	const stretch = "---\ntitle: Bridge\nsummary: Lift.\nareas: [hips]\n" // fields start on line 5
	const routine = "---\ntitle: Bedtime\nsummary: Calm.\nsteps:\n  - stretch: bridge\n"
	cases := []struct {
		name string
		src  string
		v    any
		want string // "line:col message", "" when the value is fine
	}{
		{"sets at the largest int", stretch + "hold: 59m\nsets: 9223372036854775807\n---\n", &Stretch{},
			"5:7 `hold` is 59m; use a length of time from 1s to 10m|6:7 `sets` is 9223372036854775807; use a whole number from 1 to 20"},
		{"sets past the largest int", stretch + "hold: 30s\nsets: 99999999999999999999999\n---\n", &Stretch{},
			"6:7 `sets` is 99999999999999999999999; use a whole number from 1 to 20"},
		{"sets 0", stretch + "hold: 30s\nsets: 0\n---\n", &Stretch{}, "6:7 `sets` is 0; use a whole number from 1 to 20"},
		{"sets 21", stretch + "hold: 30s\nsets: 21\n---\n", &Stretch{}, "6:7 `sets` is 21; use a whole number from 1 to 20"},
		{"sets 20", stretch + "hold: 30s\nsets: 20\n---\n", &Stretch{}, ""},
		{"reps -1", stretch + "reps: -1\n---\n", &Stretch{}, "5:7 `reps` is -1; use a whole number from 1 to 100"},
		{"reps 101", stretch + "reps: 101\n---\n", &Stretch{}, "5:7 `reps` is 101; use a whole number from 1 to 100"},
		{"reps 1 and 100", stretch + "reps: 100\nsets: 1\n---\n", &Stretch{}, ""},
		{"hold 10m1s", stretch + "hold: 10m1s\n---\n", &Stretch{}, "5:7 `hold` is 10m1s; use a length of time from 1s to 10m"},
		{"hold of 30 digits", stretch + "hold: 999999999999999999999999999999m\n---\n", &Stretch{},
			"5:7 `hold` is 999999999999999999999999999999m; use a length of time from 1s to 10m"},
		{"hold 1s and 10m", stretch + "hold: 10m\n---\n", &Stretch{}, ""},
		{"a step's sets", routine + "    sets: 9223372036854775807\n---\n", &Routine{},
			"6:11 `steps[1].sets` is 9223372036854775807; use a whole number from 1 to 20"},
		{"a step's hold", routine + "    hold: 11m\n---\n", &Routine{}, "6:11 `steps[1].hold` is 11m; use a length of time from 1s to 10m"},
		{"a step's reps", routine + "    reps: 1000\n---\n", &Routine{}, "6:11 `steps[1].reps` is 1000; use a whole number from 1 to 100"},
		{"101 steps", "---\ntitle: Long\nsummary: S.\nsteps: [" + strings.Repeat("bridge, ", 100) + "bridge]\n---\n", &Routine{},
			"4:809 `steps` has 101 items; the most is 100"},
		{"reading grade 21", "---\ntitle: G\nreadability_grade: 21\n---\n", &Site{},
			"3:20 `readability_grade` is 21; use a whole number from 1 to 20"},
		{"review cycle of 1,000 months", "---\ntitle: G\nreview_cycle_months: 1000\n---\n", &Site{},
			"3:22 `review_cycle_months` is 1000; use a whole number from 1 to 120"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, issue := Split([]byte(c.src))
			if issue != nil {
				t.Fatalf("split: %+v", issue)
			}
			var got []string
			for _, is := range Decode(m.Node, c.v) {
				got = append(got, fmt.Sprintf("%d:%d %s", is.Line, is.Col, is.Msg))
			}
			if strings.Join(got, "|") != c.want {
				t.Errorf("issues:\n got %q\nwant %q", strings.Join(got, "|"), c.want)
			}
		})
	}
}

// A value out of range is not kept: nothing can be computed from it.
func TestOutOfRangeIsNotKept(t *testing.T) {
	m, _ := Split([]byte("---\ntitle: B\nsummary: S.\nareas: [hips]\nhold: 59m\nsets: 9223372036854775807\n---\n"))
	var s Stretch
	Decode(m.Node, &s)
	if s.Sets.V != 0 || s.Sets.Valid() || s.Hold.V != 0 {
		t.Errorf("sets %+v, hold %v: want neither kept", s.Sets, s.Hold.V)
	}
}
