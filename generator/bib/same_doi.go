package bib

import (
	"strings"

	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/generator/guide"
)

// SameDOI warns about works entered twice under different keys: references with
// the same DOI (DOIs ignore case), each warning at the later one and naming where
// the first is. Without it the work is listed twice, as "2016a" and "2016b".
func SameDOI(refs []*guide.Reference) diag.List {
	var list diag.List
	first := map[string]*guide.Reference{}
	for _, r := range refs {
		if r.DOI == "" {
			continue
		}
		doi := strings.ToLower(r.DOI)
		f, ok := first[doi]
		if !ok {
			first[doi] = r
			continue
		}
		list.Warnf(r.Pos.Path, r.Pos.Line, r.Pos.Col, "keep one of them, cite its key everywhere and delete the other",
			"references %q and %q are the same work (DOI %s): %q is at %s:%d", f.Key, r.Key, r.DOI, f.Key, f.Pos.Path, f.Pos.Line)
	}
	return list
}
