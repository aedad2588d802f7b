package generator

import (
	"html/template"
	"time"
)

// patientFuncs are the template functions of the patient features: the stretch
// finder.
var patientFuncs = template.FuncMap{
	"seconds": func(d time.Duration) int { return int(d.Round(time.Second) / time.Second) },
}
