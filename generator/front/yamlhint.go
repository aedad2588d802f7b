package front

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// The YAML parser often notices a mistake lines after it was made: a key indented
// one space too little is reported at the start of the list it sits in, a tab as "a
// character that cannot start any token". yamlScan walks the lines the way an author
// sees them, by indent, and finds the line that is really wrong, so the error can
// point there with a plain hint. It also finds what the parser accepts but an author
// did not mean: a list item indented past its siblings, which YAML joins to the item
// above as one text ("Sit tall - Slide your hands down").

// level is one open block: a mapping of keys or a list of items, at an indent.
type level struct {
	indent int
	list   bool
}

// yamlLine is one line of YAML, as the scan classifies it.
type yamlLine struct {
	n      int    // line number, from 1
	text   string // the whole line
	indent int    // spaces before the content
	item   bool   // starts with "- " (or is "-")
	key    string // the key, when the line (or its item) starts with "key:"
	keyCol int    // the column, from 0, where key starts
	opens  bool   // ends with "key:" or "-" and nothing after: a block follows
	plain  bool   // ends with a plain (unquoted) text value, which may run on
	block  bool   // ends with | or >: the indented lines after it are text
	quote  byte   // ' or " when a quoted value starts here and is not closed
	qCol   int    // the column, from 0, of that quote
}

// keyAt finds the key that starts rest, as in "name: value", "name:" or
// "'a b': value": the key (quotes kept) and the length of what it takes with its
// colon and the space after it. ok is false when rest starts no key. It reads one
// line once, as the scan does for every line of every file.
func keyAt(rest string) (key string, n int, ok bool) {
	if rest == "" {
		return "", 0, false
	}
	end := -1 // the index of the colon that ends the key
	switch c := rest[0]; {
	case c == '"' || c == '\'':
		end = strings.IndexByte(rest[1:], c) + 2
		if end == 1 || end >= len(rest) || rest[end] != ':' {
			return "", 0, false
		}
	case isYAMLSpace(c) || strings.IndexByte("#'\"[]{},&*!|>%@`-", c) >= 0:
		return "", 0, false
	default:
		end = strings.IndexAny(rest[1:], ":#") + 1
		if end == 0 || rest[end] != ':' {
			return "", 0, false
		}
	}
	switch {
	case end+1 == len(rest):
		return rest[:end], end + 1, true
	case isYAMLSpace(rest[end+1]):
		return rest[:end], end + 2, true
	}
	return "", 0, false
}

// isYAMLSpace is the white space that may follow a key's colon.
func isYAMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

func classify(n int, text string) yamlLine {
	l := yamlLine{n: n, text: text}
	rest := strings.TrimLeft(text, " ")
	l.indent = len(text) - len(rest)
	col := l.indent
	if rest == "-" || strings.HasPrefix(rest, "- ") {
		l.item = true
		trimmed := strings.TrimLeft(rest[1:], " ")
		col += len(rest) - len(trimmed)
		rest = trimmed
	}
	if key, n, ok := keyAt(rest); ok {
		l.key, l.keyCol = strings.TrimSpace(key), col
		col += n
		rest = rest[n:]
		trimmed := strings.TrimLeft(rest, " ")
		col += len(rest) - len(trimmed)
		rest = trimmed
	}
	value := strings.TrimSpace(stripComment(rest))
	switch {
	case value == "":
		l.opens = l.key != "" || l.item
	case value[0] == '|' || value[0] == '>':
		l.block = true
	case value[0] == '"' || value[0] == '\'':
		if !closed(value) {
			l.quote, l.qCol = value[0], col
		}
	case value[0] == '[' || value[0] == '{':
		l.block = strings.Count(value, value[:1]) > strings.Count(value, map[byte]string{'[': "]", '{': "}"}[value[0]])
	default:
		l.plain = true
	}
	return l
}

// stripComment drops a " #" comment from a value that is not quoted.
func stripComment(s string) string {
	if s != "" && (s[0] == '"' || s[0] == '\'') {
		return s
	}
	if i := strings.Index(s, " #"); i >= 0 {
		return s[:i]
	}
	if strings.HasPrefix(s, "#") {
		return ""
	}
	return s
}

