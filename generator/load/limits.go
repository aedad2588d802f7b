package load

import (
	"bytes"
	"fmt"
)

// Limits on one Markdown body, checked by checkLimits before it is parsed. Parsing a
// body costs time and memory with its length, with the number of brackets and
// emphasis marks in it, and with the depth of its lists and quotes times its length,
// so a file under MaxFileSize could still take minutes and gigabytes. No real page
// comes near these limits: the longest shipped page is 10 KB, with a few hundred marks
// and lists two deep. With them, any page parses in about a second and 200 MB.
const (
	// MaxBody is the most bytes of Markdown one page may hold after its front matter.
	MaxBody = 512 << 10
	// MaxNesting is the deepest lists and block quotes may sit inside each other. A
	// line's depth is counted as its '>' and list markers plus one for every two
	// columns of indentation before them (in code too), so a list
	// indented four spaces a level may go 25 levels deep.
	MaxNesting = 50
	// MaxBrackets is the most '[' one file may hold: links, images and citations.
	MaxBrackets = 50_000
	// MaxEmphasis is the most '*', '_' and '~' one file may hold.
	MaxEmphasis = 50_000
)

// limitError is a body over one of the limits: where, and what the author reads.
type limitError struct {
	line, col int
	msg, hint string
}

// checkLimits scans body once and reports the first line that goes over a limit, or
// nil. Line numbers count from the first line of body; a padded body's blank lines
// before the text count towards MaxBody.
func checkLimits(body []byte) *limitError {
	brackets, emphasis := 0, 0
	for line, rest := 1, body; len(rest) > 0; line++ {
		text := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			text, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		if depth := lineDepth(text); depth > MaxNesting {
			return &limitError{line: line, col: 1,
				msg:  fmt.Sprintf("lists and quotes are nested %d deep here; the most is %d", depth, MaxNesting),
				hint: "use fewer levels of lists and quotes, or less indentation"}
		}
		for i, c := range text {
			switch c {
			case '[':
				brackets++
			case '*', '_', '~':
				emphasis++
			default:
				continue
			}
			if brackets > MaxBrackets || emphasis > MaxEmphasis {
				what, most := "'[' (for links, images and citations)", MaxBrackets
				if emphasis > MaxEmphasis {
					what, most = "'*', '_' and '~' marks", MaxEmphasis
				}
				return &limitError{line: line, col: colOf(text, i),
					msg:  fmt.Sprintf("the file has more than %d %s; this one is over the limit", most, what),
					hint: "split the page into smaller pages, or remove text pasted in by mistake"}
			}
		}
		if len(body)-len(rest) > MaxBody {
			return &limitError{line: line, col: 1,
				msg:  fmt.Sprintf("the page's text goes past %d KB on this line; the most is %d KB", MaxBody>>10, MaxBody>>10),
				hint: "split the page into smaller pages, or remove text pasted in by mistake"}
		}
	}
	return nil
}

// lineDepth counts how deep a line sits in lists and quotes, as MaxNesting says.
func lineDepth(text []byte) (depth int) {
	for {
		width := 0
		for len(text) > 0 && (text[0] == ' ' || text[0] == '\t') {
			if text[0] == '\t' {
				width += 4 - width%4
			} else {
				width++
			}
			text = text[1:]
		}
		depth += width / 2
		n := markerLen(text)
		if n == 0 {
			return depth
		}
		depth++
		text = text[n:]
	}
}

// markerLen is the length of the quote or list marker that starts text, or 0.
func markerLen(text []byte) int {
	if len(text) == 0 {
		return 0
	}
	if text[0] == '>' {
		return 1
	}
	n := 0
	switch c := text[0]; {
	case c == '-' || c == '+' || c == '*':
		n = 1
	case c >= '0' && c <= '9':
		for n < len(text) && n < 9 && text[n] >= '0' && text[n] <= '9' {
			n++
		}
		if n == len(text) || (text[n] != '.' && text[n] != ')') {
			return 0
		}
		n++
	default:
		return 0
	}
	if n < len(text) && text[n] != ' ' && text[n] != '\t' {
		return 0
	}
	return n
}

// colOf is the column, counted in characters from 1, of byte i of text.
func colOf(text []byte, i int) int {
	return len([]rune(string(text[:i]))) + 1
}
