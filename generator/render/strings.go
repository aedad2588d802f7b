package render

import (
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/i18n"
	"github.com/stretchguide/stretchguide/generator/pdf"
)

// goKeys are the interface strings render itself uses, besides i18n.GoKeys.
var goKeys = []string{
	"urgency.emergency", "urgency.urgent", "urgency.soon",
	"grade.high", "grade.moderate", "grade.low", "grade.very_low", "signs.call",
	"page.stretches_title", "page.stretches_summary", "page.references_title", "page.notfound_title",
	"page.progress_title", "page.progress_summary", "page.make_title", "page.make_summary",
	"search_kind.stretch", "search_kind.routine", "search_kind.sign", "search_kind.page",
	"search_kind.area", "search_kind.position", "review.unreviewed", "review.reviewed_on_by",
}

func init() {
	for _, p := range guide.Positions {
		goKeys = append(goKeys, "position."+p.ID+".title", "position."+p.ID+".summary")
	}
}

// scriptPrefix starts the keys of the strings the browser scripts show; a script
// names them without it, as tr('finder.see', n). The scripts also say durations and
// doses as the program does, with the keys of sharedPrefixes as they are.
const scriptPrefix = "js."

var sharedPrefixes = []string{"duration.", "dose."}

// stringsScript is the layouts script that gives the other scripts their strings
// (tr): the site writes it with the strings of its language first (withStrings), so
// that a browser fetches them once for the whole site rather than with every page.
const stringsScript = "strings.js"

// withStrings is script src, strings.js, after a line that hands it strs, the JSON
// scriptStrings makes, as self.uiStrings.
func withStrings(src []byte, strs template.JS) []byte {
	b := make([]byte, 0, len(strs)+len(src)+24)
	b = append(b, "self.uiStrings = "...)
	b = append(b, strs...)
	b = append(b, ";\n"...)
	return append(b, src...)
}

// scriptStrings is the JSON of the strings the scripts of a page in c's language
// use. json.Marshal escapes <, > and &, so it can stand in a script.
func scriptStrings(c *i18n.Catalog) template.JS {
	all := c.Script(scriptPrefix)
	for _, p := range sharedPrefixes {
		for k, v := range c.Script(p) {
			all[p+k] = v
		}
	}
	b, err := json.Marshal(all)
	if err != nil {
		return "{}"
	}
	return template.JS(b)
}

// scriptKeyOf is the catalog key a script's tr('key') names.
func scriptKeyOf(k string) string {
	for _, p := range sharedPrefixes {
		if strings.HasPrefix(k, p) {
			return k
		}
	}
	return scriptPrefix + k
}

var (
	templateKey = regexp.MustCompile(`\bT\s+"([^"]+)"`)
	scriptKey   = regexp.MustCompile(`\btr\(\s*'([^']+)'`)
)

// use is where a layouts file uses a key.
type use struct {
	file string
	line int
}

// scanKeys finds the keys the templates (T "key") and the scripts (tr('key')) of
// the layouts folder use.
func scanKeys(fsys fs.FS) map[string][]use {
	used := map[string][]use{}
	for _, pattern := range []string{"*.html", "*.js"} {
		names, _ := fs.Glob(fsys, pattern)
		re, key := templateKey, func(k string) string { return k }
		if pattern == "*.js" {
			re, key = scriptKey, scriptKeyOf
		}
		for _, name := range names {
			b, _ := fs.ReadFile(fsys, name)
			for i, line := range strings.Split(string(b), "\n") {
				for _, m := range re.FindAllStringSubmatch(line, -1) {
					k := key(m[1])
					used[k] = append(used[k], use{"layouts/" + name, i + 1})
				}
			}
		}
	}
	for _, k := range slices.Concat(i18n.GoKeys, goKeys, pdf.Keys) {
		used[k] = append(used[k], use{"the program", 0})
	}
	return used
}

// StringProblems checks the interface strings: a key the layouts or the program
// use that a language's catalog lacks is an error at that catalog; a key of a
// catalog nothing uses is a warning at its line. dir is the layouts folder, ""
// for the built-in one.
func (ls *Layouts) StringProblems(dir string) diag.List {
	var list diag.List
	at := func(file string) string {
		if dir == "" || !strings.HasPrefix(file, "layouts/") {
			return file
		}
		return filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(file, "layouts/")))
	}
	langs := make([]string, 0, len(ls.catalogs))
	for lang := range ls.catalogs {
		langs = append(langs, lang)
	}
	sort.Strings(langs)
	keys := make([]string, 0, len(ls.used))
	for k := range ls.used {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, lang := range langs {
		c := ls.catalogs[lang]
		file := c.File
		if ls.ownCatalogs {
			file = at(file)
		}
		for _, k := range keys {
			if _, ok := c.Message(k); ok {
				continue
			}
			u := ls.used[k][0]
			where := at(u.file)
			if u.line > 0 {
				where = fmt.Sprintf("%s:%d", where, u.line)
			}
			list.Errorf(file, 0, 0, fmt.Sprintf("add %s to %s, in %s", k, file, langName(lang)),
				"the interface string %q, used by %s, is missing from %s", k, where, file)
		}
		if !ls.ownCatalogs {
			continue // the built-in strings, under layouts that may not use them all
		}
		for _, k := range c.Keys() {
			if _, ok := ls.used[k]; !ok {
				m, _ := c.Message(k)
				list.Warnf(file, m.Line, 0, "remove it, or use it in a template as {{T \""+k+"\"}}",
					"the interface string %q is not used by any layout", k)
			}
		}
	}
	return list
}

// langName names a language for the hint of a missing string.
func langName(lang string) string {
	if n, ok := map[string]string{"en": "English", "es": "Spanish"}[lang]; ok {
		return n
	}
	return "the language " + lang
}
