package render

import (
	"time"

	"github.com/stretchguide/stretchguide/generator/guide"
)

// Plan is what the follow-along of this page plays: a routine's steps, or on a
// stretch's page the stretch alone as one step with its own dose.
func (v view) Plan() []*guide.Step {
	switch {
	case v.Routine != nil:
		return v.Routine.Steps
	case v.Stretch != nil:
		return []*guide.Step{{Number: 1, Stretch: v.Stretch, Dose: v.Stretch.Dose}}
	}
	return nil
}

// PlanTotal is the stretching time of Plan, without the rests.
func (v view) PlanTotal() time.Duration {
	var d time.Duration
	for _, s := range v.Plan() {
		d += s.Dose.Active()
	}
	return d
}

func init() {
	// seq n gives 0 to n-1, for the 0 to 10 pain scale of the follow-along.
	patientFuncs["seq"] = func(n int) []int {
		s := make([]int, n)
		for i := range s {
			s[i] = i
		}
		return s
	}
}
