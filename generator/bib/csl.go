package bib

import (
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/guide"
)

// cslReader turns CSL items into references. CSL-YAML is read into yaml.Node
// trees by yaml.v3, and CSL-JSON is turned into the same trees by csljson.go,
// so both formats share this code and give equal references.
type cslReader struct {
	path string
	list diag.List
	seen dupes
	// budget is how many nodes aliases and << merges may still bring in, so
	// that a small file cannot make the reader do unbounded work.
	budget int
	over   bool               // the budget ran out and that has been reported
	sizes  map[*yaml.Node]int // nodes below each aliased node
}

func newCSLReader(path string, size int) *cslReader {
	return &cslReader{path: path, seen: dupes{}, budget: 4*size + 1000, sizes: map[*yaml.Node]int{}}
}

// cslText are the fields read as plain text, by their lower-case name.
var cslText = map[string]func(*guide.Reference) *string{
	"title":           func(r *guide.Reference) *string { return &r.Title },
	"container-title": func(r *guide.Reference) *string { return &r.Container },
	"publisher":       func(r *guide.Reference) *string { return &r.Publisher },
	"volume":          func(r *guide.Reference) *string { return &r.Volume },
	"issue":           func(r *guide.Reference) *string { return &r.Issue },
	"page":            func(r *guide.Reference) *string { return &r.Pages },
	"number":          func(r *guide.Reference) *string { return &r.ArticleNumber },
	"doi":             func(r *guide.Reference) *string { return &r.DOI },
	"url":             func(r *guide.Reference) *string { return &r.URL },
}

// cslRead are the fields the guide uses, as CSL spells them, for hints.
var cslRead = []string{"id", "type", "author", "editor", "issued", "title", "container-title", "publisher", "volume", "issue", "page", "number", "DOI", "URL", "accessed", "grade", "grade_reason"}

// cslIgnored are other CSL 1.0.2 variables and the extras Zotero and Pandoc
// write; they are accepted without a word and not used.
var cslIgnored = strings.Fields(`abstract annote archive archive_collection archive_location
	archive-place authority call-number categories chapter-number citation-key citation-label
	citation-number collection-number collection-title container-title-short dimensions
	division edition event event-date event-place event-title genre isbn issn journalabbreviation
	jurisdiction keyword language license locator medium note number-of-pages
	number-of-volumes original-date original-publisher original-publisher-place original-title
	part part-title pmcid pmid printing publisher-place references reviewed-genre reviewed-title
	scale section shorttitle source status submitted supplement title-short version
	volume-title year-suffix available-date page-first
	chair collection-editor compiler composer container-author contributor curator director
	editorial-director executive-producer guest host illustrator interviewer narrator
	organizer original-author performer producer recipient reviewed-author script-writer
	series-creator translator`)

// document reads the root of a file: a list of items, a mapping with a
// references list (Pandoc's form), or a single item.
func (r *cslReader) document(root *yaml.Node, listHint string) []*guide.Reference {
	n := root
	if n != nil && n.Kind == yaml.DocumentNode {
		n = nil
		if len(root.Content) > 0 {
			n = root.Content[0]
		}
	}
	n = r.resolve(n)
	if n == nil || n.Kind == 0 || isNull(n) {
		r.list.Warnf(r.path, 1, 0, "add references, or delete the file", "the file holds no references")
		return nil
	}
	if n.Kind == yaml.MappingNode {
		pairs := r.pairs(n)
		var keys []string
		for _, p := range pairs {
			if p.key.Value == "references" {
				return r.items(p.value, listHint)
			}
			keys = append(keys, p.key.Value)
		}
		for _, p := range pairs {
			if strings.EqualFold(p.key.Value, "id") {
				return r.items(&yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{n}}, listHint)
			}
		}
		hint := listHint
		for _, k := range keys {
			if diag.Suggest(k, []string{"references"}) != "" {
				hint = diag.DidYouMean(k, []string{"references"}, "")
				break
			}
		}
		r.list.Errorf(r.path, n.Line, n.Column, hint, "the file has no list of references")
		return nil
	}
	return r.items(n, listHint)
}

// items reads a list of entries.
func (r *cslReader) items(n *yaml.Node, listHint string) []*guide.Reference {
	n = r.resolve(n)
	if n == nil || isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		r.list.Errorf(r.path, n.Line, n.Column, listHint, "references must be a list of entries, not %s", kindName(n))
		return nil
	}
	var refs []*guide.Reference
	for _, item := range n.Content {
		if ref := r.entry(item); ref != nil {
			refs = append(refs, ref)
		}
	}
	return refs
}

