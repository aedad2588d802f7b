package generator

import (
	"fmt"
	"strings"

	"github.com/stretchguide/stretchguide/generator/cms"
	"github.com/stretchguide/stretchguide/generator/guide"
)

// addEditor adds the browser editor, admin/index.html and admin/config.yml, to out.
func addEditor(out map[string][]byte, g *guide.Guide, layouts string) error {
	files, err := cms.Files(g, layouts)
	if err != nil {
		return fmt.Errorf("layouts: admin.html: %w", err)
	}
	for name, b := range files {
		out[name] = b
	}
	return nil
}

// Summary counts what a build made, for the line `build` ends with.
type Summary struct {
	Pages      int // HTML pages written
	Handouts   int // PDF handouts written
	References int // references in the bibliography
}

// summarize counts the pages and handouts among the files out and the guide's references.
func summarize(out map[string][]byte, g *guide.Guide) Summary {
	var s Summary
	for name := range out {
		switch {
		case strings.HasSuffix(name, ".html"):
			s.Pages++
		case strings.HasSuffix(name, ".pdf"):
			s.Handouts++
		}
	}
	if g != nil {
		s.References = len(g.References)
	}
	return s
}
