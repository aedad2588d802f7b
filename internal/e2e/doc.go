// Package e2e holds the tests that judge the built guide with clients and validators
// nobody here wrote: headless Chromium (console, requests, keyboard, reflow,
// screenshots), axe-core for WCAG 2.2 A/AA and html-validate for HTML validity. The
// package has no code of its own; its tests build content/ into a temporary folder,
// serve it on loopback and check every page. Each check is also run on a broken
// fixture under testdata/broken, to show that it can fail.
//
// axe-core and html-validate come from npm (package.json at the module root, `npm
// ci`); without them, or without Chromium, the tests are skipped with a notice unless
// STRETCHGUIDE_REQUIRE_BROWSER=1.
package e2e
