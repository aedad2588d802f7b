package generator

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"go.yaml.in/yaml/v3"

	"github.com/stretchguide/stretchguide/generator/diag"
)

// todoRE finds the word TODO, which `stretchguide new` puts where text is still to
// be written.
var todoRE = regexp.MustCompile(`\bTODO\b`)

const todoHint = "write the text it stands for, or delete it"

// todos warns about every TODO left in a page's front-matter values and in its body's
// text (not in code, where an example may show one), once per line.
func (l *linker) todos() {
	for _, p := range l.pagesInOrder() {
		d := l.docs[p]
		if d.todos == nil { // found once per document: a Builder keeps documents
			d.todos = findTodos(d)
		}
		l.problems.Append(*d.todos)
	}
}

// findTodos lists the TODO warnings of one document.
func findTodos(d *document) *diag.List {
	problems := &diag.List{}
	lines := map[int]bool{}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 1; i < len(n.Content); i += 2 {
				walk(n.Content[i])
			}
		case yaml.SequenceNode:
			for _, c := range n.Content {
				walk(c)
			}
		case yaml.ScalarNode:
			if strings.Contains(n.Value, "TODO") && todoRE.MatchString(n.Value) && !lines[n.Line] {
				lines[n.Line] = true
				problems.Warnf(d.display, n.Line, n.Column, todoHint, "a TODO is left in the front matter")
			}
		}
	}
	walk(d.matter)
	if !bytes.Contains(d.body, []byte("TODO")) {
		return problems // most pages: no need to walk the body
	}
	_ = ast.Walk(d.tree, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.CodeSpan, *ast.FencedCodeBlock, *ast.CodeBlock:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if loc := todoRE.FindIndex(n.Segment.Value(d.body)); entering && loc != nil {
				line, col := d.position(n.Segment.Start + loc[0])
				if !lines[line] {
					lines[line] = true
					problems.Warnf(d.display, line, col, todoHint, "a TODO is left in the text")
				}
			}
		}
		return ast.WalkContinue, nil
	})
	return problems
}
