package front

import (
	"bytes"
	"testing"

	"github.com/adrg/frontmatter"
)

// firstLineBySplitting is firstLine as it was first written, for comparison.
func firstLineBySplitting(src []byte) int {
	line := 1
	for _, l := range bytes.SplitAfter(src, []byte("\n")) {
		if len(bytes.TrimSpace(l)) > 0 {
			return line
		}
		line++
	}
	return line
}

// FuzzDelimited holds Split's own scan for the front matter to the answers of
// github.com/adrg/frontmatter, which Split called before: the same front matter, the
// same format and the same start of the body, whatever the file.
func FuzzDelimited(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: A\n---\nBody\n", "+++\ntitle = 'A'\n+++\n", "\n \n---\nx: 1\n---", "---\n---\n",
		"---", "---\n", "---\nx: 1\n", "  ---  \r\nx: 1\r\n --- \r\nrest", "text\n---\nx\n---\n",
		"---\nx\n+++\n---\n", "+++\n---\n+++", "", "\n\n", "\u00a0---\u00a0\nx\n---\n", "---\n\n---\n\n---\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		raw, isTOML, bodyStart := delimited(src)
		var wantRaw []byte
		var wantTOML bool
		capture := func(toml bool) frontmatter.UnmarshalFunc {
			return func(data []byte, _ any) error { wantRaw, wantTOML = data, toml; return nil }
		}
		rest, err := frontmatter.Parse(bytes.NewReader(src), nil,
			frontmatter.NewFormat("---", "---", capture(false)), frontmatter.NewFormat("+++", "+++", capture(true)))
		if err != nil {
			t.Fatalf("frontmatter.Parse: %v", err)
		}
		if (raw == nil) != (wantRaw == nil) || !bytes.Equal(raw, wantRaw) || isTOML != wantTOML {
			t.Fatalf("%q: front matter %q (toml %t), want %q (toml %t)", src, raw, isTOML, wantRaw, wantTOML)
		}
		if want := len(src) - len(rest); bodyStart != want {
			t.Fatalf("%q: body starts at %d, want %d", src, bodyStart, want)
		}
		if got, want := firstLine(src), firstLineBySplitting(src); got != want {
			t.Fatalf("%q: first line %d, want %d", src, got, want)
		}
	})
}
