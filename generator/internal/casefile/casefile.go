// Package casefile reads the numbered Markdown cases that tests of goldmark
// extensions keep in plain text files: a "N: description" line, a separator line,
// the input, a separator line, what the input gives, and an end line.
package casefile

import (
	"bufio"
	"bytes"
	"os"
	"strings"
	"testing"
)

// The marker lines of a case file.
const (
	Sep = "//- - - - - - - - -//"
	End = "//= = = = = = = = = = = = = = = = = = = = = = = =//"
)

// Case is one case of a file.
type Case struct {
	Name, Input, Want string
	Line              int // of the case's name, for messages
}

// Read reads the cases of the file at path; lines between cases are ignored.
func Read(t testing.TB, path string) []Case {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var cases []Case
	var cur Case
	part := 0 // 0 between cases, 1 name read, 2 input, 3 expected
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case part == 0 && strings.TrimSpace(line) == "":
		case part == 0:
			cur, part = Case{Name: line, Line: n}, 1
		case line == Sep && (part == 1 || part == 2):
			part++
		case line == End && part == 3:
			cases, part = append(cases, cur), 0
		case part == 2:
			cur.Input += line + "\n"
		case part == 3:
			cur.Want += line + "\n"
		default:
			t.Fatalf("%s:%d: unexpected line %q", path, n, line)
		}
	}
	if part != 0 {
		t.Fatalf("%s: the case at line %d is not closed by %s", path, cur.Line, End)
	}
	return cases
}
