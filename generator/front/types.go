// Package front holds the front matter of each kind of content file as Go types, and
// decodes YAML or TOML front matter into them with the line and column of every value,
// so that each problem can be reported where the author made it. The same types
// describe the fields for the JSON Schema that editors use.
package front

// Site is the front matter of content/_index.md: the site's settings and its areas.
type Site struct {
	Title    Str `yaml:"title" required:"true" doc:"The guide's name, shown on every page."`
	Language Str `yaml:"language" doc:"Language of the pages as a BCP 47 tag; en when left out."`
	// Languages lists the languages the guide is published in, the default first.
	Languages []Str  `yaml:"languages" doc:"The languages the guide is published in, the default first, such as [en, es]; a page's translation sits beside it as bridge.es.md."`
	BaseURL   Str    `yaml:"base_url" doc:"The address the site is published at; --base-url overrides it."`
	Areas     []Area `yaml:"areas" doc:"The parts of the body a stretch may name; each gets a page."`
	// Description is what search results and link previews show for the guide.
	Description Str `yaml:"description" doc:"One or two plain sentences about the guide, for search results and link previews; pages without a summary use it."`
	// EmergencyNumber is the phone number emergency actions offer to call.
	EmergencyNumber Str `yaml:"emergency_number" doc:"The local emergency phone number, such as 999 or 911; every emergency action then offers a link to call it. Without it pages say: your local emergency number."`
	// Governance: how hard pages may be to read, and how often they are reviewed.
	ReadabilityGrade  Int `yaml:"readability_grade" min:"1" max:"20" doc:"The highest reading grade (Flesch-Kincaid) a page may have before check warns, from 1 to 20; 8 when left out."`
	ReviewCycleMonths Int `yaml:"review_cycle_months" min:"1" max:"120" doc:"Months from a page's last review to its next, from 1 to 120; 36 when left out."`
	// CitationStyle picks how references are cited and listed (package cite/style).
	CitationStyle Str `yaml:"citation_style" enum:"author-year,vancouver,ama" doc:"How references are cited and listed: author-year (Gordon & Bloxham, 2016), vancouver ([1], as NLM's Citing Medicine) or ama (superscript numbers, as the AMA Manual of Style); author-year when left out."`
	// CMSRepo is where the browser editor at /admin/ saves: see package cms.
	CMSRepo Str `yaml:"cms_repo" doc:"The GitHub repository, as owner/name, that the browser editor at /admin/ saves to; without it the editor uses Netlify's Git Gateway."`
	// Synonyms are everyday words the search box also takes for words of the guide.
	Synonyms []Synonym `yaml:"synonyms" doc:"Everyday words patients search by, each with the words of the guide it should find, such as {word: sciatica, means: [hamstrings, leg]}."`
}

// Synonym is one everyday word of the site-wide synonyms in content/_index.md.
type Synonym struct {
	Word  Str   `yaml:"word" required:"true" doc:"The word a patient may type, such as sciatica."`
	Means []Str `yaml:"means" required:"true" doc:"Words of the guide it should find: pages that use any of them are found by the word too."`
}

// Area is one part of the body listed in content/_index.md.
type Area struct {
	ID      Str `yaml:"id" required:"true" doc:"Short lowercase name used in stretches, such as lower-back."`
	Title   Str `yaml:"title" required:"true" doc:"The name patients see."`
	Summary Str `yaml:"summary" doc:"One sentence shown on the area's page."`
}

// Stretch is the front matter of content/stretches/<slug>.md.
type Stretch struct {
	Title       Str        `yaml:"title" required:"true" doc:"The stretch's name."`
	Summary     Str        `yaml:"summary" required:"true" doc:"One plain sentence: what it is and what it helps."`
	Areas       []Str      `yaml:"areas" required:"true" doc:"Area ids from content/_index.md."`
	Position    Str        `yaml:"position" enum:"lying,kneeling,sitting,standing" doc:"The body position."`
	Hold        Duration   `yaml:"hold" min:"1s" max:"10m" doc:"How long to hold, such as 30s or 1m, from 1s to 10m. Give hold or reps."`
	Reps        Int        `yaml:"reps" min:"1" max:"100" doc:"How many repetitions, from 1 to 100. Give hold or reps."`
	Sets        Int        `yaml:"sets" min:"1" max:"20" doc:"How many times to do it, from 1 to 20; 1 when left out."`
	Sides       Str        `yaml:"sides" enum:"both,none" doc:"both when the stretch is done on each side."`
	Equipment   []Str      `yaml:"equipment" doc:"What the patient needs, such as mat or chair."`
	Cues        []Str      `yaml:"cues" doc:"Two or three very short reminders for the printed handout."`
	Cautions    []Str      `yaml:"cautions" doc:"What the patient should feel, and what should make them stop."`
	RedFlags    []Str      `yaml:"red_flags" doc:"Ids of the warning signs that apply, from content/red-flags.md."`
	Citations   []Citation `yaml:"citations" doc:"Reference keys: the evidence for this page."`
	Reviewed    Date       `yaml:"reviewed" doc:"The day a clinician last reviewed the page (YYYY-MM-DD)."`
	Reviewer    Str        `yaml:"reviewer" doc:"The clinician who reviewed it and their role: A. Name, physiotherapist."`
	Image       Str        `yaml:"image" doc:"A picture file beside this page, such as bridge.svg."`
	ImageAlt    Str        `yaml:"image_alt" doc:"The picture in words, for people who cannot see it."`
	AlsoKnownAs []Str      `yaml:"also_known_as" doc:"Other names patients may search for, such as [trunk rotation]; the search box finds the page by them."`
	Images      []Picture  `yaml:"images" doc:"Pictures beside this page in order, such as the start and end positions, each with its own alt text; after image when both are given."`
}

