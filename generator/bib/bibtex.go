package bib

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/guide"
)

// ReadBibTeX reads a BibTeX or biblatex file. path is used as given in
// positions and diagnostics. Text outside entries is ignored, as BibTeX does;
// @comment and @preamble are skipped and @string macros are expanded.
func ReadBibTeX(path string, data []byte) (refs []*guide.Reference, list diag.List) {
	p := &bibParser{path: path, data: data, lines: newLineIndex(data), seen: dupes{}, macros: map[string]string{}}
	defer guard(path, &refs, &list)
	for i, m := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		p.macros[m] = monthNames[i]
	}
	for p.nextAt() {
		p.item()
	}
	return p.refs, p.list
}

var monthNames = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// bibParser reads a BibTeX file byte by byte; every delimiter is ASCII, so
// UTF-8 text passes through untouched.
type bibParser struct {
	path   string
	data   []byte
	pos    int
	lines  lineIndex
	list   diag.List
	macros map[string]string // @string names, in lower case, to their raw values
	seen   dupes
	refs   []*guide.Reference
	// suggested counts the "did you mean" searches through the @string
	// names, which are capped to keep a file full of them fast to read.
	suggested int
	match     []int // offset of the } matching each {, or -1; see closing
}

const maxSuggestions = 50

// bibEntry is an entry as written, before its fields are interpreted.
type bibEntry struct {
	typ    string // lower case
	off    int    // offset of the @
	key    string
	fields []bibField
}

// bibField is one name = value pair; raw is the value with macros expanded
// and concatenations joined, LaTeX still in it.
type bibField struct {
	name     string // lower case
	nameOff  int
	valueOff int
	raw      string
}

// syntaxError stops reading an entry; the parser then looks for the next
// entry at the start of a line after resume.
type syntaxError struct{ resume int }

// item reads what follows an @: an entry, a macro, a comment or a preamble.
func (p *bibParser) item() {
	at := p.pos
	p.pos++
	p.skipSpace()
	typ := strings.ToLower(p.ident())
	p.skipSpace()
	open := p.peek()
	if open != '{' && open != '(' {
		// An @ in free text, such as an e-mail address, is not an entry.
		if _, known := bibTypes[typ]; known || typ == "string" || typ == "preamble" {
			p.errorf(p.pos, "write the entry as @"+typ+"{key, field = {value}, ...}", "expected { after @%s", typ)
		}
		return
	}
	closer := byte('}')
	if open == '(' {
		closer = ')'
	}
	defer func() {
		if r := recover(); r != nil {
			se, ok := r.(syntaxError)
			if !ok {
				panic(r)
			}
			p.recoverAt(se.resume)
		}
	}()
	switch typ {
	case "comment", "preamble":
		end, closed := p.group(p.pos)
		if closed {
			p.pos = end + 1
			break
		}
		if typ == "preamble" {
			p.errorf(p.pos, "add the missing "+string(closer), "unclosed %q: no matching %q before %s", string(open), string(closer), p.where(end))
		}
		p.pos = end // an unclosed comment runs to the next entry
	case "string":
		p.pos++
		for _, f := range p.fields(at, closer) {
			p.macros[f.name] = f.raw
		}
	default:
		p.pos++
		e := &bibEntry{typ: typ, off: at}
		p.entryKey(e, closer)
		e.fields = p.fields(at, closer)
		p.strayCloser(closer)
		if typ == "" {
			p.errorf(at+1, "write the type after the @, such as @article{key, ...}", "the entry has no type")
			return
		}
		if e.key == "" {
			return
		}
		if ref := p.reference(e); ref != nil && p.seen.check(&p.list, ref.Key, ref.Pos) {
			p.refs = append(p.refs, ref)
		}
	}
}

// entryKey reads the key after the opening brace, reporting a missing one.
func (p *bibParser) entryKey(e *bibEntry, closer byte) {
	const hint = "write a key after the brace, such as @article{gordon2016, ..."
	p.skipSpace()
	start := p.pos
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		if isSpaceByte(c) || c == closer || strings.IndexByte(",{}=\"#", c) >= 0 {
			break
		}
		p.pos++
	}
	key := string(p.data[start:p.pos])
	p.skipSpace()
	switch {
	case key != "" && p.peek() == '=':
		p.errorf(start, hint, "the entry has no key")
		p.pos = start
	case key == "":
		p.errorf(start, hint, "the entry has no key")
		if p.peek() == ',' {
			p.pos++
		}
	case p.peek() == ',':
		p.pos++
		e.key = key
	case p.peek() == closer:
		e.key = key
	default:
		p.errorf(p.pos, "keys cannot hold spaces; put a comma after the key", "expected a comma after the key %q", key)
		panic(syntaxError{p.pos})
	}
}

