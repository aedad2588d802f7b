package cms

import (
	"bytes"
	"html/template"
	"io/fs"

	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/layouts"
)

// The CMS script the admin page loads: Decap CMS at a pinned version, from its
// published npm package, with the SHA-384 of that exact file (dist/decap-cms.js of
// the npm tarball). package.json pins the same version for the browser test.
const (
	Version   = "3.16.3"
	ScriptURL = "https://unpkg.com/decap-cms@" + Version + "/dist/decap-cms.js"
	Integrity = "sha384-A/Gdn928CNLufmnGWGs9RM4Q9o8bSNLeJERqBFrBjwzL7FRpoLT3MPF8Tl0+Wd2p"
)

// page is what admin.html sees.
type page struct {
	Title, Language, ScriptURL, Integrity string
}

// Files are admin/index.html and admin/config.yml for guide g, the page made from
// src, the admin.html of the layouts (see DefaultPage).
func Files(g *guide.Guide, src []byte) (map[string][]byte, error) {
	t, err := template.New("admin.html").Parse(string(src))
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := t.Execute(&b, page{g.Site.Title, g.Site.Language, ScriptURL, Integrity}); err != nil {
		return nil, err
	}
	return map[string][]byte{"admin/index.html": b.Bytes(), "admin/config.yml": Build(g).YAML()}, nil
}

// DefaultPage is admin.html of the built-in look, for a layouts folder without one.
func DefaultPage() ([]byte, error) { return fs.ReadFile(layouts.FS, "admin.html") }
