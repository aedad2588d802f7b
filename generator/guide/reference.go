package guide

// Reference is one entry of the bibliography, read from CSL-YAML, CSL-JSON or BibTeX.
type Reference struct {
	Key       string // the citation key: [@key]
	Type      string // CSL type: article-journal, book, webpage, ...
	Authors   []Name
	Year      int // 0 when the source gives none
	Month     int // 0 when unknown
	Day       int // 0 when unknown
	Title     string
	Container string // journal or website name (CSL container-title)
	Publisher string
	Volume    string
	Issue     string
	Pages     string // "227-231" or an article number
	DOI       string // bare, without https://doi.org/
	URL       string
	Accessed  Date
	Grade     Grade // the certainty of its evidence (GRADE); "" when not graded
	// GradeReason is one line on why the evidence has that grade; may be "".
	GradeReason string
	// YearSuffix tells apart works with the same label ("Hinge Health, 2023a"); the
	// link step sets it.
	YearSuffix string
	Pos        Pos // where the entry starts, for messages about it
	// CitedBy lists every page that cites this reference, in front matter or text,
	// in the order of the site's pages; set by the link step.
	CitedBy []*Page
}

// Name is a person's name, or an organisation's name in Literal.
type Name struct {
	Family  string
	Given   string
	Literal string
}
