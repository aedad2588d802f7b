package render

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"

	"github.com/stretchguide/stretchguide/generator/memo"
)

func TestSearchWords(t *testing.T) {
	for _, c := range []struct{ known, text, want string }{
		{"Bridge", "The bridge lifts your hips. Hips up!", "lifts hips"},
		{"", "Child’s pose, child's pose", "childs pose"},
		{"", "Über-stretch ÖL 12 ab", "über stretch"},
		{"", "", ""},
	} {
		if got := searchWords(c.known, c.text); got != c.want {
			t.Errorf("searchWords(%q, %q) = %q, want %q", c.known, c.text, got, c.want)
		}
	}
}

// The shipped guide's index must stay small: it is downloaded on the first search.

// TestTokens: words are runs of letters and digits, lowercase, apostrophes dropped;
// anything else, bytes that are not UTF-8 too, ends a word.
func TestTokens(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"", []string{}},
		{"  ", []string{}},
		{"Hold 30s", []string{"hold", "30s"}},
		{"ǅemal’s back-pain\xffnow", []string{"ǆemals", "back", "pain", "now"}},
		{"end", []string{"end"}},
	} {
		if got := tokens(c.in); !slices.Equal(got, c.want) || got == nil {
			t.Errorf("tokens(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestSearchEntriesEncodeAsJSONDoes: the index joined from each entry's kept JSON is
// byte for byte what encoding/json writes for the whole list, from the memo too.
func TestSearchEntriesEncodeAsJSONDoes(t *testing.T) {
	es := []SearchEntry{
		{Title: "Child's pose", URL: "stretches/childs-pose/", Kind: "Stretch", Summary: "Knees <wide> & \"hips\" back", Words: "kneel rest", Also: "balasana"},
		{Title: "Señal", URL: "red-flags/#cauda-equina", Kind: "Sign"},
		{Title: "Line\nbreak\u2028", URL: "pages/about/", Kind: "Page", Summary: "tab\there"},
	}
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(es); err != nil {
		t.Fatal(err)
	}
	r := &run{m: memo.New()}
	for _, pass := range []string{"made", "from the memo"} {
		if got := r.encodeEntries(es); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%s:\n got %s\nwant %s", pass, got, want.Bytes())
		}
	}
	if got := r.encodeEntries(nil); string(got) != "[]\n" {
		t.Errorf("no entries: %q", got)
	}
}
