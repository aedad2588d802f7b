package front

import (
	"bytes"
	"regexp"
	"strconv"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// tomlPlaces finds where each key and value of a TOML document is written, so that
// the YAML tree made from it points at the TOML text. It reads the text line by line,
// as far as front matter needs: keys at the start of a line, [table] and [[array]]
// headers, and values inline, in arrays and in inline tables, over several lines.
type tomlPlaces struct {
	raw    []byte
	offset int            // lines before the front matter's first line
	keys   map[string]int // key path -> offset of the key
	heads  map[string]int // "steps#2" -> offset of the third [[steps]] header
}

var (
	tomlHeaderRE = regexp.MustCompile(`^[ \t]*(\[\[?)[ \t]*([A-Za-z0-9_.-]+)[ \t]*\]`)
	tomlKeyLine  = regexp.MustCompile(`^[ \t]*([A-Za-z0-9_-]+(?:[ \t]*\.[ \t]*[A-Za-z0-9_-]+)*)[ \t]*=`)
	tomlSpaceDot = regexp.MustCompile(`[ \t]*\.[ \t]*`)
)

func newTOMLPlaces(raw []byte, offset int) *tomlPlaces {
	p := &tomlPlaces{raw: raw, offset: offset, keys: map[string]int{}, heads: map[string]int{}}
	prefix := ""
	counts := map[string]int{}
	start := 0
	for _, line := range bytes.SplitAfter(raw, []byte("\n")) {
		if m := tomlHeaderRE.FindSubmatchIndex(line); m != nil {
			name := string(line[m[4]:m[5]])
			if string(line[m[2]:m[3]]) == "[[" {
				name += "#" + strconv.Itoa(counts[name])
				counts[string(line[m[4]:m[5]])]++
			}
			p.heads[name] = start + m[4]
			prefix = name + "."
		} else if m := tomlKeyLine.FindSubmatchIndex(line); m != nil {
			key := tomlSpaceDot.ReplaceAllString(string(line[m[2]:m[3]]), ".")
			if _, seen := p.keys[prefix+key]; !seen {
				p.keys[prefix+key] = start + m[2]
			}
		}
		start += len(line)
	}
	return p
}

// pos turns a byte offset of the TOML text into a line and column of the file.
func (p *tomlPlaces) pos(off int) (line, col int) {
	off = min(max(off, 0), len(p.raw))
	before := p.raw[:off]
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	return p.offset + bytes.Count(before, []byte("\n")) + 1, utf8.RuneCount(before[lineStart:]) + 1
}

// valueAfterKey is the offset of the value of the key written at off.
func (p *tomlPlaces) valueAfterKey(off int) int {
	i := bytes.IndexByte(p.raw[off:], '=')
	if i < 0 {
		return off
	}
	return p.skipSpace(off + i + 1)
}

// skipSpace skips blanks, line breaks, commas and comments.
func (p *tomlPlaces) skipSpace(off int) int {
	for off < len(p.raw) {
		switch c := p.raw[off]; {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',':
			off++
		case c == '#':
			for off < len(p.raw) && p.raw[off] != '\n' {
				off++
			}
		default:
			return off
		}
	}
	return off
}

// valueEnd is the offset just after the value that starts at off.
func (p *tomlPlaces) valueEnd(off int) int {
	if off >= len(p.raw) {
		return off
	}
	depth := 0
	for i := off; i < len(p.raw); i++ {
		switch c := p.raw[i]; c {
		case '"', '\'':
			i = p.stringEnd(i) - 1
			if depth == 0 {
				return i + 1
			}
		case '[', '{':
			depth++
		case ']', '}':
			if depth == 0 {
				return i
			}
			if depth--; depth == 0 {
				return i + 1
			}
		case ',', '\n', ' ', '\t', '#', '\r':
			if depth == 0 {
				return i
			}
		}
	}
	return len(p.raw)
}

// stringEnd is the offset just after the string that starts with the quote at off.
func (p *tomlPlaces) stringEnd(off int) int {
	q := p.raw[off]
	for i := off + 1; i < len(p.raw); i++ {
		switch p.raw[i] {
		case '\\':
			if q == '"' {
				i++
			}
		case q:
			return i + 1
		}
	}
	return len(p.raw)
}

// place sets the line and column of n, whose value starts at off and whose key path
// is path ("" for an inline value without one), and of everything in it.
func (p *tomlPlaces) place(n *yaml.Node, path string, off int) {
	n.Line, n.Column = p.pos(off)
	switch n.Kind {
	case yaml.MappingNode:
		inline := off < len(p.raw) && p.raw[off] == '{'
		end := p.valueEnd(off)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			child := join(path, k.Value)
			koff, isKey := p.keys[child]
			head, isArray := p.heads[child+"#0"]
			if !isArray {
				head, isArray = p.heads[child]
			}
			switch {
			case !inline && isKey:
				k.Line, k.Column = p.pos(koff)
				p.place(v, child, p.valueAfterKey(koff))
			case !inline && isArray: // [child] or [[child]]
				k.Line, k.Column = p.pos(head)
				p.place(v, child, head)
			default:
				if koff, ok := p.inlineKey(k.Value, off, end); ok {
					k.Line, k.Column = p.pos(koff)
					p.place(v, child, p.valueAfterKey(koff))
				} else {
					p.place(k, "", off)
					p.place(v, "", off)
				}
			}
		}
	case yaml.SequenceNode:
		if _, tables := p.heads[path+"#0"]; tables {
			for i, c := range n.Content {
				p.place(c, path+"#"+strconv.Itoa(i), p.heads[path+"#"+strconv.Itoa(i)])
			}
			return
		}
		cur := off + 1 // after the [
		for _, c := range n.Content {
			start := p.skipSpace(cur)
			p.place(c, "", start)
			cur = p.valueEnd(start)
		}
	}
}

// inlineKey finds the key name written between from and to, in an inline table.
func (p *tomlPlaces) inlineKey(name string, from, to int) (int, bool) {
	re := regexp.MustCompile(`(?:^|[{,\s])(` + regexp.QuoteMeta(name) + `)\s*=`)
	m := re.FindSubmatchIndex(p.raw[from:min(to+1, len(p.raw))])
	if m == nil {
		return 0, false
	}
	return from + m[2], true
}
