package render

import (
	"html/template"
	"time"

	"github.com/stretchguide/stretchguide/generator/guide"
)

// patientFuncs are the template functions of the patient features: the stretch
// finder and the follow-along player.
var patientFuncs = template.FuncMap{
	"seconds":    func(d time.Duration) int { return int(d.Round(time.Second) / time.Second) },
	"repSeconds": func() int { return guide.SecondsPerRep },
}
