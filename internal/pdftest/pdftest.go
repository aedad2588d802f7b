// Package pdftest reads PDF files in tests through poppler's command-line tools
// (pdftotext, pdfinfo), the way a person's viewer or a screen reader would get at
// the text. Without poppler-utils the tests that need it are skipped with a visible
// message, unless STRETCHGUIDE_REQUIRE_BROWSER=1 (set by .ci/run) makes that a failure.
package pdftest

import (
	"bytes"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchguide/stretchguide/internal/browsertest"
)

// Require skips the test when pdftotext is missing, or fails it when tools are
// required.
func Require(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err == nil {
		return
	}
	if os.Getenv(browsertest.RequireEnv) == "1" {
		t.Fatalf("pdftotext is required (%s=1) but was not found; install Debian's poppler-utils package", browsertest.RequireEnv)
	}
	t.Skip("SKIPPED: this test needs pdftotext (apt-get install poppler-utils); set " + browsertest.RequireEnv + "=1 to make this a failure")
}

// Doc is what pdftotext reads from a PDF.
type Doc struct {
	Pages []Page
}

// Page is one page: its size, its text in reading order, and its words with their
// boxes, in points from the top left corner.
type Page struct {
	Width, Height float64
	// Text is what pdftotext reads from the page, in reading order, with every run
	// of white space made one space, so a name that wraps onto two lines still reads
	// as one phrase.
	Text  string
	Words []Word
}

// Word is a word and the box it is drawn in.
type Word struct {
	Text                   string
	XMin, YMin, XMax, YMax float64
}

// Text is the text of every page, one after the other.
func (d Doc) Text() string {
	texts := make([]string, len(d.Pages))
	for i, p := range d.Pages {
		texts[i] = p.Text
	}
	return strings.Join(texts, " ")
}

// write puts pdf in a temporary file for the tools to read.
func write(t testing.TB, pdf []byte) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

var (
	pageRE = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	wordRE = regexp.MustCompile(`<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)</word>`)
)

// Read runs pdftotext on pdf and returns its pages, with their text and words.
func Read(t testing.TB, pdf []byte) Doc {
	t.Helper()
	Require(t)
	file := write(t, pdf)
	boxes, err := exec.Command("pdftotext", "-bbox", "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext cannot read the PDF: %v", err)
	}
	d, err := parseBBox(boxes)
	if err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command("pdftotext", "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext cannot read the PDF: %v", err)
	}
	// pdftotext ends each page with a form feed.
	for i, p := range strings.Split(string(text), "\f") {
		if i < len(d.Pages) {
			d.Pages[i].Text = strings.Join(strings.Fields(p), " ")
		}
	}
	return d
}

func parseBBox(out []byte) (Doc, error) {
	var d Doc
	for _, chunk := range bytes.Split(out, []byte("</page>")) {
		m := pageRE.FindSubmatch(chunk)
		if m == nil {
			continue
		}
		p := Page{Width: num(m[1]), Height: num(m[2])}
		for _, w := range wordRE.FindAllSubmatch(chunk, -1) {
			p.Words = append(p.Words, Word{html.UnescapeString(string(w[5])), num(w[1]), num(w[2]), num(w[3]), num(w[4])})
		}
		d.Pages = append(d.Pages, p)
	}
	if len(d.Pages) == 0 {
		return d, fmt.Errorf("pdftotext found no pages")
	}
	return d, nil
}

func num(b []byte) float64 {
	f, _ := strconv.ParseFloat(string(b), 64)
	return f
}

// Outside lists the words that come closer than margin points to an edge of their
// page, or run off it: text that did not fit and was cut or overflowed.
func (d Doc) Outside(margin float64) []string {
	var bad []string
	for i, p := range d.Pages {
		for _, w := range p.Words {
			if w.XMin < margin || w.YMin < margin || w.XMax > p.Width-margin || w.YMax > p.Height-margin {
				bad = append(bad, fmt.Sprintf("page %d: %q at x %.0f-%.0f, y %.0f-%.0f of %.0f x %.0f",
					i+1, w.Text, w.XMin, w.XMax, w.YMin, w.YMax, p.Width, p.Height))
			}
		}
	}
	return bad
}

// Info runs pdfinfo and returns its fields (Title, Pages, Page size, ...).
func Info(t testing.TB, pdf []byte) map[string]string {
	t.Helper()
	Require(t)
	out, err := exec.Command("pdfinfo", write(t, pdf)).Output()
	if err != nil {
		t.Fatalf("pdfinfo cannot read the PDF: %v", err)
	}
	info := map[string]string{}
	for _, l := range strings.Split(string(out), "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok {
			info[k] = strings.TrimSpace(v)
		}
	}
	return info
}

// QRCodes renders every page of pdf and returns the text of each QR code on it, as a
// phone would read it. It needs pdftoppm and zbarimg (Debian's zbar-tools); without
// zbarimg the test is skipped, unless tools are required.
func QRCodes(t testing.TB, pdf []byte) []string {
	t.Helper()
	Require(t)
	if _, err := exec.LookPath("zbarimg"); err != nil {
		if os.Getenv(browsertest.RequireEnv) == "1" {
			t.Fatalf("zbarimg is required (%s=1) but was not found; install Debian's zbar-tools package", browsertest.RequireEnv)
		}
		t.Skip("SKIPPED: reading QR codes needs zbarimg (apt-get install zbar-tools)")
	}
	file := write(t, pdf)
	prefix := filepath.Join(filepath.Dir(file), "page")
	if out, err := exec.Command("pdftoppm", "-r", "120", "-gray", "-png", file, prefix).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	pngs, _ := filepath.Glob(prefix + "*.png")
	// One zbarimg for all pages: each start costs about a second. It exits with 4
	// when no image holds a code, which is not an error here.
	out, _ := exec.Command("zbarimg", append([]string{"-q", "--raw"}, pngs...)...).Output()
	var codes []string
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if l != "" {
			codes = append(codes, l)
		}
	}
	return codes
}
