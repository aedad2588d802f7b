package render

import (
	"html/template"

	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/pdf"
)

// clinicalFuncs are the template functions of the safety and evidence partials.
var clinicalFuncs = template.FuncMap{
	"sign":   func(v view, f *guide.Flag) part { return part{View: v, Flag: f} },
	"graded": func(v view, r *guide.Reference) part { return part{View: v, Ref: r} },
	// tel is the tel: address of the site's emergency number, or "" without one;
	// link reads only digits, + and spaces into it, so the address is safe.
	"tel": func(s guide.Site) template.URL { return template.URL(s.Tel()) },
}

// Signs are the warning signs of the page's "Stop and get help" box: every
// emergency, then the stretch's own signs or those of the routine's stretches.
func (v view) Signs() []*guide.Flag {
	switch {
	case v.Stretch != nil:
		return v.Guide.StretchSigns(v.Stretch)
	case v.Routine != nil:
		return v.Guide.RoutineSigns(v.Routine)
	}
	return v.Guide.Emergencies()
}

// Stamp is the version of a routine's handout, which its printed page shows too;
// "" on other pages.
func (v view) Stamp() string {
	if v.Routine == nil {
		return ""
	}
	return pdf.Stamp(v.Guide, v.Routine, v.cat)
}
