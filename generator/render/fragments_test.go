package render

import (
	"testing"
	"testing/fstest"

	"github.com/stretchguide/stretchguide/generator/guide"
)

// TestCardsSharedByDepth: a stretch's card is rendered once for every page whose
// links start alike, and again for a page at another depth, whose links differ.
func TestCardsSharedByDepth(t *testing.T) {
	ls := partialsOnly(t, `{{define "stretch-card"}}<li>{{.View.Page.Title}} `+
		`<a href="{{.View.Link .Stretch.URL}}">{{.Stretch.Title}}</a></li>{{end}}`+
		`{{define "reference"}}{{.Title}}{{end}}`)
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

// TestGradedSharedByGrade: a reference's grade is rendered once for the pages that
// give it the same grade and link alike, and again for a page that grades it
// otherwise.
func TestGradedSharedByGrade(t *testing.T) {
	ls := partialsOnly(t, `{{define "graded"}}{{.View.Page.Title}}: {{.View.Page.GradeOf .Ref}}{{end}}`)
	r := &guide.Reference{Key: "smith", Grade: guide.Low}
	frags := &fragments{partials: ls.base}
	graded := func(title string, grades map[string]guide.Grade) string {
		t.Helper()
		h, err := view{Page: &guide.Page{Title: title, URL: "stretches/" + title + "/", Grades: grades}, frags: frags}.Graded(r)
		if err != nil {
			t.Fatal(err)
		}
		return string(h)
	}
	if got := graded("a", nil); got != "a: low" {
		t.Fatalf("graded = %q", got)
	}
	if got := graded("b", nil); got != "a: low" {
		t.Errorf("a page giving the same grade rendered it again: %q", got)
	}
	if got := graded("c", map[string]guide.Grade{"smith": guide.High}); got != "c: high" {
		t.Errorf("a page grading the reference otherwise got %q", got)
	}
}

// partialsOnly parses layouts whose partials.html is partials and whose pages are
// empty.
func partialsOnly(t *testing.T, partials string) *Layouts {
	t.Helper()
	fsys := fstest.MapFS{
		"base.html":     {Data: []byte(`{{define "base"}}{{template "main" .}}{{end}}`)},
		"partials.html": {Data: []byte(partials)},
		"style.css":     {Data: []byte("body{}")},
	}
	for _, file := range pageKinds {
		fsys[file] = &fstest.MapFile{Data: []byte(`{{define "main"}}{{end}}`)}
	}
	ls, err := ParseLayouts(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return ls
}

// TestSharedSeesNoPage: a shared partial is rendered once for all pages whose links
// start alike, and it cannot show the page it is shown on, only the site and links.
func TestSharedSeesNoPage(t *testing.T) {
	ls := partialsOnly(t, `{{define "nav"}}{{.Page.Title}}|{{.Link "stretches/"}}|{{.Site.Title}}{{end}}`)
	frags := &fragments{partials: ls.base}
	shared := func(title, url string) string {
		t.Helper()
		h, err := view{Site: guide.Site{Title: "Guide"}, Page: &guide.Page{Title: title, URL: url}, frags: frags}.Shared("nav")
		if err != nil {
			t.Fatal(err)
		}
		return string(h)
	}
	if got, want := shared("Cat stretch", "stretches/cat/"), "|../../stretches/|Guide"; got != want {
		t.Fatalf("shared partial = %q, want %q", got, want)
	}
	if got := shared("Hips", "areas/hips/"); got != "|../../stretches/|Guide" {
		t.Errorf("a page at the same depth got %q", got)
	}
	if got := shared("Home", ""); got != "|stretches/|Guide" {
		t.Errorf("the home page got %q", got)
	}
}

// TestWarningSignsSharedBySigns: the warning box is rendered once for the pages that
// show the same signs and link alike, again for other signs, and sees no page.
func TestWarningSignsSharedBySigns(t *testing.T) {
	ls := partialsOnly(t, `{{define "warning-signs"}}{{range .Flags}}{{.ID}} {{end}}{{.View.Page.Title}}|{{.View.Link "red-flags/"}}{{end}}`)
	frags := &fragments{partials: ls.base}
	cauda, fever, chest := &guide.Flag{ID: "cauda"}, &guide.Flag{ID: "fever"}, &guide.Flag{ID: "chest"}
	box := func(title string, fs ...*guide.Flag) string {
		t.Helper()
		h, err := view{Page: &guide.Page{Title: title, URL: "stretches/" + title + "/"}, frags: frags}.WarningSigns(fs)
		if err != nil {
			t.Fatal(err)
		}
		return string(h)
	}
	if got, want := box("a", cauda, fever), "cauda fever |../../red-flags/"; got != want {
		t.Fatalf("box = %q, want %q", got, want)
	}
	if got := box("b", cauda, fever); got != "cauda fever |../../red-flags/" {
		t.Errorf("a page with the same signs got %q", got)
	}
	if got := box("c", cauda, chest); got != "cauda chest |../../red-flags/" {
		t.Errorf("a page with other signs got %q", got)
	}
}

// TestCitedSharedByGrade: a partial showing one reference is rendered once for the
// pages that grade it alike, sees the page's grade of it, and no other page.
func TestCitedSharedByGrade(t *testing.T) {
	ls := partialsOnly(t, `{{define "item"}}{{.View.Page.Title}}|{{.Ref.Key}} {{.View.Page.GradeOf .Ref}}|{{.View.Link "bibliography/"}}{{end}}`)
	r := &guide.Reference{Key: "smith", Grade: guide.Low}
	frags := &fragments{partials: ls.base}
	cited := func(title string, grades map[string]guide.Grade) string {
		t.Helper()
		h, err := view{Page: &guide.Page{Title: title, URL: "stretches/" + title + "/", Grades: grades}, frags: frags}.Cited("item", r)
		if err != nil {
			t.Fatal(err)
		}
		return string(h)
	}
	if got, want := cited("a", nil), "|smith low|../../bibliography/"; got != want {
		t.Fatalf("cited = %q, want %q", got, want)
	}
	if got := cited("b", map[string]guide.Grade{"smith": guide.High}); got != "|smith high|../../bibliography/" {
		t.Errorf("a page grading the reference otherwise got %q", got)
	}
	if got := cited("c", map[string]guide.Grade{"smith": guide.Low}); got != "|smith low|../../bibliography/" {
		t.Errorf("a page giving the reference its own grade got %q", got)
	}
}