// closed says whether the quoted value v ends its quote on the same line.
func closed(v string) bool {
	q := v[0]
	for i := 1; i < len(v); i++ {
		switch {
		case q == '"' && v[i] == '\\':
			i++
		case v[i] == q && q == '\'' && i+1 < len(v) && v[i+1] == '\'':
			i++
		case v[i] == q:
			return true
		}
	}
	return false
}

// yamlFinding is what the scan found wrong at one line.
type yamlFinding struct {
	line, col int // from 1
	msg, hint string
	warning   bool
}

// yamlScan returns the problems it sees in src, in line order: at most one error
// (the first), and a warning for each list item that YAML joins to the item above.
func yamlScan(src string) []yamlFinding {
	var out []yamlFinding
	var stack []level
	var prev yamlLine
	var open *yamlLine // a line ending with "key:" or "-", waiting for its block
	skipAbove := -1    // lines indented past this are text of a block value
	var inQuote *yamlLine
	for i, text := range strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n") {
		n := i + 1
		if inQuote != nil {
			if strings.IndexByte(text, inQuote.quote) >= 0 {
				inQuote = nil
			}
			continue
		}
		if j := strings.IndexByte(text, '\t'); j >= 0 && strings.TrimLeft(text[:j], " ") == "" {
			return append(out, yamlFinding{n, j + 1, "this line is indented with a tab",
				"YAML does not allow tabs for indenting; use spaces", false})
		}
		rest := strings.TrimSpace(text)
		if rest == "" || rest[0] == '#' || rest == "---" || rest == "..." {
			continue
		}
		l := classify(n, text)
		if skipAbove >= 0 {
			if l.indent > skipAbove {
				continue
			}
			skipAbove = -1
		}
		if open != nil {
			parent := open.indent
			if open.item && open.key == "" {
				parent = open.indent + 1
			} else if open.key != "" {
				parent = open.keyCol
			}
			if l.indent > parent || (l.indent == parent && l.item && open.key != "") {
				stack = append(stack, level{l.indent, l.item})
			}
			open = nil
		} else if len(stack) == 0 {
			stack = append(stack, level{l.indent, l.item})
		} else if top := stack[len(stack)-1]; l.indent > top.indent && prev.plain && l.key == "" {
			if l.item && top.list && prev.item && prev.key == "" {
				out = append(out, yamlFinding{n, l.indent + 1, fmt.Sprintf("this item is indented more than the one above, so YAML joins them into one item: %q",
					strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(prev.text), "-"))+" "+rest),
					"start each item at the same indent as the others, or, if the dash belongs to the text, use a comma instead", true})
			}
			continue // more text of the value above
		}
		if j := strings.Index(text[l.indent+1:], " - "); l.item && l.key == "" && l.plain && j >= 0 {
			out = append(out, yamlFinding{n, l.indent + j + 3, fmt.Sprintf("this item has a dash in its text, which may be two items run together: %q", strings.TrimSpace(rest[1:])),
				"if these are two items, put each on its own line starting with `- `; if the dash belongs to the text, use a comma instead", true})
		}
		if f, ok := placeLine(&stack, l); !ok {
			return append(out, f)
		}
		if l.item && l.key != "" {
			stack = append(stack, level{l.keyCol, false})
		}
		if f, bad := colonError(l, rest); bad {
			return append(out, f)
		}
		switch {
		case l.quote != 0:
			inQuote = &l
		case l.block:
			skipAbove = l.indent
		case l.opens:
			open = &l
		}
		prev = l
	}
	if inQuote != nil {
		out = append(out, yamlFinding{inQuote.n, inQuote.qCol + 1, "this quote is never closed",
			fmt.Sprintf("add a closing %c at the end of the text", inQuote.quote), false})
	}
	return out
}

// colonError finds what stops the scan at line l, rest being its trimmed text: a
// field with no colon after its name, or text holding a colon and a space, which
// YAML reads as another field.
func colonError(l yamlLine, rest string) (yamlFinding, bool) {
	text := l.text
	if l.key == "" && !l.item && !strings.HasPrefix(rest, "[") && !strings.HasPrefix(rest, "{") {
		return yamlFinding{l.n, l.indent + 1, "this line has no colon after its field name",
			"write it as `name: value`, with a colon and a space after the name", false}, true
	}
	after := l.keyCol + len(l.key) + 1
	if j := strings.Index(stripComment(text[min(after, len(text)):]), ": "); l.plain && l.key != "" && j >= 0 {
		return yamlFinding{l.n, after + j + 1, "this text holds a colon and a space, which YAML reads as the start of another field",
			"put the text in quotes: `" + l.key + ": \"...\"`", false}, true
	}
	return yamlFinding{}, false
}

