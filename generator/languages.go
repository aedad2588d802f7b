package generator

import (
	"strings"

	"github.com/stretchguide/stretchguide/generator/check"
	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/link"
	"github.com/stretchguide/stretchguide/generator/load"
	"github.com/stretchguide/stretchguide/generator/memo"
	"github.com/stretchguide/stretchguide/generator/render"
)

// translated is the guide in one of its other languages, published below Prefix.
type translated struct {
	lang string
	ln   *link.Linked
}

// linkLanguages links the guide in each language after the default one, from the
// translations beside the originals (load.Content.Translate). Only the problems of
// the translations' own files are kept: the shared ones were reported already.
func (b *Builder) linkLanguages(c *load.Content, problems *diag.List) []translated {
	var out []translated
	for _, lang := range c.Languages()[1:] {
		var list diag.List
		tc := c.Translate(lang, &list)
		ln := link.LinkReusing(tc, b.opts.BaseURL, &list, b.reuse(lang))
		list.Append(check.Content(ln))
		own := map[string]bool{}
		for _, d := range c.Translations {
			own[d.Display] = true
		}
		for _, d := range list {
			if own[d.Path] {
				problems.Add(d)
			}
		}
		s := &ln.Guide.Site
		s.BasePath += lang + "/"
		if s.BaseURL != "" {
			s.BaseURL += lang + "/"
		}
		out = append(out, translated{lang, ln})
	}
	return out
}

// languages describes every language version of the site for hreflang links and
// the language switcher; nil when the site has one language.
func languages(ln *link.Linked, others []translated) []render.Language {
	if len(others) == 0 {
		return nil
	}
	all := []render.Language{language(ln.Guide.Site.Language, "", ln)}
	for _, t := range others {
		all = append(all, language(t.lang, t.lang+"/", t.ln))
	}
	return all
}

func language(code, prefix string, ln *link.Linked) render.Language {
	return render.Language{Code: code, Prefix: prefix, Pages: render.Published(ln.Guide)}
}

// renderLanguages renders each other language into out below its prefix, with
// every handout made now. The editor and robots.txt exist once, at the root.
func (b *Builder) renderLanguages(out render.Files, langs []render.Language, others []translated, opts render.Options) error {
	for i, t := range others {
		o := opts
		o.LazyPDF, o.Languages, o.Current = false, langs, i+1
		files, _, err := render.Site(t.ln, b.ls, o, b.memo)
		if err != nil {
			return err
		}
		for name, data := range files.Data {
			if name == "robots.txt" || strings.HasPrefix(name, "admin/") {
				continue
			}
			out.Data[t.lang+"/"+name] = data
		}
		for name, page := range files.Spooled {
			out.Spooled[t.lang+"/"+name] = page
		}
	}
	return nil
}

// checkLanguages applies the safety rule to the pages of each other language, as
// Check does to the default one: only translated pages are there, so each problem
// is reported once, at the translation's file.
func checkLanguages(ln *link.Linked, others []translated, ls *render.Layouts, problems *diag.List) {
	langs := languages(ln, others)
	for i, t := range others {
		out, _, err := render.Site(t.ln, ls, render.Options{Languages: langs, Current: i + 1}, memo.New())
		if err != nil {
			problems.Errorf("layouts", 0, 0, "fix the template named in the message", "%s: %v", t.lang, err)
			continue
		}
		page := func(p *guide.Page) []byte { return out.Data[render.PageFile(p.URL)] }
		problems.Append(check.Safety(t.ln, page, render.Layout))
	}
}
