package pdfdoc

import (
	"bufio"
	"encoding/json"
	"math"
	"os"
	"slices"
	"testing"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
)

// goFonts are the three Go fonts by style, as the handouts use them.
func goFonts(t testing.TB) map[string]*Font {
	t.Helper()
	fonts := map[string]*Font{}
	for style, ttf := range map[string][]byte{"": goregular.TTF, "B": gobold.TTF, "I": goitalic.TTF} {
		f, err := LoadFont("Go"+style, ttf)
		if err != nil {
			t.Fatal(err)
		}
		fonts[style] = f
	}
	return fonts
}

// TestSplitTextAsBefore checks widths and line breaks against those of the PDF
// library the handouts used before this writer (testdata/split.jsonl, recorded from
// it): the same breaks keep every handout's lines, pages and text as they were.
func TestSplitTextAsBefore(t *testing.T) {
	fonts := goFonts(t)
	file, err := os.Open("testdata/split.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	d := New(210, 297)
	s := bufio.NewScanner(file)
	s.Buffer(nil, 1<<20)
	n := 0
	for s.Scan() {
		var c struct {
			Style       string
			Size, Width float64
			Text        string
			Lines       []string
			StringWidth float64 `json:"string_width"`
		}
		if err := json.Unmarshal(s.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		n++
		d.SetFont(fonts[c.Style], c.Size)
		if got := d.SplitText(c.Text, c.Width); !slices.Equal(got, c.Lines) {
			t.Errorf("%q in %q %gpt, %g mm wide:\n got %q\nwant %q", c.Text, c.Style, c.Size, c.Width, got, c.Lines)
		}
		if got := d.StringWidth(c.Text); math.Abs(got-c.StringWidth) > 1e-9 {
			t.Errorf("%q in %q %gpt: width %g mm, want %g", c.Text, c.Style, c.Size, got, c.StringWidth)
		}
	}
	if n < 100 {
		t.Fatalf("only %d cases read", n)
	}
}

func TestSplitTextRules(t *testing.T) {
	d := New(210, 297)
	d.SetFont(goFonts(t)[""], 10)
	w := d.StringWidth("aaaaa")
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"", nil},
		{"aa aa", []string{"aa aa"}},
		{"aaa aaa", []string{"aaa", "aaa"}},                // breaks at the space, which is dropped
		{"aaaaaaaaaaaa", []string{"aaaaa", "aaaaa", "aa"}}, // a long word breaks inside
		{"a\nb\n\n", []string{"a", "b"}},                   // newlines break; trailing ones are ignored
	} {
		if got := d.SplitText(tc.text, w); !slices.Equal(got, tc.want) {
			t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
		}
	}
	if got := d.SplitText("aaaa", 0.1); !slices.Equal(got, []string{"a", "a", "a", "a"}) {
		t.Errorf("too narrow for one letter: got %q, want one letter a line", got)
	}
}
