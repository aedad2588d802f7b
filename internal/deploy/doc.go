// Package deploy holds no code, only the tests that the guide deploys safely
// anywhere: they build the bundled guide the way Netlify and GitHub Pages do, serve
// it under a folder and at a domain root and crawl it (internal/crawl), check every
// page against the Content-Security-Policy, and parse netlify.toml and the GitHub
// workflows.
package deploy