// Picture is one of a stretch's pictures.
type Picture struct {
	File Str `yaml:"file" required:"true" doc:"A picture file beside the page: .svg, .png, .jpg or .webp."`
	Alt  Str `yaml:"alt" required:"true" doc:"The picture in words, for people who cannot see it."`
}

// Routine is the front matter of content/routines/<slug>.md.
type Routine struct {
	Title       Str        `yaml:"title" required:"true" doc:"The routine's name."`
	Summary     Str        `yaml:"summary" required:"true" doc:"One plain sentence about the routine."`
	When        Str        `yaml:"when" enum:"morning,evening,any" doc:"The time of day it is meant for."`
	Steps       []Step     `yaml:"steps" required:"true" max:"100" doc:"Up to 100 stretches, in order."`
	Citations   []Citation `yaml:"citations" doc:"Reference keys: the evidence for this page."`
	Reviewed    Date       `yaml:"reviewed" doc:"The day a clinician last reviewed the page (YYYY-MM-DD)."`
	Reviewer    Str        `yaml:"reviewer" doc:"The clinician who reviewed it and their role: A. Name, physiotherapist."`
	AlsoKnownAs []Str      `yaml:"also_known_as" doc:"Other names patients may search for, such as [trunk rotation]; the search box finds the page by them."`
}

// Step is one stretch of a routine. Hold, Reps and Sets replace the stretch's own
// dose for this step only; fields left out keep the stretch's values.
type Step struct {
	Stretch Str      `yaml:"stretch" required:"true" doc:"The stretch's file name without .md."`
	Hold    Duration `yaml:"hold" min:"1s" max:"10m" doc:"Hold for this step instead of the stretch's own, from 1s to 10m."`
	Reps    Int      `yaml:"reps" min:"1" max:"100" doc:"Repetitions for this step instead of the stretch's own, from 1 to 100."`
	Sets    Int      `yaml:"sets" min:"1" max:"20" doc:"Sets for this step instead of the stretch's own, from 1 to 20."`
}

// RedFlags is the front matter of content/red-flags.md.
type RedFlags struct {
	Title    Str    `yaml:"title" required:"true" doc:"The page's title."`
	Summary  Str    `yaml:"summary" doc:"One plain sentence about the page."`
	Flags    []Flag `yaml:"flags" required:"true" doc:"The warning signs."`
	Reviewed Date   `yaml:"reviewed" doc:"The day a clinician last reviewed the page (YYYY-MM-DD)."`
	Reviewer Str    `yaml:"reviewer" doc:"The clinician who reviewed it and their role: A. Name, physiotherapist."`
}

// Flag is one warning sign.
type Flag struct {
	ID      Str   `yaml:"id" required:"true" doc:"Short lowercase name, used as the anchor and in stretches' red_flags."`
	Title   Str   `yaml:"title" required:"true" doc:"The sign in a few plain words."`
	Urgency Str   `yaml:"urgency" required:"true" enum:"emergency,urgent,soon" doc:"How soon to get help."`
	Action  Str   `yaml:"action" required:"true" doc:"What to do, calmly and plainly."`
	Signs   []Str `yaml:"signs" doc:"The early signs to look for, each in a few plain words."`
}

// Page is the front matter of a free page, content/pages/<slug>.md, and of the home
// page's text fields.
type Page struct {
	Title       Str        `yaml:"title" required:"true" doc:"The page's title."`
	Summary     Str        `yaml:"summary" doc:"One plain sentence about the page."`
	Citations   []Citation `yaml:"citations" doc:"Reference keys: the evidence for this page."`
	Reviewed    Date       `yaml:"reviewed" doc:"The day a clinician last reviewed the page (YYYY-MM-DD)."`
	Reviewer    Str        `yaml:"reviewer" doc:"The clinician who reviewed it and their role: A. Name, physiotherapist."`
	AlsoKnownAs []Str      `yaml:"also_known_as" doc:"Other names patients may search for, such as [trunk rotation]; the search box finds the page by them."`
	Audience    Str        `yaml:"audience" enum:"patients,authors" doc:"Who the page is for; authors keeps it out of the search box, the menus and the sitemap."`
}

// Citation names a reference in front matter: either just its key, or
// {key: gordon2016, locator: "p. 22", grade: moderate}. (A bare value fills a group's
// first field.)
type Citation struct {
	Key     Str `yaml:"key" required:"true" doc:"The reference's id."`
	Locator Str `yaml:"locator" doc:"Where in the work, such as p. 22."`
	Grade   Str `yaml:"grade" enum:"high,moderate,low,very-low" doc:"How certain the evidence is for what this page says (GRADE); overrides the reference's own grade."`
}
