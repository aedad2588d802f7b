// Package layouts holds the default look of a guide: the page templates, the partials
// they share and the stylesheet. They are built into the program, so a stretchguide
// installed with go install builds any content folder without a layouts folder.
package layouts

import "embed"

// FS holds the templates, the stylesheets and the scripts.
//
//go:embed *.html *.css *.js
var FS embed.FS
