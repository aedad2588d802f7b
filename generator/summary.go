package generator

import (
	"strings"

	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/render"
)

// Summary counts what a build made, for the line `build` ends with.
type Summary struct {
	Pages      int // HTML pages written
	Handouts   int // PDF handouts written
	References int // references in the bibliography
}

// summarize counts the pages and handouts among the files out and the guide's references.
func summarize(out render.Files, g *guide.Guide) Summary {
	var s Summary
	count := func(name string) {
		switch {
		case strings.HasSuffix(name, ".html"):
			s.Pages++
		case strings.HasSuffix(name, ".pdf"):
			s.Handouts++
		}
	}
	for name := range out.Data {
		count(name)
	}
	for name := range out.Spooled {
		count(name)
	}
	if g != nil {
		s.References = len(g.References)
	}
	return s
}
