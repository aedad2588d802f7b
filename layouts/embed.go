// Package layouts holds the default look of a guide: the page templates, the partials
// they share, the stylesheet and the favicon. They are built into the program, so a stretchguide
// installed with go install builds any content folder without a layouts folder.
package layouts

import "embed"

// FS holds the templates, the stylesheets, the scripts, the favicon and the
// interface strings of each language (i18n/<lang>.yaml).
//
//go:embed *.html *.css *.js *.svg i18n/*.yaml
var FS embed.FS
