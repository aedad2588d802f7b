package front

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// At is where a value stands in its file. Line and Col are 0 for a value that was
// not written.
type At struct{ Line, Col int }

// Set reports whether the value was written in the file.
func (a At) Set() bool { return a.Line > 0 }

func at(n *yaml.Node) At { return At{n.Line, n.Column} }

// Str is a text value and where it was written.
type Str struct {
	At
	V string
}

// UnmarshalYAML accepts any scalar: numbers and dates are taken as the text written.
func (s *Str) UnmarshalYAML(n *yaml.Node) error {
	s.At = at(n)
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("should be plain text, not %s", kindWords(n))
	}
	s.V = strings.TrimSpace(n.Value)
	if n.Tag == "!!timestamp" {
		if t, err := time.Parse(time.RFC3339, n.Value); err == nil && t.Hour() == 0 && t.Minute() == 0 {
			s.V = t.Format("2006-01-02")
		}
	}
	return nil
}

// Int is a whole number and where it was written.
type Int struct {
	At
	V   int
	bad bool // written, but not as a whole number (already reported)
}

// Valid reports whether a whole number was written, so that checks of its range
// add nothing to the error about a value that is not a number at all.
func (i Int) Valid() bool { return i.Set() && !i.bad }

// UnmarshalYAML accepts a whole number. One too large for an int is kept as the
// largest int, for the field's range (its min and max tags) to refuse.
func (i *Int) UnmarshalYAML(n *yaml.Node) error {
	i.At = at(n)
	v, err := strconv.Atoi(strings.TrimSpace(n.Value))
	if errors.Is(err, strconv.ErrRange) {
		err = nil
	}
	if n.Kind != yaml.ScalarNode || err != nil {
		i.bad = true
		return fmt.Errorf("should be a whole number such as 10, not %s", valueWords(n))
	}
	i.V = v
	return nil
}

// Duration is a length of time such as 30s, 1m or 1m30s, and where it was written.
type Duration struct {
	At
	V time.Duration
}

var durationRE = regexp.MustCompile(`^(?:(\d+)\s*(?:m|min|mins|minutes?))?\s*(?:(\d+)\s*(?:s|sec|secs|seconds?))?$`)

// maxMinutes bounds the minutes and seconds ParseDuration adds up, so that they
// cannot overflow; anything longer is read as the longest duration.
const maxMinutes = 1_000_000

// ParseDuration reads "30s", "45 seconds", "1m", "1 min 30 s" and similar.
func ParseDuration(s string) (time.Duration, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	m := durationRE.FindStringSubmatch(s)
	if s == "" || m == nil || (m[1] == "" && m[2] == "") {
		return 0, false
	}
	min, _ := strconv.Atoi(m[1])
	sec, _ := strconv.Atoi(m[2])
	if min > maxMinutes || sec > maxMinutes*60 {
		return math.MaxInt64, true // too long for any use, and never a wrapped-around number
	}
	d := time.Duration(min)*time.Minute + time.Duration(sec)*time.Second
	return d, d > 0
}

// UnmarshalYAML accepts a duration in the forms ParseDuration reads.
func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	d.At = at(n)
	v, ok := ParseDuration(n.Value)
	if n.Kind != yaml.ScalarNode || !ok {
		return &Problem{Msg: fmt.Sprintf("%s is not a length of time", valueWords(n)), Hint: "write it like 30s, 45s or 1m"}
	}
	d.V = v
	return nil
}

// Date is a calendar day and where it was written.
type Date struct {
	At
	V time.Time
}

// UnmarshalYAML accepts 2026-11-25, written bare or quoted, or a TOML date.
func (d *Date) UnmarshalYAML(n *yaml.Node) error {
	d.At = at(n)
	v := strings.TrimSpace(n.Value)
	if len(v) > 10 && n.Tag == "!!timestamp" {
		v = v[:10]
	}
	t, err := time.Parse("2006-01-02", v)
	if n.Kind != yaml.ScalarNode || err != nil {
		return &Problem{Msg: fmt.Sprintf("%s is not a date", valueWords(n)), Hint: "write the date as year-month-day, like 2026-11-25"}
	}
	d.V = t
	return nil
}

// Problem is a decoding error with a suggested fix.
type Problem struct{ Msg, Hint string }

func (p *Problem) Error() string { return p.Msg }

func kindWords(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a group of fields"
	}
	return "a single value"
}

func valueWords(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode {
		return strconv.Quote(n.Value)
	}
	return kindWords(n)
}
