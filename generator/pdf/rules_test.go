package pdf

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/internal/pdftest"
)

// handoutText writes the handout of r and reads it back as pdftotext does.
func handoutText(t *testing.T, g *guide.Guide, r *guide.Routine) pdftest.Doc {
	t.Helper()
	_, _, files := smallGuide("", "a.svg")
	b, err := Handout(g, r, en, files)
	if err != nil {
		t.Fatal(err)
	}
	return pdftest.Read(t, b)
}

// The stop box is on page 1 with each sign's early signs and action; an emergency
// names the site's number, or "your local emergency number" without one.
func TestHandoutStopBox(t *testing.T) {
	pdftest.Require(t)
	g, r, _ := smallGuide("", "a.svg")
	g.Flags[0].Action = "Get help now."
	g.Flags[0].Signs = []string{"numb between the legs", "new trouble passing urine"}
	page1 := handoutText(t, g, r).Pages[0].Text
	for _, want := range []string{"Stop and get help if…", "Emergency: Loss of bladder control",
		"Early signs: numb between the legs; new trouble passing urine.",
		"Get help now. Call your local emergency number.",
		"Stop if you feel sharp pain. A stretch should feel gentle, never painful."} {
		if !strings.Contains(page1, want) {
			t.Errorf("page 1 lacks %q:\n%s", want, page1)
		}
	}
	g.Site.EmergencyNumber = "999"
	if page1 := handoutText(t, g, r).Pages[0].Text; !strings.Contains(page1, "Get help now. Call 999.") {
		t.Errorf("with emergency_number 999, page 1 does not say Call 999:\n%s", page1)
	}
}

// A routine or stretch without a reviewer says so, and its date is "last updated".
func TestHandoutUnreviewedNotice(t *testing.T) {
	pdftest.Require(t)
	const unreviewed = "Not yet reviewed by a clinician."
	g, r, _ := smallGuide("", "a.svg")
	text := handoutText(t, g, r).Text()
	// Both stretches of smallGuide name no reviewer; the routine does.
	if n := strings.Count(text, unreviewed); n != 2 {
		t.Errorf("%d notices %q, want one per unreviewed stretch:\n%s", n, unreviewed, text)
	}
	if !strings.Contains(text, "last updated 2026-03-09") {
		t.Errorf("the stamp does not say last updated:\n%s", text)
	}
	r.Reviewer = ""
	text = handoutText(t, g, r).Text()
	if !strings.Contains(text, unreviewed+" Last updated: 2 March 2026") {
		t.Errorf("an unreviewed routine does not say so with its date:\n%s", text)
	}
	if strings.Contains(text, "Last reviewed") {
		t.Errorf("an unreviewed routine says it was reviewed:\n%s", text)
	}
}

var stampRE = regexp.MustCompile(`^Version [0-9a-f]{8}( · (reviewed|last updated) \d{4}-\d\d-\d\d)?$`)

// The stamp is on every page and changes with any printed word.
func TestStamp(t *testing.T) {
	g, r, _ := smallGuide("", "a.svg")
	before := Stamp(g, r, en)
	if !stampRE.MatchString(before) {
		t.Fatalf("stamp %q is not like Version 3f9a2c1d · reviewed 2026-11-25", before)
	}
	r.Steps[0].Stretch.Cues[0] = "Hug both knees gently"
	if after := Stamp(g, r, en); after == before {
		t.Errorf("changing a cue left the stamp at %q", after)
	}
	for _, s := range r.Steps {
		s.Stretch.Reviewer = "B. Name, physiotherapist"
	}
	if s := Stamp(g, r, en); !strings.HasSuffix(s, "reviewed 2026-03-09") || strings.Contains(s, "updated") {
		t.Errorf("stamp %q of a reviewed routine, want it to end reviewed 2026-03-09", s)
	}
	pdftest.Require(t)
	d := handoutText(t, g, r)
	for i, p := range d.Pages {
		if !strings.Contains(p.Text, Stamp(g, r, en)) {
			t.Errorf("page %d lacks the stamp %q:\n%s", i+1, Stamp(g, r, en), p.Text)
		}
	}
}

// The stamp says its words in the catalog's language, the date as numbers; its
// hash, of what the handout prints, differs from the English handout's.
func TestStampInSpanish(t *testing.T) {
	g, r, _ := smallGuide("", "a.svg")
	english, spanish := Stamp(g, r, en), Stamp(g, r, es)
	if want := "· actualizada el 2026-03-09"; !strings.HasPrefix(spanish, "Versión ") || !strings.HasSuffix(spanish, want) {
		t.Errorf("Spanish stamp %q, want Versión … %s", spanish, want)
	}
	if english[len("Version "):][:8] == spanish[len("Versión "):][:8] {
		t.Errorf("the English %q and Spanish %q stamps have the same hash, though they print different words", english, spanish)
	}
}
