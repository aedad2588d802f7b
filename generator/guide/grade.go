package guide

// Grade is the certainty of the evidence behind a claim, as the GRADE approach rates
// it: how sure we can be that the true effect is close to what the studies found.
type Grade string

// The four GRADE levels, from most to least certain.
const (
	High     Grade = "high"
	Moderate Grade = "moderate"
	Low      Grade = "low"
	VeryLow  Grade = "very-low"
)

// Grades lists the levels in order, as authors write them.
var Grades = []string{string(High), string(Moderate), string(Low), string(VeryLow)}

// Valid reports whether g is one of the four levels.
func (g Grade) Valid() bool {
	switch g {
	case High, Moderate, Low, VeryLow:
		return true
	}
	return false
}

// Label is the level in the words readers see: "Moderate certainty".
func (g Grade) Label() string {
	switch g {
	case High:
		return "High certainty"
	case Moderate:
		return "Moderate certainty"
	case Low:
		return "Low certainty"
	case VeryLow:
		return "Very low certainty"
	}
	return ""
}

// GradeOf is the grade the page gives reference r: the grade written with its
// citation in the page's front matter, else the reference's own, else "".
func (p *Page) GradeOf(r *Reference) Grade {
	if g, ok := p.Grades[r.Key]; ok {
		return g
	}
	return r.Grade
}
