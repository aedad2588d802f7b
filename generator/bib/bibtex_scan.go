package bib

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/stretchguide/stretchguide/generator/guide"
)

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
			if i := bytes.IndexAny(p.data[p.pos:], "\r\n"); i >= 0 {
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
		case '\n', '\r':
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
		case '\n', '\r':
			if at, ok := p.entryAfter(i); ok {
				p.errorf(open, hint, "unclosed \"{\": no matching \"}\" before %s", p.where(at))
				panic(syntaxError{at})
			}
		}
	}
	p.errorf(open, hint, "unclosed \"{\": no matching \"}\" before the end of the file")
	panic(syntaxError{open + 1})
}

// fieldAfter matches text that goes on with another field: an entry closed by a }
// too many inside a value, such as title = {A {Second}}}, year = 2016.
var fieldAfter = regexp.MustCompile(`^[ \t]*,?\s*([A-Za-z][\w-]*)\s*=`)

// strayCloser reports an entry whose closer, just read, is followed by more fields:
// a } too many ended it early, and what follows would be lost.
func (p *bibParser) strayCloser(closer byte) {
	if m := fieldAfter.FindSubmatch(p.data[p.pos:]); m != nil {
		name := strings.ToLower(string(m[1]))
		p.errorf(p.pos-1, "remove the extra "+string(closer)+", or add the { it closes",
			"this %q ends the entry, but %s and the fields after it follow: they are lost", string(closer), name)
	}
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

// group finds the end of a @comment or @preamble whose { or ( is at open:
// the offset of the matching } or ), or, when there is none, of the next
// line that starts an entry or of the end of the file.
func (p *bibParser) group(open int) (end int, closed bool) {
	if p.data[open] == '{' {
		if end := p.closing(open); end >= 0 {
			return end, true
		}
	}
	depth := 0
	for i := open + 1; i < len(p.data); i++ {
		switch p.data[i] {
		case '{':
			depth++
		case '}':
			depth--
		case ')':
			if depth <= 0 && p.data[open] == '(' {
				return i, true
			}
		case '\n', '\r':
			if at, ok := p.entryAfter(i); ok {
				return at, false
			}
		}
	}
	return len(p.data), false
}

// closing returns the offset of the } that matches the { at open, or -1. The
// matches of the whole file are found once, so that many unclosed groups
// cost no more than one.
func (p *bibParser) closing(open int) int {
	if p.match == nil {
		p.match = make([]int, len(p.data))
		var stack []int
		for i, c := range p.data {
			p.match[i] = -1
			switch c {
			case '{':
				stack = append(stack, i)
			case '}':
				if n := len(stack); n > 0 {
					p.match[stack[n-1]] = i
					stack = stack[:n-1]
				}
			}
		}
	}
	return p.match[open]
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