// entry reads one item, or returns nil after reporting why it cannot.
func (r *cslReader) entry(item *yaml.Node) *guide.Reference {
	n := r.resolve(item)
	if n == nil {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		r.list.Errorf(r.path, n.Line, n.Column, "write each reference as fields: id, type, author, issued, title, ...",
			"a reference must be a set of fields, not %s", kindName(n))
		return nil
	}
	ref := &guide.Reference{Pos: guide.Pos{Path: r.path, Line: n.Line, Col: n.Column}}
	var editors []guide.Name
	for _, p := range r.unique(r.pairs(n)) {
		k, v := p.key, p.value
		name := strings.ToLower(k.Value)
		switch name {
		case "id":
			ref.Key = r.text(v, k.Value)
		case "type":
			v := r.resolve(v)
			ref.Type = r.text(v, k.Value)
			if ref.Type != "" && !isCSLType(ref.Type) {
				r.list.Warnf(r.path, v.Line, v.Column, diag.DidYouMean(ref.Type, cslTypes, "use a CSL type such as article-journal, book, chapter, report or webpage"),
					"%q is not a CSL type", ref.Type)
			}
		case "author":
			ref.Authors = r.names(v, k.Value)
		case "editor":
			editors = r.names(v, k.Value)
		case "issued":
			ref.Year, ref.Month, ref.Day, _ = r.date(v, k.Value)
		case "accessed":
			if y, m, d, ok := r.date(v, k.Value); ok && y > 0 {
				ref.Accessed = accessedDate(y, m, d)
			}
		case "grade":
			ref.Grade = r.grade(v, k.Value)
		case "grade_reason":
			ref.GradeReason = r.text(v, k.Value)
		case "custom": // CSL 1.0.2's place for extra fields: custom: {grade: low}
			r.custom(ref, v)
		default:
			if field, ok := cslText[name]; ok {
				*field(ref) = r.text(v, k.Value)
			} else if !contains(cslIgnored, name) {
				r.list.Warnf(r.path, k.Line, k.Column, diag.DidYouMean(k.Value, cslRead, "it is ignored; the fields read are "+strings.Join(cslRead, ", ")),
					"unknown field %q", k.Value)
			}
		}
	}
	ref.DOI = cleanDOI(ref.DOI)
	ref.Pages = cleanPages(ref.Pages)
	if len(ref.Authors) == 0 {
		ref.Authors = editors
	}
	if ref.Key == "" {
		r.list.Errorf(r.path, n.Line, n.Column, "add a field id: with the key pages cite it by, such as gordon2016",
			"this reference has no id")
		return nil
	}
	if !r.seen.check(&r.list, ref.Key, ref.Pos) {
		return nil
	}
	return ref
}

// custom reads the grade and grade_reason of CSL's custom group; a field of the
// same name outside the group wins.
func (r *cslReader) custom(ref *guide.Reference, v *yaml.Node) {
	c := r.resolve(v)
	if c == nil || c.Kind != yaml.MappingNode {
		return
	}
	for _, p := range r.unique(r.pairs(c)) {
		switch {
		case strings.EqualFold(p.key.Value, "grade") && ref.Grade == "":
			ref.Grade = r.grade(p.value, "custom grade")
		case strings.EqualFold(p.key.Value, "grade_reason") && ref.GradeReason == "":
			ref.GradeReason = r.text(p.value, "custom grade_reason")
		}
	}
}

// grade reads an evidence grade: high, moderate, low or very-low.
func (r *cslReader) grade(v *yaml.Node, field string) guide.Grade {
	s := r.text(v, field)
	if s == "" {
		return ""
	}
	if g := guide.Grade(s); g.Valid() {
		return g
	}
	n := r.resolve(v)
	r.list.Errorf(r.path, n.Line, n.Column, diag.DidYouMean(s, guide.Grades, gradeHint), "%q is not an evidence grade", s)
	return ""
}

// gradeHint is the hint for every evidence grade that cannot be read.
const gradeHint = "use one of the GRADE levels: high, moderate, low or very-low"

// text reads a value that must be a single piece of text (or a number).
func (r *cslReader) text(v *yaml.Node, field string) string {
	n := r.resolve(v)
	if n == nil || isNull(n) {
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		r.list.Errorf(r.path, n.Line, n.Column, "write it as one line of text, in quotes if it holds a colon",
			"%s must be text, not %s", field, kindName(n))
		return ""
	}
	return cleanText(n.Value)
}

// nameHint is the hint for every badly written name.
const nameHint = "write each name as {family: Gordon, given: Rebecca}, or {literal: World Health Organization}"

// names reads a list of names.
func (r *cslReader) names(v *yaml.Node, field string) []guide.Name {
	n := r.resolve(v)
	if n == nil || isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		r.list.Errorf(r.path, n.Line, n.Column, nameHint, "%s must be a list of names, not %s", field, kindName(n))
		return nil
	}
	var out []guide.Name
	for _, item := range n.Content {
		if name, ok := r.name(item, field); ok {
			out = append(out, name)
		}
	}
	return out
}

// name reads one {family, given} or {literal} name.
func (r *cslReader) name(v *yaml.Node, field string) (guide.Name, bool) {
	n := r.resolve(v)
	if n == nil || n.Kind != yaml.MappingNode {
		if n != nil {
			r.list.Errorf(r.path, n.Line, n.Column, nameHint, "each %s must be a set of name parts, not %s", field, kindName(n))
		}
		return guide.Name{}, false
	}
	var name guide.Name
	var particles []string
	for _, p := range r.unique(r.pairs(n)) {
		k := p.key
		switch part := strings.ToLower(k.Value); part {
		case "family":
			name.Family = r.text(p.value, k.Value)
		case "given":
			name.Given = r.text(p.value, k.Value)
		case "literal":
			name.Literal = r.text(p.value, k.Value)
		case "non-dropping-particle", "dropping-particle":
			if s := r.text(p.value, k.Value); s != "" {
				particles = append(particles, s)
			}
		case "suffix", "comma-suffix", "static-ordering", "parse-names", "sequence":
		default:
			r.list.Warnf(r.path, k.Line, k.Column, diag.DidYouMean(k.Value, []string{"family", "given", "literal"}, "a name has family and given, or literal"),
				"unknown name part %q", k.Value)
		}
	}
	if name.Family != "" && len(particles) > 0 {
		name.Family = strings.Join(particles, " ") + " " + name.Family
	}
	if name.Family == "" && name.Literal == "" {
		if name.Given == "" {
			r.list.Errorf(r.path, n.Line, n.Column, nameHint, "this %s has no name", field)
			return guide.Name{}, false
		}
		name.Literal, name.Given = name.Given, ""
	}
	return name, true
}
