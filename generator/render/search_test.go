package render

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchguide/stretchguide/generator/memo"
)

// The shipped guide's index must stay small: it is downloaded on the first search.

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
