// Package guide is the linked model of a stretching guide: stretches, routines, warning
// signs, references and the pages that hold them, every cross-reference resolved to a
// pointer. The pipeline builds it in its link step; renderers, the PDF writer and the
// reference readers all read it. It imports nothing from the rest of the generator.
package guide

import (
	"html/template"
	"time"
)

// Guide is the whole checked site before rendering.
type Guide struct {
	Site       Site
	Home       *Page
	RedFlags   *Page        // the warning-signs page (content/red-flags.md)
	Flags      []*Flag      // emergencies first, then urgent, then soon; file order within
	Stretches  []*Stretch   // by title
	Routines   []*Routine   // by title
	Areas      []*Area      // by title
	Positions  []*Position  // the positions stretches use, from lying to standing
	References []*Reference // by first author, year, title
	Pages      []*Page      // free pages, by title
	// GradesPage is the free page that explains the evidence grades
	// (content/pages/evidence-grades.md), which grade badges link to; nil without one.
	GradesPage *Page
}

// Site holds the settings from the front matter of content/_index.md.
type Site struct {
	Title    string
	Language string // BCP 47 tag, "en" by default
	// BaseURL is the absolute URL of the site root with a trailing slash, or "" when
	// none is set; it is only used where a URL must be absolute (sitemap, canonical,
	// Open Graph, robots.txt).
	BaseURL string
	// BasePath is the path part of BaseURL ("/" or "/stretch-guide/"), for the few
	// pages, such as 404.html, that are served from any depth.
	BasePath string
	// Description is one or two sentences about the guide, for pages without a summary.
	Description string
	// ReadabilityGrade is the highest reading grade a page may have without a warning.
	ReadabilityGrade int
	// ReviewCycleMonths is how long after its last review a page is due for the next.
	ReviewCycleMonths int
	// CitationStyle is how references are cited and listed: author-year (the
	// default), vancouver or ama (package cite/style).
	CitationStyle string
	// EmergencyNumber is the local emergency phone number ("999"), or "" when the
	// pages should say "your local emergency number" instead.
	EmergencyNumber string
	// Synonyms maps an everyday word to the words of the guide it finds in search.
	Synonyms map[string][]string
	// CMSRepo is the GitHub repository (owner/name) the browser editor saves to.
	CMSRepo string
}

// Kind says which template renders a page.
type Kind string

// The kinds of page.
const (
	KindHome         Kind = "home"
	KindStretch      Kind = "stretch"
	KindRoutine      Kind = "routine"
	KindArea         Kind = "area"
	KindRedFlags     Kind = "red-flags"
	KindBibliography Kind = "bibliography"
	KindFree         Kind = "page"
	KindNotFound     Kind = "404"
	KindStretches    Kind = "stretches" // the index of all stretches, with the finder
	KindPosition     Kind = "position"  // the stretches done in one position
)

// Page is what every page of the site has, whether written by a clinician or made by
// the build (area pages, the bibliography).
type Page struct {
	Kind   Kind
	Slug   string
	Source string // path of the Markdown file below content/, "" for a made page
	// URL is the page's address relative to the site root, without a leading slash:
	// "" for the home page, "stretches/bridge/" for a stretch.
	URL      string
	Title    string
	Summary  string
	Reviewed Date
	Reviewer string
	// NextReview is Reviewed plus the site's review cycle; zero when Reviewed is.
	NextReview Date
	// Reading is how hard the page's own text is to read; zero for made pages.
	Reading Reading
	// Citations is the page's evidence: the keys of its front matter first, then the
	// ones cited in its text, each once, in order of first mention.
	Citations []*Reference
	// Grades holds the evidence grades given with citations in the front matter, by
	// reference key; see GradeOf.
	Grades map[string]Grade
	// Body is the rendered Markdown. The render step sets it only on the copy of the
	// page its own template sees: no other page shows it, and the guide keeps none.
	Body template.HTML
	// AlsoKnownAs are other names patients may search the page by.
	AlsoKnownAs []string
	// ForAuthors is true for a free page meant for the guide's authors: it is left
	// out of search, menus and the sitemap.
	ForAuthors bool
	// Outdated is true for a translation whose original was reviewed after it.
	Outdated bool
}

// Stretch is one stretch, from content/stretches/<slug>.md.
type Stretch struct {
	Page
	Areas     []*Area
	Position  string // lying, kneeling, sitting or standing
	Dose      Dose
	Equipment []string
	Cues      []string // two or three short reminders for handouts
	Cautions  []string
	Flags     []*Flag  // the warning signs that apply, in front-matter order
	Image     *Image   // the first picture; nil when the stretch has none
	Images    []*Image // every picture, in front-matter order
	UsedIn    []*Routine
	Related   []*Stretch // stretches sharing an area, most shared first
}

// Image is a picture that sits beside its page's Markdown file.
type Image struct {
	Source string // path below content/
	URL    string // address relative to the site root
	Alt    string // the position in words, for people who cannot see the picture
	// A photo's size in pixels and the widths a page offers (srcset), the largest at
	// URL; zero and empty for an SVG, which scales by itself.
	Width, Height int
	Sizes         []ImageSize
}

// ImageSize is one width of a photo on the site.
type ImageSize struct {
	Width int
	URL   string // address relative to the site root
}

// Routine is an ordered set of stretches, from content/routines/<slug>.md.
type Routine struct {
	Page
	When  string // morning, evening or any
	Steps []*Step
}

// Step is one stretch in a routine with the dose used there.
type Step struct {
	Number  int // from 1
	Stretch *Stretch
	Dose    Dose // the stretch's dose with the step's overrides applied
}

// Total is the routine's active time: the sum of its steps' active times. With the
// ranges front matter allows (at most 100 steps of at most 400 minutes) it is under
// 28 days; it stops at the longest duration rather than overflow in any case.
func (r *Routine) Total() time.Duration {
	var d time.Duration
	for _, s := range r.Steps {
		d = addSaturating(d, s.Dose.Active())
	}
	return d
}

// Area is a part of the body; each has a page listing its stretches.
type Area struct {
	ID        string
	Title     string
	Summary   string
	URL       string
	Stretches []*Stretch // by title
}

// Urgency says how soon a person with a warning sign should get help.
type Urgency string

// The urgencies, from most to least pressing.
const (
	Emergency Urgency = "emergency"
	Urgent    Urgency = "urgent"
	Soon      Urgency = "soon"
)

// Label says an urgency in the words patients see, on pages and handouts.
func (u Urgency) Label() string {
	switch u {
	case Emergency:
		return "Emergency"
	case Urgent:
		return "Urgent"
	}
	return "See a doctor soon"
}

// Rank orders urgencies: 0 for an emergency, 1 for urgent, 2 for soon, 3 otherwise.
func (u Urgency) Rank() int {
	switch u {
	case Emergency:
		return 0
	case Urgent:
		return 1
	case Soon:
		return 2
	}
	return 3
}

// Flag is a warning sign listed on the red-flag page.
type Flag struct {
	ID      string // also the anchor on the red-flag page
	Title   string
	Urgency Urgency
	Action  string
	Signs   []string // the early signs to look for; may be empty
	Pos     Pos
}

// Pos is a place in a source file, for messages that point at it.
type Pos struct {
	Path      string // as shown to the author, e.g. content/references/main.yaml
	Line, Col int
}
