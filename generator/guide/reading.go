package guide

import "math"

// Reading is how hard the patient-facing text of a page is to read: its summary, cues,
// cautions and body, without code or references.
type Reading struct {
	Words int
	// Grade is the Flesch-Kincaid grade level: about the years of school a reader
	// needs to follow the text.
	Grade float64
}

// MinReadingWords is the fewest words a text needs for its grade to mean much.
const MinReadingWords = 50

// Reliable reports whether the text is long enough for its grade to be shown and
// held against the site's limit.
func (r Reading) Reliable() bool { return r.Words >= MinReadingWords }

// Level is the grade as a whole school year, at least 1, for showing to readers.
func (r Reading) Level() int { return max(int(math.Round(r.Grade)), 1) }
