// Package diag holds the problems a build finds in content: each names a file, a line
// and a column, says what is wrong in plain words, and where it can, how to fix it.
package diag

import (
	"fmt"
	"sort"
	"strings"
)

// Severity says whether a problem stops the build.
type Severity int

const (
	// Error stops the build: nothing is written.
	Error Severity = iota
	// Warning is reported but the site is still built.
	Warning
	// Info is a fact about the content worth showing, such as a page's reading grade;
	// it is never a problem.
	Info
)

func (s Severity) String() string {
	switch s {
	case Warning:
		return "warning"
	case Info:
		return "info"
	}
	return "error"
}

// MarshalText writes the severity as "error", "warning" or "info".
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads what MarshalText writes.
func (s *Severity) UnmarshalText(b []byte) error {
	for _, v := range []Severity{Error, Warning, Info} {
		if string(b) == v.String() {
			*s = v
			return nil
		}
	}
	return fmt.Errorf("unknown severity %q", b)
}

// Diagnostic is one problem at one place in one file. Line and Col count from 1;
// 0 means the whole file or the whole line.
type Diagnostic struct {
	Path     string   `json:"path"`
	Line     int      `json:"line"`
	Col      int      `json:"col"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	Hint     string   `json:"hint,omitempty"`
}

// String formats the diagnostic as "path:line:col: severity: message", the form
// editors and terminals recognise, followed by the hint on an indented line.
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(d.Path)
	if d.Line > 0 {
		fmt.Fprintf(&b, ":%d", d.Line)
		if d.Col > 0 {
			fmt.Fprintf(&b, ":%d", d.Col)
		}
	}
	fmt.Fprintf(&b, ": %s: %s", d.Severity, d.Message)
	if d.Hint != "" {
		b.WriteString("\n    fix: ")
		b.WriteString(d.Hint)
	}
	return b.String()
}

// List collects diagnostics from every step of a build, so that all problems are
// reported together rather than one per run.
type List []Diagnostic

// Add appends a diagnostic.
func (l *List) Add(d Diagnostic) { *l = append(*l, d) }

// Errorf appends an error at path:line:col with a hint (which may be empty).
func (l *List) Errorf(path string, line, col int, hint, format string, args ...any) {
	l.Add(Diagnostic{Path: path, Line: line, Col: col, Severity: Error, Message: fmt.Sprintf(format, args...), Hint: hint})
}

// Warnf appends a warning at path:line:col with a hint (which may be empty).
func (l *List) Warnf(path string, line, col int, hint, format string, args ...any) {
	l.Add(Diagnostic{Path: path, Line: line, Col: col, Severity: Warning, Message: fmt.Sprintf(format, args...), Hint: hint})
}

// Append adds every diagnostic of other.
func (l *List) Append(other List) { *l = append(*l, other...) }

// Errors reports how many diagnostics are errors.
func (l List) Errors() int {
	n := 0
	for _, d := range l {
		if d.Severity == Error {
			n++
		}
	}
	return n
}

// Warnings reports how many diagnostics are warnings.
func (l List) Warnings() int {
	n := 0
	for _, d := range l {
		if d.Severity == Warning {
			n++
		}
	}
	return n
}

// Infof appends an info line at path:line:col.
func (l *List) Infof(path string, line, col int, format string, args ...any) {
	l.Add(Diagnostic{Path: path, Line: line, Col: col, Severity: Info, Message: fmt.Sprintf(format, args...)})
}

// Sort orders diagnostics by path, line and column, so output is stable however the
// build was scheduled.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Message < b.Message
	})
}

// Err returns the list as an error when it holds at least one error, and nil otherwise.
func (l List) Err() error {
	if l.Errors() == 0 {
		return nil
	}
	return &BuildError{List: l}
}

// BuildError is the error a build returns when content has errors. Its List holds
// warnings too, so callers can print everything at once.
type BuildError struct{ List List }

func (e *BuildError) Error() string {
	n := e.List.Errors()
	if n == 1 {
		return "1 problem in the content stops the build"
	}
	return fmt.Sprintf("%d problems in the content stop the build", n)
}
