// Package cms writes the browser editor of a guide: admin/config.yml, a Decap CMS
// configuration (Sveltia CMS reads the same) generated from the front-matter types of
// package front, the ones the JSON Schemas come from, with the choices filled from
// the guide; and admin/index.html, from the layouts' admin.html, which loads the CMS
// script at a pinned version with its integrity hash.
package cms

import (
	"path"
	"reflect"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/stretchguide/stretchguide/generator/front"
	"github.com/stretchguide/stretchguide/generator/guide"
)

// Config is the part of a Decap CMS configuration the guide writes.
type Config struct {
	Backend      Backend      `yaml:"backend"`
	PublishMode  string       `yaml:"publish_mode"`
	SiteURL      string       `yaml:"site_url,omitempty"`
	MediaFolder  string       `yaml:"media_folder"`
	PublicFolder string       `yaml:"public_folder"`
	Collections  []Collection `yaml:"collections"`
}

// Backend says where the editor reads and saves the content.
type Backend struct {
	Name   string `yaml:"name"`
	Repo   string `yaml:"repo,omitempty"`
	Branch string `yaml:"branch,omitempty"`
}

// Collection is a folder of entries (stretches, routines, pages) or a list of files.
type Collection struct {
	Name         string  `yaml:"name"`
	Label        string  `yaml:"label"`
	Description  string  `yaml:"description,omitempty"`
	Folder       string  `yaml:"folder,omitempty"`
	Create       bool    `yaml:"create,omitempty"`
	Extension    string  `yaml:"extension,omitempty"`
	Format       string  `yaml:"format,omitempty"`
	Slug         string  `yaml:"slug,omitempty"`
	MediaFolder  *string `yaml:"media_folder,omitempty"`
	PublicFolder *string `yaml:"public_folder,omitempty"`
	Files        []File  `yaml:"files,omitempty"`
	Fields       []Field `yaml:"fields,omitempty"`
}

// File is one file of a file collection.
type File struct {
	Name   string  `yaml:"name"`
	Label  string  `yaml:"label"`
	File   string  `yaml:"file"`
	Fields []Field `yaml:"fields"`
}

// Build makes the configuration for guide g: its GitHub repository is
// g.Site.CMSRepo; without one the editor uses Netlify's Git Gateway.
func Build(g *guide.Guide) Config {
	from := guideChoices(g)
	body := Field{Label: "Text", Name: "body", Widget: "markdown", Required: true, Hint: "The page in Markdown. Cite a reference as [@key]."}
	beside := "" // pictures sit beside their page, as image: bridge.svg reads them
	folder := func(name, label, dir string, t reflect.Type, desc string) Collection {
		return Collection{Name: name, Label: label, Description: desc, Folder: "content/" + dir, Create: true,
			Extension: "md", Format: "frontmatter", Slug: "{{slug}}", MediaFolder: &beside, PublicFolder: &beside,
			Fields: append(fields(t, "", from), body)}
	}
	c := Config{
		Backend:      Backend{Name: "git-gateway", Branch: "main"},
		PublishMode:  "editorial_workflow",
		SiteURL:      g.Site.BaseURL,
		MediaFolder:  "content/stretches",
		PublicFolder: "",
		Collections: []Collection{
			folder("stretches", "Stretches", "stretches", reflect.TypeFor[front.Stretch](), "One stretch per file, with its picture beside it."),
			folder("routines", "Routines", "routines", reflect.TypeFor[front.Routine](), "Stretches in order, for a time of day."),
			folder("pages", "Pages", "pages", reflect.TypeFor[front.Page](), "Pages of plain text, such as About."),
			{Name: "warning-signs", Label: "Warning signs", Files: []File{{Name: "red-flags", Label: "Warning signs",
				File: "content/red-flags.md", Fields: append(fields(reflect.TypeFor[front.RedFlags](), "", from), body)}}},
			{Name: "references", Label: "References", Files: referenceFiles(g, from)},
		},
	}
	if g.Site.CMSRepo != "" {
		c.Backend = Backend{Name: "github", Repo: g.Site.CMSRepo, Branch: "main"}
	}
	return c
}

// referenceFiles are the CSL-YAML files of the guide, each a list under references:.
func referenceFiles(g *guide.Guide, from choices) []File {
	ref := Field{Label: "References", Name: "references", Widget: "list", Required: true,
		Hint: "One entry per work the guide cites.", Fields: fields(reflect.TypeFor[front.Reference](), "references", from)}
	ref.Summary = "{{fields.id}}: {{fields.title}}"
	seen := map[string]bool{}
	var files []File
	for _, r := range g.References {
		i := strings.LastIndex(r.Pos.Path, "references/")
		rel := r.Pos.Path[max(i, 0):]
		if i < 0 || seen[rel] || path.Ext(rel) != ".yaml" && path.Ext(rel) != ".yml" {
			continue
		}
		seen[rel] = true
		name := strings.TrimSuffix(path.Base(rel), path.Ext(rel))
		files = append(files, File{Name: name, Label: rel, File: "content/" + rel, Fields: []Field{ref}})
	}
	if len(files) == 0 {
		files = []File{{Name: "references", Label: "references/references.yaml", File: "content/references/references.yaml", Fields: []Field{ref}}}
	}
	return files
}

// guideChoices are the select options that come from the guide itself.
func guideChoices(g *guide.Guide) choices {
	c := choices{}
	for _, a := range g.Areas {
		c["areas"] = append(c["areas"], Option{Label: a.Title, Value: a.ID})
	}
	for _, f := range g.Flags {
		c["red_flags"] = append(c["red_flags"], Option{Label: f.Title, Value: f.ID})
	}
	for _, s := range g.Stretches {
		c["steps.stretch"] = append(c["steps.stretch"], Option{Label: s.Title, Value: s.Slug})
	}
	for _, r := range g.References {
		c["citations"] = append(c["citations"], Option{Label: r.Key + ": " + r.Title, Value: r.Key})
	}
	return c
}

// YAML is the configuration as admin/config.yml holds it.
func (c Config) YAML() []byte {
	b, err := yaml.Marshal(c)
	if err != nil {
		panic(err) // structs of strings and numbers always encode
	}
	return append([]byte("# Written by stretchguide build from the content contract; edit content/_index.md (cms_repo), not this file.\n"), b...)
}