// fields reads name = value pairs up to the closing brace of the entry that
// starts at the @ at offset at.
func (p *bibParser) fields(at int, closer byte) []bibField {
	var out []bibField
	for {
		p.skipSpace()
		switch c := p.peek(); {
		case p.pos >= len(p.data) || c == '@':
			for _, f := range out {
				if runOn.MatchString(f.raw) && p.data[f.valueOff] == '{' {
					// The brace that opens this value is closed only by the entry's
					// own: the fields after it were read as part of the value.
					p.errorf(f.valueOff, "add the missing } at the end of the value, or remove the stray {",
						"the { that opens %s is not closed before %s: the fields after it are lost", f.name, p.where(p.pos))
					panic(syntaxError{p.pos})
				}
			}
			p.errorf(at, "add the missing "+string(closer)+" at the end of the entry", "the entry is not closed: %q is missing before %s", string(closer), p.where(p.pos))
			panic(syntaxError{p.pos})
		case c == closer:
			p.pos++
			return out
		}
		f := bibField{nameOff: p.pos}
		f.name = strings.ToLower(p.ident())
		if f.name == "" {
			p.errorf(p.pos, "write fields as name = {value}, separated by commas", "expected a field name or %q, found %s", string(closer), p.runeAt(p.pos))
			panic(syntaxError{p.pos})
		}
		p.skipSpace()
		if p.peek() != '=' {
			p.errorf(p.pos, "write fields as name = {value}, separated by commas", "expected = after the field name %q", f.name)
			panic(syntaxError{p.pos})
		}
		p.pos++
		p.skipSpace()
		f.valueOff = p.pos
		f.raw = p.value()
		out = append(out, f)
		p.skipSpace()
		switch c := p.peek(); {
		case c == ',':
			p.pos++
		case c == closer || c == '@' || p.pos >= len(p.data):
		default:
			// Most likely a forgotten comma: report it and read on.
			p.errorf(p.pos, "put a comma after each field's value", "expected a comma or %q after the value of %s", string(closer), f.name)
		}
	}
}

// runOn matches a value that has taken in "name = value" lines after it,
// the mark of a brace closed too late.
var runOn = regexp.MustCompile(`\n\s*[A-Za-z][\w-]*\s*=`)

// where names the place at off for a message: "the next entry" or "the end of the file".
func (p *bibParser) where(off int) string {
	if off < len(p.data) && p.data[off] == '@' {
		line, _ := p.lines.pos(off)
		return "the next entry, at line " + strconv.Itoa(line)
	}
	return "the end of the file"
}

// maxValueLen bounds a value after @string names are expanded, so that
// names defined in terms of each other cannot fill the memory.
const maxValueLen = 1 << 16

// value reads a value: pieces in braces or quotes, numbers and macro names,
// joined by #.
func (p *bibParser) value() string {
	var b strings.Builder
	valueStart, tooLong := p.pos, false
	for {
		if b.Len() > maxValueLen && !tooLong {
			tooLong = true
			p.errorf(valueStart, "shorten the value; check @string names that repeat themselves", "the value is longer than %d characters", maxValueLen)
		}
		if tooLong {
			b.Reset()
		}
		p.skipSpace()
		start := p.pos
		switch c := p.peek(); {
		case c == '{':
			end := p.braced(start)
			b.Write(p.data[start+1 : end])
			p.pos = end + 1
		case c == '"':
			b.WriteString(p.quoted())
		case c >= '0' && c <= '9':
			for p.pos < len(p.data) && p.data[p.pos] >= '0' && p.data[p.pos] <= '9' {
				p.pos++
			}
			b.Write(p.data[start:p.pos])
		default:
			name := strings.ToLower(p.ident())
			if name == "" {
				p.errorf(start, "put the value in braces: {...}", "expected a value, found %s", p.runeAt(start))
				panic(syntaxError{start})
			}
			if v, ok := p.macros[name]; ok {
				b.WriteString(v)
			} else {
				hint := "define it first with @string{" + name + " = {...}}, or put the value in braces"
				if p.suggested < maxSuggestions {
					p.suggested++
					hint = diag.DidYouMean(name, p.macroNames(), hint)
				}
				p.errorf(start, hint, "unknown @string name %q", name)
			}
		}
		p.skipSpace()
		if p.peek() != '#' {
			return b.String()
		}
		p.pos++
	}
}

func (p *bibParser) macroNames() []string {
	names := make([]string, 0, len(p.macros))
	for n := range p.macros {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
