package citation

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

type htmlRenderer struct {
	render RenderFunc
}

// NewHTMLRenderer returns a renderer for citation nodes that calls render, or
// the default renderer described at New when render is nil.
func NewHTMLRenderer(render RenderFunc) renderer.NodeRenderer {
	if render == nil {
		render = renderDefault
	}
	return &htmlRenderer{render: render}
}

// RegisterFuncs implements renderer.NodeRenderer.
func (r *htmlRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindCitation, r.renderCitation)
}

func (r *htmlRenderer) renderCitation(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	if err := r.render(w, node.(*Node)); err != nil {
		return ast.WalkStop, err
	}
	return ast.WalkSkipChildren, nil
}

// renderDefault writes (prefix <a href="Href">Label, Suffix</a>; ...) in a
// span; a suffix that starts with closing punctuation (".", ":") follows the
// label without the comma.
func renderDefault(w util.BufWriter, n *Node) error {
	_, _ = w.WriteString(`<span class="citation">(`)
	for i, it := range n.Items {
		if i > 0 {
			_, _ = w.WriteString("; ")
		}
		if it.Prefix != "" {
			writeEscaped(w, it.Prefix)
			_ = w.WriteByte(' ')
		}
		href, label := it.Href, it.Label
		if href == "" {
			href = "#ref-" + it.Key
		}
		if label == "" {
			label = it.Key
		}
		_, _ = w.WriteString(`<a href="`)
		_, _ = w.Write(util.EscapeHTML(util.URLEscape([]byte(href), false)))
		_, _ = w.WriteString(`">`)
		writeEscaped(w, label)
		if it.Suffix != "" {
			if !strings.ContainsRune(".,:!?", rune(it.Suffix[0])) {
				_, _ = w.WriteString(", ")
			}
			writeEscaped(w, it.Suffix)
		}
		_, _ = w.WriteString("</a>")
	}
	_, err := w.WriteString(")</span>")
	return err
}

func writeEscaped(w util.BufWriter, s string) {
	_, _ = w.Write(util.EscapeHTML([]byte(s)))
}
