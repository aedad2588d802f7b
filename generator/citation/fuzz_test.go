package citation

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/text"
)

// FuzzCitation converts arbitrary Markdown with the extension. Seeds live in
// testdata/fuzz/FuzzCitation.
func FuzzCitation(f *testing.F) {
	with := goldmark.New(goldmark.WithExtensions(New(nil)))
	without := goldmark.New()
	f.Fuzz(func(t *testing.T, src string) {
		source := []byte(src)
		doc := with.Parser().Parse(text.NewReader(source))
		Walk(doc, func(n *Node) {
			if len(n.Items) == 0 {
				t.Fatalf("citation without items in %q", src)
			}
			for _, it := range n.Items {
				end := it.Offset + 1 + len(it.Key)
				switch {
				case it.Key == "":
					t.Fatalf("empty key in %q", src)
				case it.Offset < 0 || end > len(source) || source[it.Offset] != '@':
					t.Fatalf("offset %d of %q does not point at '@' in %q", it.Offset, it.Key, src)
				case string(source[it.Offset+1:end]) != it.Key:
					t.Fatalf("key %q is not the source %q", it.Key, source[it.Offset+1:end])
				case it.SuppressAuthor && (it.Offset == 0 || source[it.Offset-1] != '-'):
					t.Fatalf("suppressed key %q not after '-' in %q", it.Key, src)
				}
			}
		})
		var out bytes.Buffer
		if err := with.Renderer().Render(&out, source, doc); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(strings.ToLower(out.String()), "<script") {
			t.Fatalf("output of %q contains <script:\n%s", src, out.String())
		}
		// Without an '@' the parser must always step aside.
		if !strings.Contains(src, "@") {
			var plain bytes.Buffer
			if err := without.Convert(source, &plain); err != nil {
				t.Fatal(err)
			}
			if plain.String() != out.String() {
				t.Fatalf("%q: extension changed output without '@':\n%s\nvs\n%s", src, out.String(), plain.String())
			}
		}
	})
}
