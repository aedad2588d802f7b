package guide

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// maxListedAuthors is how many authors AuthorsText names before it writes
// ". . ." and the last one, as APA style does.
const maxListedAuthors = 20

// Label is the author-year label of inline citations: "Gordon & Bloxham, 2016",
// "Deshmukh, 2019", "Freiwald et al., 2018". Without authors it names the
// container (journal or website), else the publisher, else the title.
func (r *Reference) Label() string {
	var who string
	switch n := len(r.Authors); {
	case n == 1:
		who = r.Authors[0].short()
	case n == 2:
		who = r.Authors[0].short() + " & " + r.Authors[1].short()
	case n > 2:
		who = r.Authors[0].short() + " et al."
	default:
		who = firstNonEmpty(r.Container, r.Publisher, r.Title)
		if who == "" && r.Web() {
			who = "Web article" // nothing else names it: say what it is, never invent a title
		}
	}
	if who == "" {
		return r.YearText()
	}
	return who + ", " + r.YearText()
}

// AuthorsText lists the authors as APA does: "Gordon, R., & Bloxham, S.". From
// 21 authors on it lists the first 19, ". . ." and the last.
func (r *Reference) AuthorsText() string {
	names := make([]string, len(r.Authors))
	for i, a := range r.Authors {
		names[i] = a.apa()
	}
	switch n := len(names); {
	case n == 0:
		return ""
	case n == 1:
		return names[0]
	case n == 2:
		return names[0] + ", & " + names[1]
	case n <= maxListedAuthors:
		return strings.Join(names[:n-1], ", ") + ", & " + names[n-1]
	default:
		return strings.Join(names[:maxListedAuthors-1], ", ") + ", . . . " + names[n-1]
	}
}

// YearText is the year of publication, or "n.d." when there is none.
func (r *Reference) YearText() string {
	if r.Year > 0 {
		return strconv.Itoa(r.Year) + r.YearSuffix
	}
	if r.YearSuffix != "" {
		return "n.d.-" + r.YearSuffix // APA's way of telling undated works apart
	}
	return "n.d."
}

// DOIURL is the DOI as a https://doi.org/ link, or "" without a DOI.
// Characters that cannot stand in a URL are percent-encoded.
func (r *Reference) DOIURL() string {
	if r.DOI == "" {
		return ""
	}
	var b strings.Builder
	b.WriteString("https://doi.org/")
	for _, c := range []byte(r.DOI) {
		if c <= ' ' || c >= 0x7f || strings.IndexByte("\"#%<>?[\\]^`{|}", c) >= 0 {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// Link is where the work can be read: its DOI link, else its URL, else "".
func (r *Reference) Link() string {
	if u := r.DOIURL(); u != "" {
		return u
	}
	return r.URL
}

// SortKey orders the bibliography: by the first author's family name (or
// the container, or the title, when there are no authors), then year, then
// title, ignoring case. Works without a year sort before dated ones.
func (r *Reference) SortKey() string {
	first := firstNonEmpty(r.Container, r.Title)
	if len(r.Authors) > 0 {
		first = r.Authors[0].short()
	}
	return fmt.Sprintf("%s\x00%04d\x00%s", strings.ToLower(first), max(r.Year, 0), strings.ToLower(r.Title))
}

// short is the name as a citation label gives it: the family name, or the
// whole name of an organisation.
func (n Name) short() string {
	return firstNonEmpty(n.Family, n.Literal, n.Given)
}

// apa writes the name as "Family, G. G.", or an organisation's name as it is.
func (n Name) apa() string {
	if n.Family == "" {
		return firstNonEmpty(n.Literal, n.Given)
	}
	if in := initials(n.Given); in != "" {
		return n.Family + ", " + in
	}
	return n.Family
}

// initials abbreviates given names: "Rebecca" -> "R.", "Hoo-In" -> "H.-I.",
// "Michael W." -> "M. W.", "M.W." -> "M. W.".
func initials(given string) string {
	var words []string
	for _, w := range strings.FieldsFunc(given, func(r rune) bool { return unicode.IsSpace(r) || r == '.' }) {
		var parts []string
		for _, p := range strings.Split(w, "-") {
			for _, c := range p {
				if unicode.IsLetter(c) {
					parts = append(parts, string(unicode.ToUpper(c))+".")
					break
				}
			}
		}
		if len(parts) > 0 {
			words = append(words, strings.Join(parts, "-"))
		}
	}
	return strings.Join(words, " ")
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
