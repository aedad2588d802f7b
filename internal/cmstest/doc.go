// Package cmstest holds the browser test of the editor at /admin/: the real Decap CMS
// (pinned in package.json) with the configuration a build writes, on its in-memory
// test backend filled with the shipped content.
package cmstest
