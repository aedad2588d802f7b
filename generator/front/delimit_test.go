package front

import (
	"bytes"
	"testing"

	"github.com/adrg/frontmatter"
)

// libraryDelimit splits src with github.com/adrg/frontmatter, which Split used
// before delimit: delimit must find the same front matter and body.
func libraryDelimit(src []byte) (raw, rest []byte, isTOML bool) {
	capture := func(toml bool) frontmatter.UnmarshalFunc {
		return func(data []byte, _ any) error { raw, isTOML = data, toml; return nil }
	}
	rest, err := frontmatter.Parse(bytes.NewReader(src), nil,
		frontmatter.NewFormat("---", "---", capture(false)),
		frontmatter.NewFormat("+++", "+++", capture(true)))
	if err != nil {
		panic(err)
	}
	return raw, rest, isTOML
}

func sameDelimit(t *testing.T, src []byte) {
	t.Helper()
	raw, rest, toml := delimit(src)
	wraw, wrest, wtoml := libraryDelimit(src)
	if (raw == nil) != (wraw == nil) || !bytes.Equal(raw, wraw) || !bytes.Equal(rest, wrest) || toml != wtoml {
		t.Errorf("delimit(%q) = %q, %q, %v; the library gives %q, %q, %v", src, raw, rest, toml, wraw, wrest, wtoml)
	}
	want := 1 // the line number of the first line that is not blank, counted as before
	for _, l := range bytes.SplitAfter(src, []byte("\n")) {
		if len(bytes.TrimSpace(l)) > 0 {
			break
		}
		want++
	}
	if got := firstLine(src); got != want {
		t.Errorf("firstLine(%q) = %d, want %d", src, got, want)
	}
}

func TestDelimitAsTheLibrary(t *testing.T) {
	for _, src := range []string{
		"", "\n", "\n\n", "Body", "---", "---\n", "---\n---", "---\n---\n", "---\n---\nBody",
		"---\na: 1\n---\nBody", "\n \n---\na: 1\n---\nBody", "  ---  \na: 1\n  ---\t\nBody",
		"---\r\na: 1\r\n---\r\nBody", "+++\na = 1\n+++\nBody", "+++\na = 1\n---\nBody",
		"---\na: 1\n+++\n---\n", "---\na: 1\nBody", "x\n---\na: 1\n---\n", "\u00a0---\u00a0\na: 1\n---",
		"---\na: |\n  ---x\n---\n\n---\nmore", "--- \n---\n", "----\na: 1\n----\n",
	} {
		sameDelimit(t, []byte(src))
	}
}

func FuzzDelimit(f *testing.F) {
	f.Add([]byte("---\na: 1\n---\nBody"))
	f.Add([]byte("\n+++\na = 1\n+++"))
	f.Fuzz(func(t *testing.T, src []byte) { sameDelimit(t, src) })
}
