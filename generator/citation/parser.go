package citation

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// maxBody bounds the bytes scanned for the closing ']', so a stray '[' in a
// long paragraph costs little (CommonMark caps link labels at 999 too).
const maxBody = 999

// char is one byte of a bracket's body.
type char struct {
	c   byte
	off int  // offset in the source, -1 for padding or a synthetic newline
	esc bool // written with a backslash, so never syntax
}

type citationParser struct{}

var defaultParser = &citationParser{}

// NewParser returns the inline parser for bracketed citations.
func NewParser() parser.InlineParser { return defaultParser }

// Trigger implements parser.InlineParser.
func (p *citationParser) Trigger() []byte { return []byte{'['} }

// Parse implements parser.InlineParser. It returns nil, leaving the reader
// where it was, when the bracket is not a citation.
func (p *citationParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) < 2 || line[0] != '[' {
		return nil
	}
	if !atFollows(block.Source(), seg.Start, pc) {
		return nil
	}
	savedLine, savedPos := block.Position()
	// A first pass that allocates nothing turns most brackets away cheaply.
	_, size, hasAt, ok := scanBody(block, nil)
	block.SetPosition(savedLine, savedPos)
	if !ok || !hasAt {
		return nil
	}
	body := make([]char, 0, size)
	closeOff, _, _, _ := scanBody(block, &body)
	items := parseItems(body)
	if items == nil || isLink(block, seg.Start+1, closeOff, pc) {
		block.SetPosition(savedLine, savedPos)
		return nil
	}
	return &Node{Items: items}
}

// nextAtKey keeps, per document, an atScan: the last search for an '@'.
var nextAtKey = parser.NewContextKey()

// atScan is a search of the source from offset from: next is the offset of the first
// '@' at or after it, or -1 when there is none.
type atScan struct{ from, next int }

// atFollows reports whether an '@' comes anywhere after offset start of src. Without
// one no citation can start here; the answer is kept in pc, so a page full of '['
// and no '@' costs one scan, not one per bracket.
func atFollows(src []byte, start int, pc parser.Context) bool {
	start = min(max(start, 0), len(src))
	if s, ok := pc.Get(nextAtKey).(atScan); ok && s.from <= start && (s.next < 0 || s.next >= start) {
		return s.next >= 0
	}
	s := atScan{from: start, next: -1}
	if i := bytes.IndexByte(src[start:], '@'); i >= 0 {
		s.next = start + i
	}
	pc.Set(nextAtKey, s)
	return s.next >= 0
}

// scanBody reads past the '[' at the reader's position up to its matching
// ']' within the block, leaving the reader just after it. It appends the
// bytes in between to body unless body is nil, and reports how many there are
// and whether they hold an unescaped '@'.
func scanBody(block text.Reader, body *[]char) (closeOff, n int, hasAt, ok bool) {
	depth := 0
	for i := 1; ; i = 0 {
		line, seg := block.PeekLine()
		if line == nil {
			return 0, 0, false, false
		}
		for ; i < len(line); i++ {
			c, esc := line[i], false
			if c == '\\' && i+1 < len(line) && util.IsPunct(line[i+1]) {
				i++
				c, esc = line[i], true
			} else if c == '[' {
				depth++
			} else if c == ']' {
				if depth == 0 {
					block.Advance(i + 1)
					return sourceOffset(seg, i), n, hasAt, true
				}
				depth--
			} else if c == '@' {
				hasAt = true
			}
			if n++; n > maxBody {
				return 0, 0, false, false
			}
			if body != nil {
				*body = append(*body, char{c, sourceOffset(seg, i), esc})
			}
		}
		block.AdvanceLine()
	}
}

// sourceOffset maps index i of seg's value to an offset in the source.
func sourceOffset(seg text.Segment, i int) int {
	o := seg.Start + i - seg.Padding
	if i < seg.Padding || o >= seg.Stop {
		return -1
	}
	return o
}

