package generator

import (
	"regexp"
	"strings"

	"github.com/stretchguide/stretchguide/generator/front"
	"github.com/stretchguide/stretchguide/generator/guide"
)

// phoneRE matches an emergency number as authors write it: digits, an optional
// leading +, and spaces between groups.
var phoneRE = regexp.MustCompile(`^\+?[0-9][0-9 ]*$`)

// emergencyNumber reads the site's emergency_number into s.
func (l *linker) emergencyNumber(d *document, v front.Str, s *guide.Site) {
	n := strings.TrimSpace(v.V)
	if n == "" {
		return
	}
	if !phoneRE.MatchString(n) {
		l.errorAt(d, v.At, "write only the number people dial, such as 999 or 911, or leave it out to say \"your local emergency number\"",
			"emergency_number %q is not a phone number", n)
		return
	}
	s.EmergencyNumber = n
}
