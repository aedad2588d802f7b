package load

import (
	"bytes"
	"strings"

	"go.yaml.in/yaml/v3"
)

// A TODO is the word TODO, which `stretchguide new` puts where text is still to be
// written: not part of a longer word such as TODOS or MYTODO.

const todoHint = "write the text it stands for, or delete it"

// todoIndex is where the first TODO of b starts, or -1.
func todoIndex(b []byte) int {
	for from := 0; ; {
		i := bytes.Index(b[from:], []byte("TODO"))
		if i < 0 {
			return -1
		}
		i += from
		if (i == 0 || !isWordByte(b[i-1])) && (i+4 == len(b) || !isWordByte(b[i+4])) {
			return i
		}
		from = i + 1
	}
}

// isWordByte is an ASCII letter, digit or underscore: what may not touch a TODO.
func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// matterTodos warns of each TODO left in the values of the front matter n.
func (w *bodyWalk) matterTodos(n *yaml.Node) {
	if n == nil {
		return
	}
	switch n.Kind {
	case yaml.MappingNode:
		for i := 1; i < len(n.Content); i += 2 {
			w.matterTodos(n.Content[i])
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			w.matterTodos(c)
		}
	case yaml.ScalarNode:
		if strings.Contains(n.Value, "TODO") && todoIndex([]byte(n.Value)) >= 0 && !w.lines[n.Line] {
			w.lines[n.Line] = true
			w.todos.Warnf(w.d.Display, n.Line, n.Column, todoHint, "a TODO is left in the front matter")
		}
	}
}

// todo warns of a TODO at offset at of the body, unless its line has one already.
func (w *bodyWalk) todo(at int, msg string) {
	line, col := w.d.Position(at)
	if !w.lines[line] {
		w.lines[line] = true
		w.todos.Warnf(w.d.Display, line, col, todoHint, "%s", msg)
	}
}
