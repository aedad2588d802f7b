package bib

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

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
}

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

func (p *bibParser) errorf(off int, hint, format string, args ...any) {
	line, col := p.lines.pos(off)
	p.list.Errorf(p.path, line, col, hint, format, args...)
}

func (p *bibParser) warnf(off int, hint, format string, args ...any) {
	line, col := p.lines.pos(off)
	p.list.Warnf(p.path, line, col, hint, format, args...)
}

func (p *bibParser) position(off int) guide.Pos {
	line, col := p.lines.pos(off)
	return guide.Pos{Path: p.path, Line: line, Col: col}
}

// nextAt moves to the next @ outside % comments and reports whether there
// is one. Text between entries is otherwise ignored, as BibTeX does.
func (p *bibParser) nextAt() bool {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case '@':
			return true
		case '%':
			if i := bytes.IndexByte(p.data[p.pos:], '\n'); i >= 0 {
				p.pos += i
			} else {
				p.pos = len(p.data)
			}
		default:
			p.pos++
		}
	}
	return false
}

// recoverAt moves to the first @ that starts a line (after blanks) at or
// after off, skipping the rest of a broken entry.
func (p *bibParser) recoverAt(off int) {
	for off < len(p.data) {
		if p.data[off] == '@' {
			lineStart := off
			for lineStart > 0 && (p.data[lineStart-1] == ' ' || p.data[lineStart-1] == '\t') {
				lineStart--
			}
			if lineStart == 0 || p.data[lineStart-1] == '\n' || p.data[lineStart-1] == '\r' {
				p.pos = off
				return
			}
		}
		off++
	}
	p.pos = len(p.data)
}

func (p *bibParser) peek() byte {
	if p.pos < len(p.data) {
		return p.data[p.pos]
	}
	return 0
}

func (p *bibParser) skipSpace() {
	for p.pos < len(p.data) && isSpaceByte(p.data[p.pos]) {
		p.pos++
	}
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// ident reads a type, field or macro name.
func (p *bibParser) ident() string {
	start := p.pos
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80 || strings.IndexByte("_-:.+/'!?*&", c) >= 0) {
			break
		}
		p.pos++
	}
	return string(p.data[start:p.pos])
}

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
	case "comment":
		if end, ok := p.matching(p.pos); ok {
			p.pos = end + 1
		} else {
			p.pos++
		}
	case "preamble":
		end, ok := p.matching(p.pos)
		if !ok {
			p.unclosed(p.pos)
		}
		p.pos = end + 1
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
			hint := "add the missing " + string(closer) + " at the end of the entry"
			for _, f := range out {
				if runOn.MatchString(f.raw) {
					line, _ := p.lines.pos(f.valueOff)
					hint = fmt.Sprintf("check the braces of %s, at line %d: its value seems to take in the fields after it", f.name, line)
					break
				}
			}
			p.errorf(at, hint, "the entry is not closed: %q is missing before %s", string(closer), p.where(p.pos))
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
				p.errorf(start, diag.DidYouMean(name, p.macroNames(), "define it first with @string{"+name+" = {...}}, or put the value in braces"),
					"unknown @string name %q", name)
			}
		}
		p.skipSpace()
		if p.peek() != '#' {
			return b.String()
		}
		p.pos++
	}
}

// quoted reads "..." starting at the quote, returning what is inside; quotes
// inside braces do not end it.
func (p *bibParser) quoted() string {
	const hint = `add the closing ", or the { that a } inside the value closes`
	start := p.pos
	depth := 0
	for i := start + 1; i < len(p.data); i++ {
		switch p.data[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth < 0 {
				line, _ := p.lines.pos(i)
				p.errorf(start, hint, "the quoted value has no closing \" before the } at line %d", line)
				panic(syntaxError{i + 1})
			}
		case '"':
			if depth == 0 {
				p.pos = i + 1
				return string(p.data[start+1 : i])
			}
		case '\n':
			if at, ok := p.entryAfter(i); ok {
				p.errorf(start, hint, "the quoted value has no closing \" before %s", p.where(at))
				panic(syntaxError{at})
			}
		}
	}
	p.errorf(start, hint, "the quoted value has no closing \" before the end of the file")
	panic(syntaxError{start + 1})
}

// braced returns the offset of the } that closes the { at open. A line that
// starts a new entry ends the search: the brace is reported as unclosed and
// reading goes on from that entry.
func (p *bibParser) braced(open int) int {
	const hint = "add the missing }, or remove the stray {"
	depth := 0
	for i := open; i < len(p.data); i++ {
		switch p.data[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		case '\n':
			if at, ok := p.entryAfter(i); ok {
				p.errorf(open, hint, "unclosed \"{\": no matching \"}\" before %s", p.where(at))
				panic(syntaxError{at})
			}
		}
	}
	p.errorf(open, hint, "unclosed \"{\": no matching \"}\" before the end of the file")
	panic(syntaxError{open + 1})
}

// entryAfter reports whether the line after the line break at nl starts an
// entry (blanks, @, a name, blanks, { or (), and where its @ is.
func (p *bibParser) entryAfter(nl int) (int, bool) {
	i := nl + 1
	for i < len(p.data) && (p.data[i] == ' ' || p.data[i] == '\t') {
		i++
	}
	at := i
	if i >= len(p.data) || p.data[i] != '@' {
		return 0, false
	}
	i++
	n := i
	for i < len(p.data) && isLetter(p.data[i]) {
		i++
	}
	if i == n {
		return 0, false
	}
	for i < len(p.data) && (p.data[i] == ' ' || p.data[i] == '\t') {
		i++
	}
	return at, i < len(p.data) && (p.data[i] == '{' || p.data[i] == '(')
}

// matching returns the offset of the brace that closes the { or ( at open.
func (p *bibParser) matching(open int) (int, bool) {
	if open >= len(p.data) {
		return 0, false
	}
	if p.data[open] == '(' {
		// A ( entry ends at a ) outside braces.
		depth := 0
		for i := open + 1; i < len(p.data); i++ {
			switch p.data[i] {
			case '{':
				depth++
			case '}':
				depth--
			case ')':
				if depth <= 0 {
					return i, true
				}
			}
		}
		return 0, false
	}
	depth := 0
	for i := open; i < len(p.data); i++ {
		switch p.data[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i, true
			}
		}
	}
	return 0, false
}

// unclosed reports a { that is never closed and stops the entry.
func (p *bibParser) unclosed(open int) {
	p.errorf(open, "add the missing }, or remove the stray {", "unclosed %q: no matching %q before the end of the file", string(p.data[open]), closing(p.data[open]))
	panic(syntaxError{open + 1})
}

func closing(c byte) string {
	if c == '(' {
		return ")"
	}
	return "}"
}

// runeAt names the character at off for messages: a quoted character, or
// the end of the file.
func (p *bibParser) runeAt(off int) string {
	if off >= len(p.data) {
		return "the end of the file"
	}
	r, _ := utf8.DecodeRune(p.data[off:])
	return strconv.QuoteRune(r)
}

func (p *bibParser) macroNames() []string {
	names := make([]string, 0, len(p.macros))
	for n := range p.macros {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
