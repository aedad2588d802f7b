package citation

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/stretchguide/stretchguide/generator/internal/casefile"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

func convert(t *testing.T, md goldmark.Markdown, src string) string {
	t.Helper()
	var b bytes.Buffer
	if err := md.Convert([]byte(src), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestCases(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(New(nil)))
	cases := casefile.Read(t, "testdata/cases.txt")
	if len(cases) < 25 {
		t.Fatalf("only %d cases", len(cases))
	}
	seen := map[string]bool{}
	for _, c := range cases {
		num, _, _ := strings.Cut(c.Name, ":")
		if seen[num] {
			t.Errorf("line %d: duplicate case number %s", c.Line, num)
		}
		seen[num] = true
		t.Run(c.Name, func(t *testing.T) {
			if got := convert(t, md, c.Input); got != c.Want {
				t.Errorf("cases.txt:%d\ninput:\n%s\ngot:\n%s\nwant:\n%s", c.Line, c.Input, got, c.Want)
			}
		})
	}
}

func parseItemsOf(src string) [][]Item {
	md := goldmark.New(goldmark.WithExtensions(New(nil)))
	doc := md.Parser().Parse(text.NewReader([]byte(src)))
	var got [][]Item
	Walk(doc, func(n *Node) { got = append(got, n.Items) })
	return got
}

func TestItems(t *testing.T) {
	it := func(key, prefix, suffix string, suppress bool, offset int) Item {
		return Item{Key: key, Prefix: prefix, Suffix: suffix, SuppressAuthor: suppress, Offset: offset}
	}
	tests := []struct {
		src  string
		want []Item // nil: no citation
	}{
		{"[@gordon2016, p. 22]", []Item{it("gordon2016", "", "p. 22", false, 1)}},
		{"x [see -@a, pp. 3-4; also @b_c]", []Item{it("a", "see", "pp. 3-4", true, 8), it("b_c", "also", "", false, 26)}},
		{"[@a.]", []Item{it("a", "", ".", false, 1)}},
		{"[@a:b.]", []Item{it("a:b", "", ".", false, 1)}},
		{"[@a-]", []Item{it("a", "", "-", false, 1)}},
		{"[@a--b]", []Item{it("a--b", "", "", false, 1)}},
		{"[@a,p.3]", []Item{it("a", "", "p.3", false, 1)}},
		{"[@a p. 3]", []Item{it("a", "", "p. 3", false, 1)}},
		{"[@a,]", []Item{it("a", "", "", false, 1)}},
		{"[@_x]", []Item{it("_x", "", "", false, 1)}},
		{"[@1999a]", []Item{it("1999a", "", "", false, 1)}},
		{"[@müller]", []Item{it("müller", "", "", false, 1)}},
		{"[@a<b>]", []Item{it("a<b", "", ">", false, 1)}},
		{"[@a @b]", []Item{it("a", "", "@b", false, 1)}},
		{"[see\t@a]", []Item{it("a", "see", "", false, 5)}},
		{"[@a, 3\\; 4]", []Item{it("a", "", "3; 4", false, 1)}},
		{"[see  also\n@a, p.\n 22]", []Item{it("a", "see also", "p. 22", false, 11)}},
		{"> [see\n> @a]", []Item{it("a", "see", "", false, 9)}},
		{"[@a;@b]", []Item{it("a", "", "", false, 1), it("b", "", "", false, 4)}},
		{"[@-a]", nil},
		{"[--@a]", nil},
		{"[x-@a]", nil},
		{"[\\@a]", nil},
		{"[@a; see]", nil},
		{"[@.a]", nil},
		{"[me@x.org]", nil},
	}
	for _, tt := range tests {
		got := parseItemsOf(tt.src)
		if tt.want == nil {
			if len(got) != 0 {
				t.Errorf("%q: got %+v, want no citation", tt.src, got)
			}
			continue
		}
		if len(got) != 1 || !equalItems(got[0], tt.want) {
			t.Errorf("%q:\n got %+v\nwant %+v", tt.src, got, tt.want)
		}
	}
}

func equalItems(a, b []Item) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestLinkStep sets Href and Label between parsing and rendering, as the site does.
func TestLinkStep(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(New(nil)))
	src := []byte("Hold [see -@gordon2016, p. 22; @x].")
	doc := md.Parser().Parse(text.NewReader(src))
	Walk(doc, func(n *Node) {
		n.Items[0].Href = "../../bibliography/#ref-gordon2016"
		n.Items[0].Label = "Gordon & Bloxham, 2016"
		n.Items[1].Href = `"><script>`
	})
	var b bytes.Buffer
	if err := md.Renderer().Render(&b, src, doc); err != nil {
		t.Fatal(err)
	}
	want := `<p>Hold <span class="citation">(see <a href="../../bibliography/#ref-gordon2016">` +
		`Gordon &amp; Bloxham, 2016, p. 22</a>; <a href="%22%3E%3Cscript%3E">x</a>)</span>.</p>` + "\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestRenderFunc(t *testing.T) {
	render := func(w util.BufWriter, n *Node) error {
		keys := make([]string, len(n.Items))
		for i, it := range n.Items {
			keys[i] = it.Key
		}
		_, err := w.WriteString("{" + strings.Join(keys, ",") + "}")
		return err
	}
	md := goldmark.New(goldmark.WithExtensions(New(render)))
	if got, want := convert(t, md, "a [@x; @y] b"), "<p>a {x,y} b</p>\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}

	boom := errors.New("boom")
	md = goldmark.New(goldmark.WithExtensions(New(func(util.BufWriter, *Node) error { return boom })))
	if err := md.Convert([]byte("[@x]"), &bytes.Buffer{}); !errors.Is(err, boom) {
		t.Errorf("got error %v, want %v", err, boom)
	}
}

func TestWalkAndKind(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(New(nil)))
	doc := md.Parser().Parse(text.NewReader([]byte("# [@a]\n\n- *[@b]*\n\n> [@c]\n")))
	var keys []string
	Walk(doc, func(n *Node) {
		if n.Kind() != KindCitation {
			t.Errorf("kind %v", n.Kind())
		}
		keys = append(keys, n.Items[0].Key)
	})
	if got := strings.Join(keys, " "); got != "a b c" {
		t.Errorf("walked %q", got)
	}
	var _ ast.Node = (*Node)(nil)
}

// Citations are still found after brackets without an '@', in the same paragraph
// and in later ones.
func TestCitationsAfterManyBrackets(t *testing.T) {
	for _, src := range []string{
		strings.Repeat("[", 5000) + "[@a] [x] [@b]",
		"[@a]\n\n[x [y\n\n[z] [@b]",
		"[x] [@a] [y]\n\n- [@b] [",
	} {
		got := parseItemsOf(src)
		if len(got) != 2 || got[0][0].Key != "a" || got[1][0].Key != "b" {
			t.Errorf("%.40q: got %+v, want citations of a and b", src, got)
		}
	}
}

// BenchmarkBrackets parses a paragraph of 200,000 '[' and no '@': each bracket
// is turned away without scanning the text after it.
func BenchmarkBrackets(b *testing.B) {
	md := goldmark.New(goldmark.WithExtensions(New(nil)))
	src := []byte(strings.Repeat("[", 200_000))
	b.ReportAllocs()
	for b.Loop() {
		md.Parser().Parse(text.NewReader(src))
	}
}
