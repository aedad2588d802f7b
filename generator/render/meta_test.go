package render

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/memo"
)

func TestLastReviewed(t *testing.T) {
	day := func(d int) guide.Date { return guide.Date{Time: time.Date(2026, 1, d, 0, 0, 0, 0, time.UTC)} }
	a := &guide.Stretch{Page: guide.Page{Reviewed: day(3)}}
	b := &guide.Stretch{Page: guide.Page{Reviewed: day(9)}}
	c := &guide.Stretch{Page: guide.Page{Reviewed: day(5)}}
	r := &guide.Routine{Page: guide.Page{Reviewed: day(12)}}
	free := &guide.Page{Kind: guide.KindFree}
	area := &guide.Area{Stretches: []*guide.Stretch{a, c}}
	g := &guide.Guide{Stretches: []*guide.Stretch{a, b, c}, Routines: []*guide.Routine{r}, Pages: []*guide.Page{free}}
	for _, tc := range []struct {
		name string
		v    view
		want string
	}{
		{"a stretch: its own date", view{Page: &b.Page, Stretch: b}, "2026-01-09"},
		{"an area: its latest stretch", view{Page: &guide.Page{Kind: guide.KindArea}, Area: area}, "2026-01-05"},
		{"home: the latest of all", view{Page: &guide.Page{Kind: guide.KindHome}}, "2026-01-12"},
		{"a page without a date", view{Page: free}, ""},
	} {
		if got := lastReviewed(g, tc.v).ISO(); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestWebManifestWithoutFavicon(t *testing.T) {
	if m := webManifest(guide.Site{Title: "T", Language: "en"}, ""); strings.Contains(string(m), "icons") {
		t.Errorf("layouts without a favicon still get an icon:\n%s", m)
	}
}

// TestSitePicturesFromMemo: the preview card and home-screen icon are taken from the
// memo a build saved, rather than drawn again by every build of the program.
func TestSitePicturesFromMemo(t *testing.T) {
	m := memo.New()
	r := &run{m: m}
	site := guide.Site{Title: "Stretches for backs"}
	first := r.sitePictures(site)
	if len(first[previewFile]) == 0 || len(first[touchIconFile]) == 0 {
		t.Fatal("no pictures drawn")
	}
	// Swap what the memo holds for stand-ins: the next build must use them.
	m.Next()
	for _, name := range []string{"preview", "touch icon"} {
		h := m.Hasher()
		h.String(name)
		if name == "preview" {
			h.String(site.Title)
		}
		m.Put(h.Sum(), []byte("kept "+name))
	}
	again := r.sitePictures(site)
	if string(again[previewFile]) != "kept preview" || string(again[touchIconFile]) != "kept touch icon" {
		t.Error("the pictures were drawn again, not taken from the memo")
	}
}
