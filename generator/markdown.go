package generator

import (
	"bytes"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"github.com/stretchguide/stretchguide/generator/citation"
)

// newMarkdown is the one Markdown configuration of the site: GitHub tables and lists,
// typographic quotes and dashes, heading ids, Pandoc citations, and code highlighted by
// chroma with CSS classes. Raw HTML is never passed through: goldmark drops it unless
// told otherwise, and it is not told. cite writes a citation's HTML; nil uses the
// extension's default.
func newMarkdown(cite citation.RenderFunc) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Typographer, citation.New(cite)),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(codeRenderer{}, 100))),
	)
}

// codeStyle and codeStyleDark are the chroma styles whose classes the stylesheet
// carries, for light and dark screens.
const (
	codeStyle     = "github"
	codeStyleDark = "github-dark"
)

// codeRenderer renders fenced code blocks through chroma.
type codeRenderer struct{}

func (codeRenderer) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(ast.KindFencedCodeBlock, renderCode)
}

func renderCode(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	block := n.(*ast.FencedCodeBlock)
	var code bytes.Buffer
	for i := 0; i < block.Lines().Len(); i++ {
		line := block.Lines().At(i)
		code.Write(line.Value(source))
	}
	lexer := lexers.Get(string(block.Language(source)))
	if lexer == nil {
		lexer = lexers.Fallback
	}
	it, err := chroma.Coalesce(lexer).Tokenise(nil, code.String())
	if err != nil {
		return ast.WalkStop, err
	}
	return ast.WalkSkipChildren, chromahtml.New(chromahtml.WithClasses(true)).Format(w, styles.Get(codeStyle), it)
}

// codeCSS is the stylesheet for highlighted code: the light style, overridden by the
// dark one on screens set to dark mode, so code keeps its contrast there too.
func codeCSS() []byte {
	var b bytes.Buffer
	f := chromahtml.New(chromahtml.WithClasses(true))
	_ = f.WriteCSS(&b, styles.Get(codeStyle))
	b.WriteString("@media screen and (prefers-color-scheme: dark) {\n")
	_ = f.WriteCSS(&b, styles.Get(codeStyleDark))
	b.WriteString("}\n")
	return b.Bytes()
}
