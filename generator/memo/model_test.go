package memo

import (
	"testing"

	"github.com/stretchguide/stretchguide/generator/guide"
)

// sampleGuide is a small linked guide: two stretches in one area, each the other's
// related stretch, and a reference cited by the first.
func sampleGuide() *guide.Guide {
	a := &guide.Area{ID: "hips", Title: "Hips", URL: "areas/hips/"}
	s1 := &guide.Stretch{Page: guide.Page{Kind: guide.KindStretch, Slug: "bridge", URL: "stretches/bridge/", Title: "Bridge", Summary: "Lift the hips."}}
	s2 := &guide.Stretch{Page: guide.Page{Kind: guide.KindStretch, Slug: "cat-cow", URL: "stretches/cat-cow/", Title: "Cat-cow", Summary: "Round the back."}}
	s3 := &guide.Stretch{Page: guide.Page{Kind: guide.KindStretch, Slug: "twist", URL: "stretches/twist/", Title: "Twist", Summary: "Turn gently."}}
	s1.Areas, s2.Areas, s3.Areas = []*guide.Area{a}, []*guide.Area{a}, []*guide.Area{a}
	a.Stretches = []*guide.Stretch{s1, s2, s3}
	s1.Related, s2.Related = []*guide.Stretch{s2}, []*guide.Stretch{s1}
	r := &guide.Reference{Key: "gordon2016", Title: "Stretching", Year: 2016, CitedBy: []*guide.Page{&s1.Page}}
	s1.Citations = []*guide.Reference{r}
	home := &guide.Page{Kind: guide.KindHome, Title: "Backs"}
	return &guide.Guide{Site: guide.Site{Title: "Backs", Language: "en"}, Home: home,
		Stretches: []*guide.Stretch{s1, s2, s3}, Areas: []*guide.Area{a}, References: []*guide.Reference{r}}
}

// TestModelsSeeEveryChange: the model's keys are the same for the same guide made
// again, and change with any field of any entity, with a pointer from one entity to
// another (also one into a stretch, as a *Page), and, for full only, with a
// stretch's summary.
func TestModelsSeeEveryChange(t *testing.T) {
	m := New()
	full, shared := m.Models(sampleGuide())
	if f, s := m.Models(sampleGuide()); f != full || s != shared {
		t.Fatal("the same guide made again has other keys")
	}
	changes := []struct {
		name   string
		change func(g *guide.Guide)
	}{
		{"a stretch's title", func(g *guide.Guide) { g.Stretches[1].Title = "Cat and cow" }},
		{"an area's title", func(g *guide.Guide) { g.Areas[0].Title = "Hip" }},
		{"a reference's year", func(g *guide.Guide) { g.References[0].Year = 2017 }},
		{"a related stretch", func(g *guide.Guide) { g.Stretches[0].Related = []*guide.Stretch{g.Stretches[2]} }},
		{"the page citing a reference", func(g *guide.Guide) { g.References[0].CitedBy = []*guide.Page{&g.Stretches[1].Page} }},
		{"the site's title", func(g *guide.Guide) { g.Site.Title = "Back care" }},
		{"the home page's title", func(g *guide.Guide) { g.Home.Title = "Home" }},
		{"the order of stretches", func(g *guide.Guide) { g.Stretches[0], g.Stretches[1] = g.Stretches[1], g.Stretches[0] }},
	}
	for _, c := range changes {
		g := sampleGuide()
		c.change(g)
		if f, s := m.Models(g); f == full || s == shared {
			t.Errorf("changing %s left a key as it was (full changed: %v, shared changed: %v)", c.name, f != full, s != shared)
		}
	}
	g := sampleGuide()
	g.Stretches[2].Summary = "Turn slowly."
	if f, s := m.Models(g); f == full || s != shared {
		t.Errorf("a summary's change: full changed %v (want true), shared changed %v (want false)", f != full, s != shared)
	}
}
