package guide

import "strings"

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
	Pages     string // "227-231"
	// ArticleNumber is the number an online journal gives an article instead of pages
	// (Healthcare 4(2):22 is article 22): CSL number, BibTeX eid or article-number.
	ArticleNumber string
	DOI           string // bare, without https://doi.org/
	URL           string
	Accessed      Date
	Grade         Grade // the certainty of its evidence (GRADE); "" when not graded
	// GradeReason is one line on why the evidence has that grade; may be "".
	GradeReason string
	// YearSuffix tells apart works with the same label ("Hinge Health, 2023a"); the
	// link step sets it.
	YearSuffix string
	// Number is the reference's place in the reference list, from 1, and Marker what
	// the text shows where it is cited ("Gordon & Bloxham, 2016", or "1" in a
	// numbered style); Entry is the reference written out in the site's citation
	// style. Package cite/style sets them in the link step.
	Number int
	Marker string
	Entry  []RefPart
	Pos    Pos // where the entry starts, for messages about it
	// CitedBy lists every page that cites this reference, in front matter or text,
	// in the order of the site's pages; set by the link step.
	CitedBy []*Page
}

// RefPart is a piece of a written-out reference: plain text, a title in italics
// (Style "cite"), other italics ("i", such as an APA volume) or a link ("link", Text
// is the address or doi:..., Href where it leads).
type RefPart struct {
	Text, Style, Href string
}

// InText is what the text shows where r is cited: its Marker, or its author-year
// label before a style has set one.
func (r *Reference) InText() string {
	if r.Marker != "" {
		return r.Marker
	}
	return r.Label()
}

// EntryText is r's Entry as plain text, for the PDF handouts and search.
func (r *Reference) EntryText() string {
	var b strings.Builder
	for _, p := range r.Entry {
		b.WriteString(p.Text)
	}
	return b.String()
}

// Name is a person's name, or an organisation's name in Literal.
type Name struct {
	Family  string
	Given   string
	Literal string
}
