package pdf

import (
	"bytes"
	"flag"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchguide/stretchguide/generator/pdfdoc"
)

var sheet = flag.String("svgsheet", "", "write a PDF with every shipped illustration to this file, to compare by eye")

// shipped lists the illustrations of the bundled guide.
func shipped(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("../../content/stretches/*.svg")
	if err != nil || len(files) == 0 {
		t.Fatalf("no shipped illustrations found: %v", err)
	}
	return files
}

// newPage is a one-page document without compression, so tests can read the
// drawing operators.
func newPage() *pdfdoc.Doc {
	f := pdfdoc.New(pageW, pageH)
	f.SetCompression(false)
	f.AddPage()
	return f
}

// content returns the uncompressed page content of f.
func content(t *testing.T, f *pdfdoc.Doc) string {
	t.Helper()
	var b bytes.Buffer
	if err := f.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestEveryShippedIllustrationDraws draws each SVG of content/stretches and checks
// that every shape in it reached the page: one painting operator per drawn element,
// and every coordinate inside the box it was given.
func TestEveryShippedIllustrationDraws(t *testing.T) {
	all := pdfdoc.New(pageW, pageH)
	all.AddPage()
	for i, file := range shipped(t) {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.Base(file), func(t *testing.T) {
			f := newPage()
			const x, y, w, h = 20.0, 30.0, 60.0, 40.0
			if err := drawSVG(f, src, x, y, w, h); err != nil {
				t.Fatal(err)
			}
			out := content(t, f)
			want := countShapes(src)
			if got := paintOps(out); got < want {
				t.Errorf("%d shapes painted, want at least %d (one per element)", got, want)
			}
			checkInside(t, out, x, y, w, h)
		})
		_ = drawSVG(all, src, 15+float64(i%3)*62, 15+float64(i/3)*45, 60, 40)
	}
	if *sheet != "" {
		var b bytes.Buffer
		if err := all.Output(&b); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(*sheet, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

var shapeTags = regexp.MustCompile(`<(line|polyline|polygon|rect|circle|ellipse|path)\b`)

func countShapes(src []byte) int { return len(shapeTags.FindAll(src, -1)) }

// paintOps counts the path-painting operators (S, f, B and their variants) on lines
// of their own, as the drawer writes them.
func paintOps(out string) int {
	n := 0
	for _, l := range strings.Split(out, "\n") {
		switch strings.TrimSpace(l) {
		case "S", "f", "f*", "B", "B*":
			n++
		}
	}
	return n
}

var coordOps = regexp.MustCompile(`(?m)^([-\d. ]+) (m|l|c)$`)

// checkInside checks that every point of the drawing's paths lies in the box
// (given in mm from the top left; PDF points from the bottom left), allowing for
// control points that curves place just outside it.
func checkInside(t *testing.T, out string, x, y, w, h float64) {
	t.Helper()
	const k = 72 / 25.4
	pageH := 297 * k
	minX, maxX := x*k, (x+w)*k
	minY, maxY := pageH-(y+h)*k, pageH-y*k
	const slack = 5.0 // points
	n := 0
	for _, m := range coordOps.FindAllStringSubmatch(out, -1) {
		f := strings.Fields(m[1])
		for i := 0; i+1 < len(f); i += 2 {
			px, _ := strconv.ParseFloat(f[i], 64)
			py, _ := strconv.ParseFloat(f[i+1], 64)
			n++
			if px < minX-slack || px > maxX+slack || py < minY-slack || py > maxY+slack {
				t.Errorf("point (%.1f, %.1f) lies outside the box [%.1f..%.1f] x [%.1f..%.1f]", px, py, minX, maxX, minY, maxY)
				return
			}
		}
	}
	if n == 0 {
		t.Error("the drawing has no points")
	}
}

func TestArcEndsWhereSVGSays(t *testing.T) {
	for _, tc := range []struct {
		d          string
		endX, endY float64
	}{
		{"M10 80 A 45 45 0 0 0 125 125", 125, 125},
		{"M10 80 a 45 45 0 1 1 115 45", 125, 125},
		{"M0 0 A 1 1 0 0 1 100 0", 100, 0}, // radii too small: scaled up to a half circle
		{"M0 0 A 20 10 30 1 0 40 40", 40, 40},
	} {
		p := parsePath(tc.d)
		last := p[len(p)-1]
		if last.op != 'C' {
			t.Errorf("%s: last segment %q, want a curve", tc.d, last.op)
			continue
		}
		if ex, ey := last.pts[2][0], last.pts[2][1]; math.Abs(ex-tc.endX) > 1e-9 || math.Abs(ey-tc.endY) > 1e-9 {
			t.Errorf("%s: ends at (%g, %g), want (%g, %g)", tc.d, ex, ey, tc.endX, tc.endY)
		}
	}
	// A half circle from (0,0) to (100,0) with sweep 1 bulges to negative y (up in SVG).
	p := parsePath("M0 0 A 50 50 0 0 1 100 0")
	mid := p[1].pts[2] // end of the first quarter
	if math.Abs(mid[0]-50) > 1e-6 || math.Abs(mid[1]+50) > 1e-6 {
		t.Errorf("first quarter ends at %v, want (50, -50)", mid)
	}
}

func TestPathCommands(t *testing.T) {
	for _, tc := range []struct {
		d    string
		want string // ops and end points
	}{
		{"M10 20 L30 40", "M10,20 L30,40"},
		{"m10 20 l5 5 h10 v-5 z", "M10,20 L15,25 L25,25 L25,20 Z"},
		{"M0 0 10 10 20 0", "M0,0 L10,10 L20,0"}, // implicit lineto after moveto
		{"M0 0 Q10 10 20 0 T40 0", "M0,0 C20,0 C40,0"},
		{"M0 0 C0 10 10 10 10 0 S20 -10 20 0", "M0,0 C10,0 C20,0"},
		{"M0,0L1e1,0", "M0,0 L10,0"},
		{"M0-1.5.5.5", "M0,-1.5 L0.5,0.5"}, // numbers need no separator
		{"M0 0 L10", "M0,0"},               // stops at the error, keeps what came before
		{"M0 0 Z 5 5", "M0,0 Z"},           // numbers after Z repeat nothing
		{"X10 10", ""},
	} {
		var got []string
		for _, s := range parsePath(tc.d) {
			if s.op == 'Z' {
				got = append(got, "Z")
				continue
			}
			end := s.pts[0]
			if s.op == 'C' {
				end = s.pts[2]
			}
			got = append(got, string(s.op)+strconv.FormatFloat(end[0], 'g', -1, 64)+","+strconv.FormatFloat(end[1], 'g', -1, 64))
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("%q: got %q, want %q", tc.d, g, tc.want)
		}
	}
}
