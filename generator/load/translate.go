package load

import (
	"path"
	"reflect"
	"regexp"
	"slices"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/front"
	"github.com/stretchguide/stretchguide/generator/guide"
)

// langRE matches the language part of a translation's name: bridge.es.md, _index.pt-br.md.
var langRE = regexp.MustCompile(`\.([a-z]{2,3}(?:-[a-z0-9]{2,8})?)\.md$`)

// translationOf says, for the path of a translation (stretches/bridge.es.md), the
// path of its original (stretches/bridge.md) and its language; "" for other paths.
func translationOf(p string) (orig, lang string) {
	m := langRE.FindStringSubmatchIndex(p)
	if m == nil {
		return "", ""
	}
	return p[:m[0]] + ".md", p[m[2]:m[3]]
}

// Languages are the languages the guide is published in, the default first: the
// languages field of _index.md, or its language alone.
func (c *Content) Languages() []string {
	if c.Home == nil {
		return []string{"en"}
	}
	fm := c.Home.Front.(*front.Site)
	var langs []string
	for _, l := range fm.Languages {
		if l.V != "" && !slices.Contains(langs, l.V) {
			langs = append(langs, l.V)
		}
	}
	if len(langs) == 0 {
		langs = []string{fm.Language.V}
		if langs[0] == "" {
			langs[0] = "en"
		}
	}
	return langs
}

// CheckTranslations reports translations in a language the guide does not list,
// and translations without an original.
func (c *Content) CheckTranslations(problems *diag.List) {
	langs := c.Languages()
	origs := c.byPath()
	for _, t := range c.Translations {
		orig, lang := translationOf(t.Path)
		switch {
		case origs[orig] == nil:
			problems.Errorf(t.Display, 1, 1, "rename it after the page it translates, or add "+orig+" in the default language",
				"this translation has no original: there is no %s beside it", path.Base(orig))
		case !slices.Contains(langs[1:], lang):
			problems.Errorf(t.Display, 1, 1, "add "+lang+" to languages in _index.md, like languages: ["+langs[0]+", "+lang+"]",
				"this is a translation into %q, which is not one of the guide's other languages", lang)
		}
	}
}

func (c *Content) byPath() map[string]*Document {
	m := make(map[string]*Document, len(c.Stretches)+len(c.Routines)+len(c.Pages)+2)
	for _, d := range append([]*Document{c.Home, c.RedFlags}, slices.Concat(c.Stretches, c.Routines, c.Pages)...) {
		if d != nil {
			m[d.Path] = d
		}
	}
	return m
}

// Translate is the content of the guide in lang: each original that has a
// translation into lang, merged with it (Merge); the home page and the warning signs
// stay in the default language when they have none. The references are the same
// works, each a copy: link fills in the pages that cite it, and in lang only the
// translated pages do.
func (c *Content) Translate(lang string, problems *diag.List) *Content {
	tc := &Content{Home: c.Home, RedFlags: c.RedFlags, Files: c.Files, Pictures: c.Pictures, Spill: c.Spill}
	tc.References = make([]*guide.Reference, len(c.References))
	for i, r := range c.References {
		cp := *r
		cp.CitedBy = nil
		tc.References[i] = &cp
	}
	origs := c.byPath()
	tc.Elsewhere = map[string]string{}
	for p, d := range origs {
		tc.Elsewhere[p] = "../" + defaultURL(d)
	}
	for _, t := range c.Translations {
		orig, l := translationOf(t.Path)
		if l != lang || origs[orig] == nil {
			continue
		}
		delete(tc.Elsewhere, orig)
		m := Merge(origs[orig], t)
		if m.Outdated {
			problems.Warnf(t.Display, 1, 1, "update it to match "+path.Base(orig)+", then set its reviewed date",
				"this translation needs review: %s was reviewed after it", path.Base(orig))
		}
		tc.Add(m, nil)
	}
	if tc.Home != nil { // the site's settings, in lang
		h := *tc.Home
		fm := *h.Front.(*front.Site)
		fm.Language = front.Str{V: lang}
		h.Front = &fm
		tc.Home = &h
	}
	return tc
}

// defaultURL is the address of an original's page relative to the site root, as
// package link gives it.
func defaultURL(d *Document) string {
	switch d.Kind {
	case guide.KindHome:
		return ""
	case guide.KindStretch:
		return "stretches/" + d.Slug + "/"
	case guide.KindRoutine:
		return "routines/" + d.Slug + "/"
	}
	return d.Slug + "/"
}

// Merge is translation t of original o as one document: t's body and the front
// matter fields t gives, the other fields from o, and o's path (links to it resolve
// as to o) while messages name t's file. The review fields are never taken from o:
// a translation is reviewed on its own.
func Merge(o, t *Document) *Document {
	m := *t
	m.Path, m.Lang = o.Path, ""
	m.Slug = o.Slug
	ov, tv := reflect.ValueOf(o.Front).Elem(), reflect.ValueOf(t.Front).Elem()
	fm := reflect.New(ov.Type())
	fm.Elem().Set(ov)
	given := map[string]bool{"reviewed": true, "reviewer": true, "language": true, "languages": true}
	for _, f := range t.fields {
		given[f.key] = true
	}
	for _, f := range front.Fields(ov.Type()) {
		if given[f.Name] {
			fm.Elem().Field(f.Index).Set(tv.Field(f.Index))
		}
	}
	m.Front = fm.Interface()
	rt, ro := reviewed(t), reviewed(o)
	m.Outdated = rt.Set() && ro.Set() && rt.V.Before(ro.V)
	return &m
}

// reviewed is the day a document was last reviewed, zero when it was not.
func reviewed(d *Document) front.Date {
	v := reflect.ValueOf(d.Front).Elem().FieldByName("Reviewed")
	if !v.IsValid() {
		return front.Date{}
	}
	return v.Interface().(front.Date)
}
