// Package generator builds a stretching guide from a content folder. It holds the
// API (Build, Check, New, Builder, Options, Result); each step of the pipeline is a
// package below it, and each imports only the steps before it and the leaf packages:
//
//	load      files -> load.Document: front matter decoded once (with its problems),
//	          body parsed and walked once, and what later steps need from it
//	          recorded: headings' anchors, plain text, reading measures, TODOs, and
//	          each link site as a plain record; the tree is not kept. Only
//	          regular files inside the folder are read (inputs.go), pathological
//	          bodies are refused (limits.go), pictures are checked (picture.go). A
//	          Document never changes after loading. Build keeps the bodies on disk
//	          once walked (load.Spill, in the spool beside the output folder).
//	link      documents -> one guide.Guide: areas, flags, references, stretches,
//	          routines, backlinks, related stretches; and a link.Table that says
//	          what each link, image and citation of a body resolves to. Link writes
//	          nothing into a syntax tree.
//	check     the linked guide -> more problems: reading grade, TODOs, reviews
//	          coming due, reviewers, evidence grades, and the safety rule on the
//	          rendered pages.
//	render    guide + table -> files: pages through the templates of layouts/, each
//	          body parsed again and rendered asking the table for every destination
//	          and citation (Table.Bind);
//	          search index, sitemap, robots.txt, web app manifest, handouts and QR
//	          codes (package pdf), and the browser editor in admin/ (package cms).
//	write     files -> the output folder, swapped in atomically; owns the manifest
//	          beside it that lists the files builds wrote, and the stamp that says
//	          which build the folder holds (stamp.go).
//	memo      a content-addressed store: every rendered body, page, search entry and
//	          handout under a hash of exactly its inputs. A product may stay on disk
//	          (Blob): Build spools the pages and bodies it renders (a body is
//	          rendered with its page), and takes unchanged ones from the saved memo
//	          without reading them, so no build holds them all.
//	devserver serve: watches the folders, drives a Builder kept alive between
//	          saves, reloads browsers; and is the browser editor's local backend,
//	          saving into content/ for the editor at /admin/ (api.go).
//
// The leaf packages are guide (the linked model), diag (problems with path:line:col),
// front (front-matter types and decoding), citation (the goldmark extension for
// [@key]), bib (BibTeX, CSL-YAML and CSL-JSON), cite/style (the citation styles),
// images (photo sizes), card (the link preview card and home-screen icon), cms (the
// Decap CMS editor), readability, pdf, qrcode, scaffold, starter (the guide
// `stretchguide init` writes), schema, svgsafe and words (the search index's words).
//
// A Builder runs load, link, check and render (builder.go); Build is a new Builder
// run once and then write, unless the output folder is up to date: the stamp beside
// it names a hash of the program, the options and every input file (uptodate.go,
// internal/sum) equal to now, and the folder is as that build left it; serve keeps one Builder and its memo alive, so a rebuild
// reloads only the files that changed, resolves the links of only their bodies
// (link.Reuse) and renders only what their change reaches.
// Nothing in load, link, check or render knows which of the two runs it. Every
// problem of the content is collected into one diag.List; when it holds an error,
// Build stops before writing anything. Check adds what depends on the day or is only
// for authors, and writes nothing. New (new.go, package scaffold) starts a stretch
// or routine file. The build also writes the JSON Schemas of package schema to
// /schema/.
//
// Every step that works file by file or page by page runs on all cores
// (internal/par), each result in its own slot, so the output never depends on
// scheduling. Nothing compares every page with every other: backlinks, related
// stretches, area pages and anchors come from indexes. The build before the last one
// is kept, hidden, beside the output folder; write starts from it and writes only the
// files that changed. A build replaces only a folder that is its own (write/outdir.go).
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
// Every input, content or layouts, is read only if it is a regular file inside its
// own folder once links are followed (load/inputs.go): a link that stays inside works, a
// link out of the folder (even one that comes back) and a FIFO or device are refused
// at line 1 of the file. A stretch's image must be a visible file of content/, an SVG,
// PNG, JPEG or WebP picture by its ending and its bytes, and an SVG must hold no
// script, event handler, HTML or address of another site (load/picture.go, package svgsafe).
// A stretch may list several pictures (images), each checked the same way
// (link/pictures.go); photos are published in a few widths for srcset and printed
// from a smaller copy (render/pictures.go, package images), resized once and kept by
// content hash in .<out>.stretchguide-cache/images beside the output (write.CacheDir).
//
// # Layouts
//
// A layouts folder holds base.html (defines "base", which calls "main" and "scripts",
// and the parts of the page frame "head-icons", "head-assets", "site-nav" and
// "site-footer"), partials.html (defines "citation", "evidence", "evidence-item",
// "warning-signs", "stretch-card", "reviewed", and for the patient features
// "reference", "cite-refs", "cite-ref", "search", "browse", "finder" and
// "follow-along" with its fixed parts "follow-settings", "player-top",
// "player-controls" and "player-after"), one file per kind of page defining "main" and, where it
// needs a script, "scripts" (home, stretch, routine, area, position, stretches,
// red-flags, bibliography, page, progress, prescribe, 404), style.css and any other .css, .js or .svg
// files (favicon.svg is the site's icon, also named by the web app manifest), and
// devserver.html, which only `serve` uses (the live-reload tags and the error panel).
// i18n/<lang>.yaml holds the words of the interface in each language (package i18n):
// templates show them with {{T "key" args}}, and the scripts with tr('key', args)
// from strings.js, which the build writes with the strings of the site's language
// in its first line (render/strings.go, where check's missing and unused strings are
// found too). The
// build also writes search.json, the index the search box reads (render/search.go).
// Templates see a view: .Site, .Guide, .Page, and .Stretch, .Routine or .Area on those pages;
// {{.Link url}} turns an address relative to the site root into one that works from
// the page being written, and {{.Asset "style.css"}} gives the address of an asset,
// whose file name carries a hash of its content. {{.Canonical}} and {{.PreviewImage}}
// give absolute addresses only when a base URL is set. {{.Card stretch}},
// {{.Reference ref}} and {{.Graded ref}} give what the partials "stretch-card",
// "reference" and "graded" render, once per build for all the pages that show it
// alike (render/fragments.go); so do {{.Shared "name"}} for a part of the page frame,
// {{.WarningSigns signs}} for the partial "warning-signs" and {{.Cited "name" ref}}
// for one reference of a page, each of which sees no page, only the site, the guide
// and links from it.
//
// Stretches, routines and pages may give also_known_as, other names the search box
// finds them by; the site's synonyms reach each page whose title or summary uses
// their meaning (read in link/site.go, added in render/synonyms.go). The
// follow-along plays a routine, or a stretch alone (render/coach.go). The build also
// makes /progress/ (render/progress.go, progress.html), where progress.js shows the
// sessions the follow-along kept in the patient's browser.
// It makes /make/ too (render/prescribe.go, prescribe.html), where prescribe.js
// builds a routine from the catalog of stretches the page carries, keeps it in the
// address's fragment and draws its QR code with qr.js.
//
// Besides the pages, a build writes sitemap.xml, robots.txt and manifest.webmanifest
// (render/meta.go), and preview.png (the link preview card, og:image) and
// apple-touch-icon.png, drawn by package card; and sw.js at the site root
// (render/offline.go): the layouts' service worker with the build's version and the
// list of files it keeps for use offline.
package generator
