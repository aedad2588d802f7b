package bib

import (
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

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
	"doi":             func(r *guide.Reference) *string { return &r.DOI },
	"url":             func(r *guide.Reference) *string { return &r.URL },
}

// cslRead are the fields the guide uses, as CSL spells them, for hints.
var cslRead = []string{"id", "type", "author", "editor", "issued", "title", "container-title", "publisher", "volume", "issue", "page", "DOI", "URL", "accessed", "grade"}

// cslIgnored are other CSL 1.0.2 variables and the extras Zotero and Pandoc
// write; they are accepted without a word and not used.
var cslIgnored = strings.Fields(`abstract annote archive archive_collection archive_location
	archive-place authority call-number categories chapter-number citation-key citation-label
	citation-number collection-number collection-title container-title-short dimensions
	division edition event event-date event-place event-title genre isbn issn journalabbreviation
	jurisdiction keyword language license locator medium note number number-of-pages
	number-of-volumes original-date original-publisher original-publisher-place original-title
	part part-title pmcid pmid printing publisher-place references reviewed-genre reviewed-title
	scale section shorttitle source status submitted supplement title-short version
	volume-title year-suffix available-date page-first
	chair collection-editor compiler composer container-author contributor curator director
	editorial-director executive-producer guest host illustrator interviewer narrator
	organizer original-author performer producer recipient reviewed-author script-writer
	series-creator translator`)

