package guide

import "time"

// Date is a calendar day, such as the day a page was last reviewed. The zero Date
// means "not given".
type Date struct{ time.Time }

// IsZero reports whether no date was given.
func (d Date) IsZero() bool { return d.Time.IsZero() }

// ISO writes the date as 2026-11-25, the form machines read.
func (d Date) ISO() string {
	if d.IsZero() {
		return ""
	}
	return d.Format("2006-01-02")
}

// Human writes the date as 25 November 2026, the form people read.
func (d Date) Human() string {
	if d.IsZero() {
		return ""
	}
	return d.Format("2 January 2006")
}
