package render

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/stretchguide/stretchguide/generator/guide"
)

// kindPrescribe is the "Make a routine" page, which the build makes: prescribe.js
// lets a clinician pick stretches and doses there, print the routine as a handout
// and share it in the address's fragment, which never reaches a server. Like the
// progress page it holds no content of its own and is not in the search.
const kindPrescribe guide.Kind = "prescribe"

func init() { pageKinds[kindPrescribe] = "prescribe.html" }

// prescribePage is the made page at /make/.
func prescribePage() *guide.Page {
	return &guide.Page{Kind: kindPrescribe, Slug: "make", URL: "make/", Title: "Make a routine",
		Summary: "Pick stretches and doses for one person, print the routine, or share it as a link."}
}

// catalogStretch is one stretch as prescribe.js reads it; short keys keep the page small.
type catalogStretch struct {
	Slug     string   `json:"s"`
	Title    string   `json:"t"`
	URL      string   `json:"u"`
	Summary  string   `json:"m,omitempty"`
	Other    []string `json:"k,omitempty"` // also known as, for the search box
	Image    string   `json:"i,omitempty"`
	Alt      string   `json:"a,omitempty"`
	Areas    []string `json:"ar"`
	Position string   `json:"p"`
	Hold     int      `json:"h,omitempty"` // seconds
	Reps     int      `json:"r,omitempty"`
	Sets     int      `json:"n"`
	Sides    bool     `json:"b,omitempty"`
	Cues     []string `json:"c,omitempty"`
	Flags    []string `json:"f,omitempty"`
	Reviewed string   `json:"rv,omitempty"` // "Reviewed 3 March 2026 by …" (review.reviewed_on_by); "" without a reviewer
	Updated  string   `json:"d,omitempty"`  // the review date, 2026-03-03, for the version stamp
}

// Catalog is what the "Make a routine" page offers, as JSON for a data attribute:
// every stretch with its dose, cues, warning signs and review (as a routine page
// prints them: a reviewer's name, else review.unreviewed), in the page's language,
// and the seconds one
// repetition counts for, as guide.Dose.Active counts them. The warning box itself is
// the page's own "warning-signs" partial, which prescribe.js filters.
func (v view) Catalog() (string, error) {
	c := struct {
		Rep        int              `json:"rep"`
		Unreviewed string           `json:"un"`
		Stretches  []catalogStretch `json:"stretches"`
	}{Rep: guide.SecondsPerRep, Unreviewed: v.cat.S("review.unreviewed"), Stretches: []catalogStretch{}}
	for _, s := range v.Guide.Stretches {
		cs := catalogStretch{Slug: s.Slug, Title: s.Title, URL: v.Link(s.URL), Summary: s.Summary,
			Other: s.AlsoKnownAs, Areas: []string{}, Position: s.Position, Hold: int(s.Dose.Hold.Round(time.Second) / time.Second),
			Reps: s.Dose.Reps, Sets: max(s.Dose.Sets, 1), Sides: s.Dose.Sides, Cues: s.Cues}
		if s.Image != nil {
			cs.Image, cs.Alt = v.Link(s.Image.URL), s.Image.Alt
		}
		for _, a := range s.Areas {
			cs.Areas = append(cs.Areas, a.ID)
		}
		for _, f := range s.Flags {
			cs.Flags = append(cs.Flags, f.ID)
		}
		if s.ClinicallyReviewed() {
			cs.Reviewed = strings.Join(strings.Fields(v.cat.S("review.reviewed_on_by", v.cat.Date(s.Reviewed.Time), s.Reviewer)), " ")
		}
		cs.Updated = s.Reviewed.ISO()
		c.Stretches = append(c.Stretches, cs)
	}
	b, err := json.Marshal(c)
	return string(b), err
}
