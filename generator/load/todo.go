package load

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/yuin/goldmark/ast"
	"go.yaml.in/yaml/v3"
)

// todoRE finds the word TODO, which `stretchguide new` puts where text is still to
// be written.
var todoRE = regexp.MustCompile(`\bTODO\b`)

const todoHint = "write the text it stands for, or delete it"

// findTodos lists the TODO warnings of one document.
func (d *Document) findTodos() diag.List {
	var problems diag.List
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
				problems.Warnf(d.Display, n.Line, n.Column, todoHint, "a TODO is left in the front matter")
			}
		}
	}
	walk(d.Matter)
	if !bytes.Contains(d.Body, []byte("TODO")) {
		return problems // most pages: no need to walk the body
	}
	_ = ast.Walk(d.Tree, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.CodeSpan, *ast.FencedCodeBlock, *ast.CodeBlock:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if loc := todoRE.FindIndex(n.Segment.Value(d.Body)); entering && loc != nil {
				line, col := d.Position(n.Segment.Start + loc[0])
				if !lines[line] {
					lines[line] = true
					problems.Warnf(d.Display, line, col, todoHint, "a TODO is left in the text")
				}
			}
		}
		return ast.WalkContinue, nil
	})
	return problems
}
