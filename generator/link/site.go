package link

import (
	"regexp"
	"strings"

	"github.com/stretchguide/stretchguide/generator/front"
	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/load"
)

// Default governance settings, used when content/_index.md does not set them.
const (
	DefaultReadabilityGrade  = 8
	DefaultReviewCycleMonths = 36
)

// governance reads the site's readability limit and review cycle from the home
// page's front matter fm into s, with their defaults.
func governance(fm front.Site, s *guide.Site) {
	s.ReadabilityGrade, s.ReviewCycleMonths = DefaultReadabilityGrade, DefaultReviewCycleMonths
	// The decoder has refused values outside their range (the min and max tags).
	if v := fm.ReadabilityGrade; v.Valid() {
		s.ReadabilityGrade = v.V
	}
	if v := fm.ReviewCycleMonths; v.Valid() {
		s.ReviewCycleMonths = v.V
	}
}

// phoneRE matches an emergency number as authors write it: digits, an optional
// leading +, and spaces between groups.
var phoneRE = regexp.MustCompile(`^\+?[0-9][0-9 ]*$`)

// emergencyNumber reads the site's emergency_number into s.
func (l *linker) emergencyNumber(d *load.Document, v front.Str, s *guide.Site) {
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

// reviewDates sets each reviewed page's next review date from the site's cycle.
func (l *linker) reviewDates() {
	for _, p := range l.pagesInOrder() {
		if !p.Reviewed.IsZero() {
			p.NextReview = guide.Date{Time: p.Reviewed.AddDate(0, l.g.Site.ReviewCycleMonths, 0)}
		}
	}
}

// reading gives each page written from a file the reading measures load took.
func (l *linker) reading() {
	for _, p := range l.pagesInOrder() {
		st := l.docs[p].ReadingIn(l.g.Site.Language)
		p.Reading = guide.Reading{Words: st.Words, Grade: st.Grade}
	}
}

// synonyms turns the synonyms of content/_index.md into a map from the everyday
// word, lowercase, to the words of the guide it stands for.
func synonyms(fm []front.Synonym) map[string][]string {
	if len(fm) == 0 {
		return nil
	}
	m := map[string][]string{}
	for _, s := range fm {
		w := strings.ToLower(strings.TrimSpace(s.Word.V))
		for _, v := range s.Means {
			m[w] = append(m[w], strings.ToLower(v.V))
		}
	}
	return m
}
