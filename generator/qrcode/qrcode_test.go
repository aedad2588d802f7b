package qrcode

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"regexp"
	"strconv"
	"testing"
)

// TestFinderPatterns checks the three 7x7 squares in the corners that let a phone
// find the code: a dark ring, a light ring, a dark 3x3 centre, and a light border.
func TestFinderPatterns(t *testing.T) {
	c, err := Encode("https://example.org/guide/routines/bedtime/")
	if err != nil {
		t.Fatal(err)
	}
	if c.Size() < 21 || (c.Size()-17)%4 != 0 {
		t.Fatalf("size %d is not a QR version size", c.Size())
	}
	n := c.Size()
	for _, corner := range [][2]int{{0, 0}, {n - 7, 0}, {0, n - 7}} {
		for y := -1; y <= 7; y++ {
			for x := -1; x <= 7; x++ {
				cx, cy := corner[0]+x, corner[1]+y
				if cx < 0 || cy < 0 || cx >= n || cy >= n {
					continue
				}
				ring := max(abs(x-3), abs(y-3)) // 0 at the centre, 3 on the outer ring, 4 outside
				want := ring != 2 && ring != 4
				if c.Dark(cx, cy) != want {
					t.Fatalf("finder at %v: module (%d,%d) dark=%v, want %v", corner, cx, cy, !want, want)
				}
			}
		}
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// TestSVGDrawsEveryModule reads the SVG back and compares it with the modules.
func TestSVGDrawsEveryModule(t *testing.T) {
	c, err := Encode("https://example.org/a/")
	if err != nil {
		t.Fatal(err)
	}
	svg := c.SVG()
	if err := xml.Unmarshal(svg, new(struct{})); err != nil {
		t.Fatalf("the SVG is not well-formed: %v", err)
	}
	side := c.Size() + 2*Quiet
	if !bytes.Contains(svg, fmt.Appendf(nil, `viewBox="0 0 %d %d"`, side, side)) {
		t.Errorf("viewBox does not include the quiet border:\n%s", svg)
	}
	grid := make([][]bool, side)
	for i := range grid {
		grid[i] = make([]bool, side)
	}
	for _, m := range regexp.MustCompile(`M(\d+) (\d+)h(\d+)v1h-(\d+)z`).FindAllSubmatch(svg, -1) {
		x, _ := strconv.Atoi(string(m[1]))
		y, _ := strconv.Atoi(string(m[2]))
		w, _ := strconv.Atoi(string(m[3]))
		for i := range w {
			grid[y][x+i] = true
		}
	}
	for y := range side {
		for x := range side {
			if want := c.Dark(x-Quiet, y-Quiet); grid[y][x] != want {
				t.Fatalf("module (%d,%d): drawn %v, want %v", x-Quiet, y-Quiet, grid[y][x], want)
			}
		}
	}
}

func TestEncodeIsDeterministic(t *testing.T) {
	a, _ := Encode("https://example.org/x/")
	b, _ := Encode("https://example.org/x/")
	if !bytes.Equal(a.SVG(), b.SVG()) {
		t.Error("two encodings of the same text differ")
	}
}
