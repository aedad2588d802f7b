package render

import (
	"bytes"
	"io"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"github.com/stretchguide/stretchguide/generator/citation"
	"github.com/stretchguide/stretchguide/generator/link"
	"github.com/stretchguide/stretchguide/generator/load"
)

// NewMarkdown is the one Markdown configuration of the site, for rendering the trees
// load.NewParser parsed: GitHub tables and lists, typographic quotes and dashes,
// Pandoc citations written through the layouts, and code highlighted by chroma with
// CSS classes. Link destinations and citations are looked up in t. Raw HTML is never
// passed through: goldmark drops it unless told otherwise, and it is not told.
func NewMarkdown(ls *Layouts, t *link.Table) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Typographer, citation.New(ls.citation(t))),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(
			util.Prioritized(codeRenderer{}, 100), util.Prioritized(newLinkRenderer(t), 100))),
	)
}

// RenderBody writes the body of document d as HTML through md, a NewMarkdown with
// table t: it parses the body again (documents keep no tree) and binds the tree to
// what t resolved for d while it renders.
func RenderBody(w io.Writer, md goldmark.Markdown, t *link.Table, d *load.Document) error {
	tree, body := d.Parse()
	defer t.Bind(d, tree)()
	return md.Renderer().Render(w, body, tree)
}

// linkRenderer renders links and images as goldmark does, to the destinations the
// table resolved: it hands goldmark's own renderer a copy of the node that holds
// the resolved destination, and leaves the tree as it is.
type linkRenderer struct {
	t           *link.Table
	link, image renderer.NodeRendererFunc
}

func newLinkRenderer(t *link.Table) *linkRenderer {
	r := &linkRenderer{t: t}
	html.NewRenderer().RegisterFuncs(registerFunc(func(k ast.NodeKind, f renderer.NodeRendererFunc) {
		switch k {
		case ast.KindLink:
			r.link = f
		case ast.KindImage:
			r.image = f
		}
	}))
	return r
}

// registerFunc collects the functions a goldmark node renderer registers.
type registerFunc func(ast.NodeKind, renderer.NodeRendererFunc)

func (f registerFunc) Register(k ast.NodeKind, fn renderer.NodeRendererFunc) { f(k, fn) }

func (r *linkRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, r.renderLink)
	reg.Register(ast.KindImage, r.renderImage)
}

func (r *linkRenderer) renderLink(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return r.link(w, source, n, entering)
	}
	cp := *n.(*ast.Link)
	cp.Destination = r.t.Destination(n)
	return r.link(w, source, &cp, entering)
}

func (r *linkRenderer) renderImage(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return r.image(w, source, n, entering)
	}
	cp := *n.(*ast.Image)
	cp.Destination = r.t.Destination(n)
	return r.image(w, source, &cp, entering)
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
