package guide

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// SecondsPerRep is the time one repetition is counted as when a routine's length is
// worked out.
const SecondsPerRep = 3

// Dose is how much of a stretch to do: a hold or a number of repetitions, a number of
// sets, and whether to do it on each side. Front matter allows a hold from 1 second
// to 10 minutes, 1 to 100 reps and 1 to 20 sets (the min and max tags of package
// front), so one dose is at most 400 minutes.
type Dose struct {
	Hold  time.Duration // zero when the stretch is counted in repetitions
	Reps  int           // zero when the stretch is held
	Sets  int           // at least 1
	Sides bool          // true when the stretch is done on each side
}

// Active is the time spent stretching: the hold (or reps x SecondsPerRep) times the
// sets, doubled when the stretch is done on each side. Outside the ranges above it
// stops at the longest duration rather than overflow.
func (d Dose) Active() time.Duration {
	per := d.Hold
	if d.Reps > 0 {
		per = mulSaturating(time.Duration(d.Reps), SecondsPerRep*time.Second)
	}
	total := mulSaturating(per, time.Duration(max(d.Sets, 1)))
	if d.Sides {
		total = mulSaturating(total, 2)
	}
	return total
}

// mulSaturating is a*b for a, b >= 0, or the longest duration when that overflows.
func mulSaturating(a, b time.Duration) time.Duration {
	if a <= 0 || b <= 0 {
		return 0
	}
	if a > math.MaxInt64/b {
		return math.MaxInt64
	}
	return a * b
}

// addSaturating is a+b for a, b >= 0, or the longest duration when that overflows.
func addSaturating(a, b time.Duration) time.Duration {
	if b > math.MaxInt64-a {
		return math.MaxInt64
	}
	return a + max(b, 0)
}

// String says the dose in words: "Hold 30 seconds, 2 times, each side".
func (d Dose) String() string {
	var parts []string
	if d.Reps > 0 {
		parts = append(parts, plural(d.Reps, "repetition", "repetitions"))
	} else {
		parts = append(parts, "Hold "+Words(d.Hold))
	}
	if d.Sets > 1 {
		parts = append(parts, fmt.Sprintf("%d times", d.Sets))
	}
	if d.Sides {
		parts = append(parts, "each side")
	}
	return strings.Join(parts, ", ")
}

// Words says a duration in plain words: "45 seconds", "2 minutes 30 seconds".
func Words(d time.Duration) string {
	s := int(d.Round(time.Second) / time.Second)
	m, s := s/60, s%60
	switch {
	case m == 0:
		return plural(s, "second", "seconds")
	case s == 0:
		return plural(m, "minute", "minutes")
	}
	return plural(m, "minute", "minutes") + " " + plural(s, "second", "seconds")
}

// ISO8601 writes a duration as an ISO 8601 duration (PT2M30S), the form the
// datetime attribute of <time> takes.
func ISO8601(d time.Duration) string {
	s := int(d.Round(time.Second) / time.Second)
	h, m, s := s/3600, s/60%60, s%60
	var b strings.Builder
	b.WriteString("PT")
	if h > 0 {
		fmt.Fprintf(&b, "%dH", h)
	}
	if m > 0 {
		fmt.Fprintf(&b, "%dM", m)
	}
	if s > 0 || (h == 0 && m == 0) {
		fmt.Fprintf(&b, "%dS", s)
	}
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