// placeLine closes the blocks that l's indent ends and checks that l fits the
// block it lands in: a key among keys at their indent, an item among items.
func placeLine(stack *[]level, l yamlLine) (yamlFinding, bool) {
	s := *stack
	beside := -1 // the indent of a closed block of the same kind as l
	for len(s) > 1 && s[len(s)-1].indent > l.indent {
		if s[len(s)-1].list == l.item {
			beside = s[len(s)-1].indent
		}
		s = s[:len(s)-1]
	}
	// A list may stand at its key's indent ("areas:\n- hips"); a key after it ends it.
	if len(s) > 1 && s[len(s)-1].list && !l.item && s[len(s)-1].indent == l.indent {
		s = s[:len(s)-1]
	}
	*stack = s
	top := s[len(s)-1]
	what, hint := "key", "line it up with the other fields of its group"
	if l.item {
		what, hint = "list item", "start it at the same indent as the other items of its list"
	}
	if top.indent != l.indent || top.list != l.item {
		msg := fmt.Sprintf("this %s is indented %s, which does not line up with the lines above it", what, spaces(l.indent))
		if top.list == l.item {
			beside = top.indent
		}
		if beside >= 0 {
			msg = fmt.Sprintf("this %s is indented %s, but the ones beside it are indented %s", what, spaces(l.indent), spaces(beside))
		}
		return yamlFinding{l.n, l.indent + 1, msg, hint, false}, false
	}
	return yamlFinding{}, true
}

// showLine quotes line n of src with a caret under column col, tabs shown as →,
// for an error message.
func showLine(src string, n, col, offset int) string {
	lines := strings.Split(src, "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	text := strings.TrimRight(strings.ReplaceAll(lines[n-1], "\t", "→"), "\r")
	if col < 1 {
		col = 1
	}
	pad := utf8.RuneCountInString(lines[n-1][:min(col-1, len(lines[n-1]))])
	num := fmt.Sprint(n + offset)
	return fmt.Sprintf("\n    %s | %s\n    %s | %s^", num, text, strings.Repeat(" ", len(num)), strings.Repeat(" ", pad))
}

// yamlSyntaxIssue explains a YAML syntax error of front matter that the parser
// reported at line (of src, from 1) with msg. Lines of src are offset lines into the file.
func yamlSyntaxIssue(src []byte, offset, line int, msg string) *Issue {
	is := ExplainYAML(src, line, "the front matter is not valid YAML: ",
		"check this line and the one above it: each field is `name: value`, list items start with `- `, and a value with a colon needs quotes", msg, offset)
	return &is
}

// ExplainYAML places a YAML syntax error that the parser reported at line (of src,
// from 1) with msg: at the line the scan finds wrong when it finds one, with its
// plain hint, else where the parser says with hint. The message starts with prefix
// and shows the line; line numbers shown and returned are offset lines further on.
func ExplainYAML(src []byte, line int, prefix, hint, msg string, offset int) Issue {
	col := 1
	for _, f := range yamlScan(string(src)) {
		if !f.warning {
			line, col, hint, msg = f.line, f.col, f.hint, f.msg
			break
		}
	}
	return Issue{At: At{offset + line, col}, Msg: prefix + msg + showLine(string(src), line, col, offset), Hint: hint}
}

// yamlWarnings are the scan's warnings for YAML that parsed, at their lines of the file.
func yamlWarnings(src []byte, offset int) []Issue {
	var out []Issue
	for _, f := range yamlScan(string(src)) {
		if f.warning {
			out = append(out, Issue{At: At{offset + f.line, f.col}, Warning: true, Msg: f.msg + showLine(string(src), f.line, f.col, offset), Hint: f.hint})
		}
	}
	return out
}

// spaces says "1 space" or "4 spaces".
func spaces(n int) string {
	if n == 1 {
		return "1 space"
	}
	return fmt.Sprintf("%d spaces", n)
}
