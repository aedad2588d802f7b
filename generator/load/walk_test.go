package load

import (
	"bytes"
	"html"
	"io/fs"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/yuin/goldmark/ast"
	"go.yaml.in/yaml/v3"

	"github.com/stretchguide/stretchguide/generator/citation"
	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/front"
	"github.com/stretchguide/stretchguide/generator/readability"
	"github.com/stretchguide/stretchguide/generator/words"
	"github.com/stretchguide/stretchguide/internal/corpus"
)

// The functions below are the four walks a document's body took before walkBody
// did their work in one; TestOneWalkAsFour checks that it gives what they gave.

// scan finds the ids of the body's headings and its link sites.
func (d *Document) oldScan() (anchors map[string]bool, sites []ast.Node) {
	anchors = map[string]bool{}
	_ = ast.Walk(d.parse(d.body), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			if id, ok := n.AttributeString("id"); ok {
				if s, ok := id.([]byte); ok {
					anchors[string(s)] = true
				}
			}
		case *ast.Link, *ast.Image:
			sites = append(sites, n)
		case *citation.Node:
			sites = append(sites, n)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return anchors, sites
}

// plainText is the plain text of the body, for the search index.
func (d *Document) oldPlainText() string {
	var b strings.Builder
	_ = ast.Walk(d.parse(d.body), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			b.Write(n.Segment.Value(d.body))
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String: // typographic quotes and dashes, as HTML entities
			b.Write(n.Value)
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			return ast.WalkSkipChildren, nil
		default:
			if n.Type() == ast.TypeBlock {
				b.WriteByte(' ')
			}
		}
		return ast.WalkContinue, nil
	})
	return html.UnescapeString(b.String())
}

// measure counts the text a patient reads on the page of d: the prose
// fields of its front matter and its Markdown body, without code, citations, raw
// HTML or addresses. Positions are body offsets, or -line for front-matter values.
func (d *Document) oldMeasure(matter *yaml.Node, t readability.Text) readability.Stats {
	matterProse(matter, false, func(s string, line int) { t.Add(s, -line); t.EndBlock() })
	var buf strings.Builder
	at := -1
	flush := func() {
		if buf.Len() > 0 {
			t.Add(buf.String(), at)
		}
		buf.Reset()
		at = -1
	}
	_ = ast.Walk(d.parse(d.body), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.CodeSpan, *ast.HTMLBlock, *ast.RawHTML, *ast.AutoLink, *ast.Image, *citation.Node:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if entering {
				if at < 0 {
					at = n.Segment.Start
				}
				buf.Write(n.Segment.Value(d.body))
				if n.SoftLineBreak() || n.HardLineBreak() {
					flush() // a line is a unit of position, and ends a word
				}
			}
		case *ast.String:
			if entering {
				buf.WriteString(html.UnescapeString(string(n.Value)))
			}
		default:
			if !entering && n.Type() == ast.TypeBlock {
				flush()
				t.EndBlock()
			}
		}
		return ast.WalkContinue, nil
	})
	flush()
	return t.Stats()
}

var oldTodoRE = regexp.MustCompile(`\bTODO\b`)

// findTodos lists the TODO warnings of one document.
func (d *Document) oldFindTodos(matter *yaml.Node) diag.List {
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
			if strings.Contains(n.Value, "TODO") && oldTodoRE.MatchString(n.Value) && !lines[n.Line] {
				lines[n.Line] = true
				problems.Warnf(d.Display, n.Line, n.Column, todoHint, "a TODO is left in the front matter")
			}
		}
	}
	walk(matter)
	if !bytes.Contains(d.body, []byte("TODO")) {
		return problems // most pages: no need to walk the body
	}
	_ = ast.Walk(d.parse(d.body), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.CodeSpan, *ast.FencedCodeBlock, *ast.CodeBlock:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if loc := oldTodoRE.FindIndex(n.Segment.Value(d.body)); entering && loc != nil {
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

func sameAsFourWalks(t *testing.T, fsys fs.FS, d *Document) {
	t.Helper()
	src, err := fs.ReadFile(fsys, d.Path)
	if err != nil {
		t.Fatal(err)
	}
	m, _ := front.Split(src)
	if d.MatterLine != m.Node.Line {
		t.Errorf("%s: the front matter is at line %d, want %d", d.Path, d.MatterLine, m.Node.Line)
	}
	for i := 0; i+1 < len(m.Node.Content); i += 2 {
		k, v := m.Node.Content[i].Value, m.Node.Content[i+1]
		if l, c := d.MatterValueAt(k); l != v.Line || c != v.Column {
			t.Errorf("%s: %s's value at %d:%d, want %d:%d", d.Path, k, l, c, v.Line, v.Column)
		}
	}
	matter := m.Node // the old walks read the whole front matter
	anchors, nodes := d.oldScan()
	if !reflect.DeepEqual(anchors, d.Anchors) || !reflect.DeepEqual(siteRecords(nodes), d.Sites()) {
		t.Errorf("%s: anchors %v, sites %d; four walks give %v, %d", d.Path, d.Anchors, len(d.Sites()), anchors, len(nodes))
	}
	if w := words.List("", d.oldPlainText()); w != d.Words() {
		t.Errorf("%s: words\n%q\nfour walks give\n%q", d.Path, d.Words(), w)
	}
	if r := d.oldMeasure(matter, readability.Text{}); r != d.Reading {
		t.Errorf("%s: reading %+v; four walks give %+v", d.Path, d.Reading, r)
	}
	if got, r := d.ReadingIn("es"), d.oldMeasure(matter, readability.NewText("es")); got != r {
		t.Errorf("%s: reading in Spanish %+v; a walk of its own gives %+v", d.Path, got, r)
	}
	if todos := d.oldFindTodos(matter); !reflect.DeepEqual(todos, d.Todos) {
		t.Errorf("%s: todos %v; four walks give %v", d.Path, d.Todos, todos)
	}
}

func TestOneWalkAsFour(t *testing.T) {
	type folder struct {
		fsys fs.FS
		c    *Content
	}
	folders := map[string]folder{}
	var problems diag.List
	for _, dir := range []string{"../../content", "../testdata/site", "../starter/content"} {
		if _, err := os.Stat(dir); err == nil {
			folders[dir] = folder{os.DirFS(dir), Load(os.DirFS(dir), dir, NewParser(), &problems)}
		}
	}
	synthetic := fstest.MapFS{}
	for p, src := range corpus.Files(60) {
		synthetic[p] = &fstest.MapFile{Data: src}
	}
	synthetic["pages/todo.md"] = &fstest.MapFile{Data: []byte("---\ntitle: TODO\nsummary: \"A TODO, and TODOS\"\n---\n" +
		"# Head TODO\n\nSome TODO here, `TODO` there, _TODO_ and MYTODO.\n\n    TODO code\n\n" +
		"Dr. Smith's \"quote\" -- and [link](x.md) ![alt TODO](p.svg) [@key, p. 2] <b>raw</b> https://x.org\n" +
		"\n> quoted TODO\n\n- one\n- two TODO\n\n| a | b |\n|---|---|\n| TODO | &amp; |\n")}
	folders["synthetic"] = folder{synthetic, Load(synthetic, "content", NewParser(), &problems)}
	n := 0
	for _, f := range folders {
		c := f.c
		docs := append(append(append([]*Document{c.Home, c.RedFlags}, c.Stretches...), c.Routines...), c.Pages...)
		for _, d := range docs {
			if d != nil {
				sameAsFourWalks(t, f.fsys, d)
				n++
			}
		}
	}
	if n < 80 {
		t.Fatalf("only %d documents compared", n)
	}
}