// isLink reports whether the bracket, whose body spans [start, stop) of the
// source, is really a link: followed by "(", by "[label]" naming a defined
// reference, or itself a defined reference (CommonMark shortcut or collapsed
// form). The reader stands just after the closing ']'.
func isLink(block text.Reader, start, stop int, pc parser.Context) bool {
	rest, _ := block.PeekLine()
	if len(rest) > 0 && rest[0] == '(' {
		return true
	}
	label := block.Value(text.NewSegment(start, stop))
	if len(rest) > 0 && rest[0] == '[' {
		end := 1
		for end < len(rest) && rest[end] != ']' {
			if rest[end] == '\\' {
				end++
			}
			end++
		}
		if end >= len(rest) {
			return false
		}
		if end > 1 {
			label = rest[1:end]
		}
	}
	_, ok := pc.Reference(util.ToLinkReference(label))
	return ok
}

// parseItems splits a body at unescaped ';' and parses each part; it returns
// nil if any part has no key.
func parseItems(body []char) []Item {
	var items []Item
	start := 0
	for i := 0; i <= len(body); i++ {
		if i < len(body) && (body[i].c != ';' || body[i].esc) {
			continue
		}
		it, ok := parseItem(body[start:i])
		if !ok {
			return nil
		}
		items = append(items, it)
		start = i + 1
	}
	return items
}

// parseItem finds the first "@key" or "-@key" that starts the part or
// follows whitespace; text before it is the prefix, text after the suffix.
func parseItem(cs []char) (Item, bool) {
	for i := range cs {
		if cs[i].c != '@' || cs[i].esc {
			continue
		}
		mark, suppress := i, false
		if i > 0 && cs[i-1].c == '-' && !cs[i-1].esc && cs[i-1].off+1 == cs[i].off {
			mark, suppress = i-1, true
		}
		if mark > 0 && !isSpace(cs[mark-1]) {
			continue
		}
		end := keyEnd(cs, i+1)
		if end == i+1 {
			continue
		}
		suffix := words(cs[end:])
		if strings.HasPrefix(suffix, ",") {
			suffix = strings.TrimSpace(suffix[1:])
		}
		return Item{
			Key:            bytesOf(cs[i+1 : end]),
			Prefix:         words(cs[:mark]),
			Suffix:         suffix,
			SuppressAuthor: suppress,
			Offset:         cs[i].off,
		}, true
	}
	return Item{}, false
}

// keyEnd returns the end of the key starting at cs[start]: letters, digits
// and '_' anywhere, the punctuation in keyPunct only inside, and all of it
// contiguous in the source. It returns start if there is no key.
func keyEnd(cs []char, start int) int {
	end := start
	for i := start; i < len(cs); {
		if cs[i].esc || (i > start && cs[i].off != cs[i-1].off+1) {
			break
		}
		r, n := decodeRune(cs[i:])
		if n == 0 {
			break
		}
		alnum := r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
		if !alnum && (i == start || r >= utf8.RuneSelf || !strings.ContainsRune(keyPunct, r)) {
			break
		}
		i += n
		if alnum {
			end = i
		}
	}
	return end
}

// keyPunct are the punctuation characters allowed inside a key.
const keyPunct = "_:.#$%&-+?<>~/"

// decodeRune decodes the rune at the start of cs, returning n == 0 if its
// bytes are not all plain, contiguous source bytes.
func decodeRune(cs []char) (rune, int) {
	var buf [utf8.UTFMax]byte
	k := 0
	for k < len(cs) && k < utf8.UTFMax {
		if k > 0 && (cs[k].esc || cs[k].off != cs[k-1].off+1) {
			break
		}
		buf[k] = cs[k].c
		k++
	}
	r, n := utf8.DecodeRune(buf[:k])
	if r == utf8.RuneError {
		return r, 0
	}
	return r, n
}

func isSpace(c char) bool { return !c.esc && util.IsSpace(c.c) }

func bytesOf(cs []char) string {
	b := make([]byte, len(cs))
	for i, c := range cs {
		b[i] = c.c
	}
	return string(b)
}

// words returns the text of cs with runs of whitespace (line breaks
// included) collapsed to one space and the ends trimmed.
func words(cs []char) string {
	return strings.Join(strings.Fields(bytesOf(cs)), " ")
}