// isIgnored reports whether the lower-case field name is in cslIgnored.
func isIgnored(name string) bool {
	for _, f := range cslIgnored {
		if f == name {
			return true
		}
	}
	return false
}

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
	given := map[string]*yaml.Node{}
	for _, p := range r.pairs(n) {
		k, v := p.key, p.value
		name := strings.ToLower(k.Value)
		if first, ok := given[name]; ok {
			r.list.Errorf(r.path, k.Line, k.Column, "delete one of them", "field %q is given twice in this reference, at lines %d and %d", k.Value, first.Line, k.Line)
			continue
		}
		given[name] = k
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
		case "custom": // CSL 1.0.2's place for extra fields: custom: {grade: low}
			if c := r.resolve(v); c != nil && c.Kind == yaml.MappingNode {
				for _, p := range r.pairs(c) {
					if strings.EqualFold(p.key.Value, "grade") && ref.Grade == "" {
						ref.Grade = r.grade(p.value, "custom grade")
					}
				}
			}
		default:
			if field, ok := cslText[name]; ok {
				*field(ref) = r.text(v, k.Value)
			} else if !isIgnored(name) {
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
	for _, p := range r.pairs(n) {
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

// date reads a CSL date: 2016, "2016-02-09", a YAML date, or a mapping with
// date-parts, raw or literal. ok is false after an error; y is 0 when the
// date gives no year.
func (r *cslReader) date(v *yaml.Node, field string) (y, m, d int, ok bool) {
	n := r.resolve(v)
	if n == nil || isNull(n) {
		return 0, 0, 0, true
	}
	switch n.Kind {
	case yaml.ScalarNode:
		return r.dateText(n, field)
	case yaml.MappingNode:
		ok = true
		for _, p := range r.pairs(n) {
			k := p.key
			switch strings.ToLower(k.Value) {
			case "date-parts":
				y, m, d, ok = r.dateParts(p.value, field)
			case "raw":
				if pv := r.resolve(p.value); pv != nil && pv.Kind == yaml.ScalarNode {
					y, m, d, ok = r.dateText(pv, field)
				} else {
					r.text(p.value, field+" raw")
				}
			case "literal", "season", "circa", "iso8601":
			default:
				r.list.Warnf(r.path, k.Line, k.Column, diag.DidYouMean(k.Value, []string{"date-parts", "raw", "literal"}, dateHint),
					"unknown date part %q", k.Value)
			}
		}
		return y, m, d, ok
	}
	r.list.Errorf(r.path, n.Line, n.Column, dateHint, "%s must be a date, not %s", field, kindName(n))
	return 0, 0, 0, false
}

// dateText reads a date written as text or as a bare year.
func (r *cslReader) dateText(n *yaml.Node, field string) (y, m, d int, ok bool) {
	y, m, d, err := parseISODate(n.Value)
	if err != nil {
		r.list.Errorf(r.path, n.Line, n.Column, dateHint, "%s: %v", field, err)
		return 0, 0, 0, false
	}
	return y, m, d, true
}

// dateParts reads [[2016, 2, 9]]; of a range [[2016], [2017]] the first date counts.
func (r *cslReader) dateParts(v *yaml.Node, field string) (y, m, d int, ok bool) {
	outer := r.resolve(v)
	if outer == nil || isNull(outer) {
		return 0, 0, 0, true
	}
	var inner *yaml.Node
	if outer.Kind == yaml.SequenceNode && len(outer.Content) > 0 {
		inner = r.resolve(outer.Content[0])
	}
	if inner == nil || inner.Kind != yaml.SequenceNode || len(inner.Content) == 0 || len(inner.Content) > 3 {
		at := outer
		if inner != nil {
			at = inner
		}
		r.list.Errorf(r.path, at.Line, at.Column, "write date-parts as [[year, month, day]], such as [[2016, 2, 9]]",
			"%s: date-parts must be a list holding one list of a year, month and day", field)
		return 0, 0, 0, false
	}
	var nums [3]int
	for i, p := range inner.Content {
		pn := r.resolve(p)
		var err error
		if pn != nil && pn.Kind == yaml.ScalarNode {
			nums[i], err = strconv.Atoi(strings.TrimSpace(pn.Value))
		}
		if pn == nil || pn.Kind != yaml.ScalarNode || err != nil {
			at := inner
			if pn != nil {
				at = pn
			}
			r.list.Errorf(r.path, at.Line, at.Column, "write date-parts as [[year, month, day]], such as [[2016, 2, 9]]",
				"%s: date-parts must hold whole numbers", field)
			return 0, 0, 0, false
		}
	}
	if err := checkDate(nums[0], nums[1], nums[2]); err != nil {
		r.list.Errorf(r.path, inner.Line, inner.Column, dateHint, "%s: %v", field, err)
		return 0, 0, 0, false
	}
	return nums[0], nums[1], nums[2], true
}

// pair is one key and its value in a mapping.
type pair struct{ key, value *yaml.Node }

// pairs lists a mapping's keys and values with YAML merge keys (<<) expanded;
// keys of the mapping itself come before merged ones, so they take precedence
// when the caller keeps the first of a key.
func (r *cslReader) pairs(n *yaml.Node) []pair {
	var own, merged []pair
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
			merged = append(merged, r.merge(v, 0)...)
			continue
		}
		if k.Kind != yaml.ScalarNode {
			r.list.Errorf(r.path, k.Line, k.Column, "write field names as plain words", "a field name must be text, not %s", kindName(k))
			continue
		}
		own = append(own, pair{k, v})
	}
	if len(merged) == 0 {
		return own
	}
	seen := map[string]bool{}
	for _, p := range own {
		seen[strings.ToLower(p.key.Value)] = true
	}
	for _, p := range merged {
		if name := strings.ToLower(p.key.Value); !seen[name] {
			seen[name] = true
			own = append(own, p)
		}
	}
	return own
}

// merge lists the pairs a << value brings in: one mapping or a list of them.
func (r *cslReader) merge(v *yaml.Node, depth int) []pair {
	n := r.resolve(v)
	r.budget--
	if n == nil || depth > 10 || r.budget < 0 {
		return nil
	}
	var out []pair
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content) && r.budget > 0; i += 2 {
			r.budget--
			k, val := n.Content[i], n.Content[i+1]
			if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
				out = append(out, r.merge(val, depth+1)...)
			} else if k.Kind == yaml.ScalarNode {
				out = append(out, pair{k, val})
			}
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			out = append(out, r.merge(c, depth+1)...)
		}
	default:
		r.list.Errorf(r.path, n.Line, n.Column, "merge a mapping: <<: *name", "<< must name a mapping, not %s", kindName(n))
	}
	return out
}

// resolve follows an alias to the node it names, charging the nodes it
// brings in to the budget; it returns nil once the budget has run out.
func (r *cslReader) resolve(n *yaml.Node) *yaml.Node {
	if n == nil || n.Kind != yaml.AliasNode {
		return n
	}
	t := follow(n)
	if t == nil {
		return nil
	}
	r.budget -= r.size(t)
	if r.budget < 0 {
		if !r.over {
			r.over = true
			r.list.Errorf(r.path, n.Line, n.Column, "write the values out instead of repeating them with *aliases",
				"the file repeats values with aliases too often to be read")
		}
		return nil
	}
	return t
}

// size counts the nodes of the tree at n, an alias counting as one.
func (r *cslReader) size(n *yaml.Node) int {
	if s, ok := r.sizes[n]; ok {
		return s
	}
	s := 1
	if n.Kind != yaml.AliasNode {
		for _, c := range n.Content {
			s += r.size(c)
		}
	}
	r.sizes[n] = s
	return s
}

// follow follows aliases to the node they name.
func follow(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode; i++ {
		if i > 100 {
			return nil
		}
		n = n.Alias
	}
	return n
}

// isNull reports whether n is an empty value (null, ~ or nothing).
func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// kindName names a node's kind for messages.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a set of fields"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return "text"
	}
	return "nothing"
}
