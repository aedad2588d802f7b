package i18n

import (
	"strconv"
	"strings"
	"time"
)

// GoKeys are the keys the program itself says things with (durations, doses, dates);
// every catalog must hold them.
var GoKeys = []string{
	"duration.seconds", "duration.minutes", "duration.minutes_seconds",
	"dose.reps", "dose.hold", "dose.sets", "dose.sides", "dose.join",
	"date.format", "date.months",
}

// Words says a duration in plain words: "45 seconds", "2 minutes 30 seconds".
func (c *Catalog) Words(d time.Duration) string {
	s := int(d.Round(time.Second) / time.Second)
	m, s := s/60, s%60
	switch {
	case m == 0:
		return c.S("duration.seconds", s)
	case s == 0:
		return c.S("duration.minutes", m)
	}
	return c.S("duration.minutes_seconds", c.S("duration.minutes", m), c.S("duration.seconds", s))
}

// Dose says a dose in words: "Hold 30 seconds, 2 times, each side". A dose is a
// hold or a number of reps; a second set and more are said, and so are sides.
func (c *Catalog) Dose(hold time.Duration, reps, sets int, sides bool) string {
	var parts []string
	if reps > 0 {
		parts = append(parts, c.S("dose.reps", reps))
	} else {
		parts = append(parts, c.S("dose.hold", c.Words(hold)))
	}
	if sets > 1 {
		parts = append(parts, c.S("dose.sets", sets))
	}
	if sides {
		parts = append(parts, c.S("dose.sides"))
	}
	return strings.Join(parts, c.S("dose.join"))
}

// Date writes a calendar day as people of the language read it: date.format with
// {day}, {month} and {year}, the month's name from date.months (twelve names,
// separated by spaces). The zero time is "".
func (c *Catalog) Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	months := strings.Fields(c.S("date.months"))
	month := t.Month().String()
	if len(months) == 12 {
		month = months[t.Month()-1]
	}
	return strings.NewReplacer("{day}", strconv.Itoa(t.Day()), "{month}", month,
		"{year}", strconv.Itoa(t.Year())).Replace(c.S("date.format"))
}
