package render

import (
	"testing"
	"testing/fstest"

	"github.com/stretchguide/stretchguide/generator/guide"
)

// TestCardsSharedByDepth: a stretch's card is rendered once for every page whose
// links start alike, and again for a page at another depth, whose links differ.
func TestCardsSharedByDepth(t *testing.T) {
	fsys := fstest.MapFS{
		"base.html": {Data: []byte(`{{define "base"}}{{template "main" .}}{{end}}`)},
		"partials.html": {Data: []byte(`{{define "stretch-card"}}<li>{{.View.Page.Title}} ` +
			`<a href="{{.View.Link .Stretch.URL}}">{{.Stretch.Title}}</a></li>{{end}}` +
			`{{define "reference"}}{{.Title}}{{end}}`)},
		"style.css": {Data: []byte("body{}")},
	}
	for _, file := range pageKinds {
		fsys[file] = &fstest.MapFile{Data: []byte(`{{define "main"}}{{end}}`)}
	}
	ls, err := ParseLayouts(fsys)
	if err != nil {
		t.Fatal(err)
	}
	s := &guide.Stretch{Page: guide.Page{Title: "Cat stretch", URL: "stretches/cat/"}}
	frags := &fragments{partials: ls.base}
	card := func(title, url string) string {
		t.Helper()
		h, err := view{Page: &guide.Page{Title: title, URL: url}, frags: frags}.Card(s)
		if err != nil {
			t.Fatal(err)
		}
		return string(h)
	}
	first := card("Hips", "areas/hips/")
	if want := `<li>Hips <a href="../../stretches/cat/">Cat stretch</a></li>`; first != want {
		t.Fatalf("card:\n got %s\nwant %s", first, want)
	}
	if again := card("Knees", "areas/knees/"); again != first {
		t.Errorf("a page at the same depth rendered the card again: %s", again)
	}
	if top := card("Home", ""); top != `<li>Home <a href="stretches/cat/">Cat stretch</a></li>` {
		t.Errorf("the home page got the card of another depth: %s", top)
	}
	r := &guide.Reference{Title: "A trial"}
	if h, err := (view{frags: frags}).Reference(r); err != nil || h != "A trial" {
		t.Errorf("Reference = %q, %v", h, err)
	}
}
