package generator

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/front"
	"github.com/stretchguide/stretchguide/generator/scaffold"
)

// New writes the starting file of a new stretch or routine (kind) called title into
// the content folder, and returns its path. The file name comes from the title; an
// existing file is never overwritten. The file names the areas, warning signs,
// stretches and references the guide already has, and points editors to the JSON
// Schema the build writes into the output folder.
func New(opts Options, kind, title string) (string, error) {
	var folder string
	var write func(scaffold.Context) []byte
	switch kind {
	case "stretch":
		folder, write = "stretches", scaffold.Stretch
	case "routine":
		folder, write = "routines", scaffold.Routine
	default:
		return "", fmt.Errorf("cannot make a %q: use stretch or routine", kind)
	}
	slug := scaffold.Slug(title)
	if slug == "" {
		return "", errors.New("the title needs at least one letter or digit: it gives the file its name")
	}
	dir := filepath.Join(opts.content(), folder)
	file := filepath.Join(dir, slug+".md")
	if _, err := os.Stat(opts.content()); err != nil {
		return "", fmt.Errorf("no content folder: %w", err)
	}
	c := contextFor(os.DirFS(opts.content()), opts)
	c.Title, c.Slug = title, slug
	schemaFile := filepath.Join(opts.out(), "schema", kind+".json")
	if rel, err := filepath.Rel(dir, schemaFile); err == nil {
		c.SchemaURL = filepath.ToSlash(rel)
	} else if abs, err := filepath.Abs(schemaFile); err == nil {
		c.SchemaURL = filepath.ToSlash(abs)
	}
	today := opts.Today
	if today.IsZero() {
		today = time.Now()
	}
	c.Today = today.Format("2006-01-02")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return "", fmt.Errorf("%s already exists; it was left as it was (choose another title, or edit that file)", file)
	}
	if err != nil {
		return "", err
	}
	_, err = f.Write(write(c))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(file)
		return "", err
	}
	return file, nil
}

// contextFor lists the ids of the guide in fsys, for a new file's examples and notes.
// Problems in the content do not matter here: whatever loads is used.
func contextFor(fsys fs.FS, opts Options) scaffold.Context {
	var problems diag.List
	ln := loadAndLink(fsys, opts, &problems, newTimer(nil))
	var c scaffold.Context
	if d := ln.Docs[ln.Guide.Home]; d != nil { // areas in the order of the file: the first is the main one
		for _, a := range d.Front.(*front.Site).Areas {
			if a.ID.V != "" {
				c.Areas = append(c.Areas, a.ID.V)
			}
		}
	}
	for _, f := range ln.Guide.Flags {
		c.Flags = append(c.Flags, f.ID)
	}
	for _, s := range ln.Guide.Stretches {
		c.Stretches = append(c.Stretches, s.Slug)
	}
	for _, r := range ln.Guide.References {
		c.References = append(c.References, r.Key)
	}
	sort.Strings(c.Stretches)
	sort.Strings(c.References)
	return c
}
