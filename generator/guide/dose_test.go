package guide

import (
	"math"
	"slices"
	"testing"
	"time"
)

func TestDoseActive(t *testing.T) {
	cases := []struct {
		name string
		d    Dose
		want time.Duration
	}{
		{"hold once", Dose{Hold: 30 * time.Second, Sets: 1}, 30 * time.Second},
		{"hold, sets and sides", Dose{Hold: 20 * time.Second, Sets: 2, Sides: true}, 80 * time.Second},
		{"reps count 3 s each", Dose{Reps: 10, Sets: 1}, 30 * time.Second},
		{"reps with sets and sides", Dose{Reps: 5, Sets: 3, Sides: true}, 90 * time.Second},
		{"zero sets count as one", Dose{Hold: time.Minute}, time.Minute},
	}
	for _, c := range cases {
		if got := c.d.Active(); got != c.want {
			t.Errorf("%s: Active() = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestDoseString(t *testing.T) {
	cases := []struct {
		d    Dose
		want string
	}{
		{Dose{Hold: 30 * time.Second, Sets: 1}, "Hold 30 seconds"},
		{Dose{Hold: 90 * time.Second, Sets: 3, Sides: true}, "Hold 1 minute 30 seconds, 3 times, each side"},
		{Dose{Reps: 1, Sets: 1}, "1 repetition"},
		{Dose{Reps: 10, Sets: 2}, "10 repetitions, 2 times"},
	}
	for _, c := range cases {
		if got := c.d.String(); got != c.want {
			t.Errorf("%+v: got %q, want %q", c.d, got, c.want)
		}
	}
}

func TestISO8601AndWords(t *testing.T) {
	cases := []struct {
		d           time.Duration
		iso, inWord string
	}{
		{0, "PT0S", "0 seconds"},
		{45 * time.Second, "PT45S", "45 seconds"},
		{2 * time.Minute, "PT2M", "2 minutes"},
		{170 * time.Second, "PT2M50S", "2 minutes 50 seconds"},
		{time.Hour + time.Second, "PT1H1S", "60 minutes 1 second"},
	}
	for _, c := range cases {
		if got := ISO8601(c.d); got != c.iso {
			t.Errorf("ISO8601(%v) = %q, want %q", c.d, got, c.iso)
		}
		if got := Words(c.d); got != c.inWord {
			t.Errorf("Words(%v) = %q, want %q", c.d, got, c.inWord)
		}
	}
}

func TestUrgencyRank(t *testing.T) {
	if !(Emergency.Rank() < Urgent.Rank() && Urgent.Rank() < Soon.Rank() && Soon.Rank() < Urgency("later").Rank()) {
		t.Error("urgencies are not ranked emergency, urgent, soon, other")
	}
}

// A dose or routine total never wraps around to a negative time, whatever the
// numbers; at the largest values front matter allows it is exact.
func TestTotalNeverOverflows(t *testing.T) {
	most := Dose{Hold: 10 * time.Minute, Sets: 20, Sides: true}
	huge := Dose{Reps: math.MaxInt, Sets: math.MaxInt, Sides: true}
	cases := []struct {
		name  string
		doses []Dose
		want  time.Duration
	}{
		{"the largest allowed dose", []Dose{most}, 400 * time.Minute},
		{"the most reps allowed", []Dose{{Reps: 100, Sets: 20, Sides: true}}, 12000 * time.Second},
		{"100 steps of the largest dose", slices.Repeat([]Dose{most}, 100), 40000 * time.Minute},
		{"reps and sets at the largest int", []Dose{huge}, math.MaxInt64},
		{"a hold at the longest duration", []Dose{{Hold: math.MaxInt64, Sets: 2}}, math.MaxInt64},
		{"a sum past the longest duration", []Dose{{Hold: math.MaxInt64 / 2, Sets: 1}, {Hold: math.MaxInt64 / 2, Sets: 1}, most}, math.MaxInt64},
	}
	for _, c := range cases {
		r := &Routine{}
		for _, d := range c.doses {
			r.Steps = append(r.Steps, &Step{Dose: d})
		}
		if got := r.Total(); got != c.want {
			t.Errorf("%s: total %v, want %v", c.name, got, c.want)
		}
	}
}
