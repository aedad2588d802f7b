// Package generator builds a stretching guide from a content folder. A build is a
// pipeline of four steps, each in its own file:
//
//	load    (load.go)    files -> documents: front matter decoded with positions, bodies parsed
//	link    (link.go)    documents -> one checked guide.Guide: areas, flags, references,
//	                     stretches, routines; links and citations resolved (resolve.go)
//	render  (render.go)  guide -> pages through the templates of layouts/, and each
//	                     routine's PDF handout and QR code (handouts.go, package pdf)
//	write   (write.go)   pages -> the output folder, swapped in atomically
//
// Load and link collect every problem of the content as a diag.List; when it holds an
// error, Build stops before writing anything. Link also measures each page's reading
// grade (reading.go, package readability), sets review dates (review.go) and resolves
// evidence grades (grades.go). Check runs load and link, then renders in memory to
// verify the safety rule on the output (safety.go), and adds what depends on the day
// or is only for authors: reviews coming due, and each page's grade as info. New
// (new.go, package scaffold) starts a stretch or routine file. The build also writes
// the JSON Schemas of package schema to /schema/. Builder (incremental.go) runs the
// same pipeline again and again for `serve`, redoing only what an edit changed;
// package devserver serves its result.
//
// Every step that works file by file or page by page runs on all cores (parallel.go),
// each result in its own slot, so the output never depends on scheduling. Nothing
// compares every page with every other: backlinks, related stretches, area pages and
// anchors come from indexes. The build before the last one is kept, hidden, beside
// the output folder; write starts from it and writes only the files that changed.
//
// # Content
//
//	_index.md            home page text; front matter: title, language, description,
//	                     base_url, areas, synonyms (everyday words for search:
//	                     - {word: sciatica, means: [hamstrings, leg numbness]})
//	stretches/<slug>.md  a stretch (front.Stretch)
//	routines/<slug>.md   a routine (front.Routine)
//	red-flags.md         the warning signs (front.RedFlags)
//	pages/<slug>.md      a free page (front.Page); pages/evidence-grades.md, when there,
//	                     explains the evidence grades and their badges link to it;
//	                     audience: authors keeps a page out of search, menus, sitemap
//	references/*.yaml    CSL-YAML; *.bib BibTeX and *.json CSL-JSON are read too
//
// The fields of each file, with what each means, are the struct tags of package front.
// Markdown bodies may cite references as [@key], [@key, p. 22] or [@a; @b], and link to
// other content files by relative path (bridge.md, ../red-flags.md#fever); both are
// checked.
//
// # Layouts
//
// A layouts folder holds base.html (defines "base", which calls "main" and "scripts"),
// partials.html (defines "citation", "evidence", "warning-signs", "stretch-card",
// "reviewed", and for the patient features "reference", "cite-refs", "search",
// "browse", "finder" and "follow-along"), one file per kind of page defining "main" and, where it
// needs a script, "scripts" (home, stretch, routine, area, position, stretches,
// red-flags, bibliography, page, progress, prescribe, 404), style.css and any other .css, .js or .svg
// files (favicon.svg is the site's icon, also named by the web app manifest), and
// devserver.html, which only `serve` uses (the live-reload tags and the error panel). The
// build also writes search.json, the index the search box reads (search.go).
// Templates see a view: .Site, .Guide, .Page, and .Stretch, .Routine or .Area on those pages;
// {{.Link url}} turns an address relative to the site root into one that works from
// the page being written, and {{.Asset "style.css"}} gives the address of an asset,
// whose file name carries a hash of its content. {{.Canonical}} and {{.PreviewImage}}
// give absolute addresses only when a base URL is set.
//
// Stretches, routines and pages may give also_known_as, other names the search box
// finds them by; the site's synonyms reach each page whose title or summary uses
// their meaning (synonyms.go). The follow-along plays a routine, or a stretch alone
// (coach.go). The build also makes /progress/ (progress.go, progress.html), where
// progress.js shows the sessions the follow-along kept in the patient's browser.
// It makes /make/ too (prescribe.go, prescribe.html), where prescribe.js builds a
// routine from the catalog of stretches the page carries, keeps it in the address's
// fragment and draws its QR code with qr.js.
//
// Besides the pages, a build writes sitemap.xml, robots.txt and manifest.webmanifest
// (meta.go), and sw.js at the site root (offline.go): the layouts' service worker
// with the build's version and the list of files it keeps for use offline.
package generator
