package bib

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestLineIndex compares lineIndex with counting by hand, on text whose
// lines end in every way and whose characters are one to four bytes long,
// so that some straddle the index's checkpoints.
func TestLineIndex(t *testing.T) {
	data := []byte(strings.Repeat("aé€😀\n", 30) + strings.Repeat("x€", 100) + "\r\n\r" + strings.Repeat("😀", 70) + "\rend")
	x := newLineIndex(data)
	line, col := 1, 1
	for off := 0; off < len(data); {
		if gl, gc := x.pos(off); gl != line || gc != col {
			t.Fatalf("pos(%d) = %d:%d, want %d:%d", off, gl, gc, line, col)
		}
		r, size := utf8.DecodeRune(data[off:])
		switch {
		case r == '\r' && off+1 < len(data) && data[off+1] == '\n':
			col++ // the \n that follows ends the line
		case r == '\n' || r == '\r':
			line, col = line+1, 1
		default:
			col++
		}
		off += size
	}
	if gl, gc := x.pos(len(data)); gl != line || gc != col {
		t.Errorf("pos(end) = %d:%d, want %d:%d", gl, gc, line, col)
	}
}

func TestParseISODate(t *testing.T) {
	tests := []struct {
		in      string
		y, m, d int
		err     string
	}{
		{in: "2016", y: 2016},
		{in: "2016-02", y: 2016, m: 2},
		{in: "2016-02-09", y: 2016, m: 2, d: 9},
		{in: " 2016-02-09T10:00:00Z ", y: 2016, m: 2, d: 9},
		{in: "2016-02-09 10:00", y: 2016, m: 2, d: 9},
		{in: "2016/2017", y: 2016},
		{in: "2024-02-29", y: 2024, m: 2, d: 29},
		{in: "2023-02-29", err: "2023-02 has no day 29"},
		{in: "2016-00-01", err: "the date has a day but no month"},
		{in: "0", err: "year 0 is not a year between 1 and 9999"},
		{in: "2016-2-+9", err: `cannot read "2016-2-+9" as a date`},
		{in: "2016-01-01-01", err: `cannot read "2016-01-01-01" as a date`},
		{in: "today", err: `cannot read "today" as a date`},
		{in: "", err: `cannot read "" as a date`},
	}
	for _, tt := range tests {
		y, m, d, err := parseISODate(tt.in)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("parseISODate(%q) error = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || y != tt.y || m != tt.m || d != tt.d {
			t.Errorf("parseISODate(%q) = %d, %d, %d, %v; want %d, %d, %d", tt.in, y, m, d, err, tt.y, tt.m, tt.d)
		}
	}
}

func TestCleaners(t *testing.T) {
	tests := []struct {
		f        func(string) string
		in, want string
	}{
		{cleanText, "  a \n\t b  ", "a b"},
		{cleanText, "x\u00a0y", "x\u00a0y"},
		{cleanDOI, "https://doi.org/10.1/x", "10.1/x"},
		{cleanDOI, "DOI:10.1/x", "10.1/x"},
		{cleanDOI, "http://dx.doi.org/10.1/x", "10.1/x"},
		{cleanDOI, "10.1/x", "10.1/x"},
		{cleanPages, "227-231", "227–231"},
		{cleanPages, "227--231", "227–231"},
		{cleanPages, "e0123-e0130", "e0123-e0130"},
		{cleanPages, "22", "22"},
	}
	for _, tt := range tests {
		if got := tt.f(tt.in); got != tt.want {
			t.Errorf("got %q from %q, want %q", got, tt.in, tt.want)
		}
	}
}

func TestMonthNumber(t *testing.T) {
	for in, want := range map[string]int{"2": 2, "02": 2, "feb": 2, "Feb.": 2, "February": 2, "sept": 9, "13": 0, "ju": 0, "x": 0, "": 0} {
		if got := monthNumber(in); got != want {
			t.Errorf("monthNumber(%q) = %d, want %d", in, got, want)
		}
	}
}
