package generator

import (
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"time"

	"github.com/stretchguide/stretchguide/generator/guide"
)

// patientFuncs are the template functions of the patient features: the stretch
// finder, the follow-along player and the citation popovers.
var patientFuncs = template.FuncMap{
	"seconds":    func(d time.Duration) int { return int(d.Round(time.Second) / time.Second) },
	"repSeconds": func() int { return guide.SecondsPerRep },
	"grade":      grade,
}

// grade is the evidence grade of a reference in words ("moderate", "very low"), or
// "" when it has none. It reads the Grade field of the reference when the model has
// one, so popovers show grades as soon as references carry them, and nothing before.
func grade(r any) string {
	v := reflect.ValueOf(r)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return ""
	}
	f := v.Elem().FieldByName("Grade")
	if !f.IsValid() || f.IsZero() {
		return ""
	}
	return strings.ReplaceAll(fmt.Sprint(f.Interface()), "-", " ")
}
