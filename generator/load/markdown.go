package load

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"

	"github.com/stretchguide/stretchguide/generator/citation"
)

// NewParser is the one Markdown parser of the site: GitHub tables and lists,
// typographic quotes and dashes, heading ids and Pandoc citations. Package render
// renders its trees with the same extensions.
func NewParser() parser.Parser {
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Typographer, citation.New(nil)),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	).Parser()
}
