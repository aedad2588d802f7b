// Package release holds the dry run of the release workflow
// (.github/workflows/release.yml): a test that cross-compiles the command for
// every system the workflow builds for. It has its own package so that its builds
// have their own test time budget.
package release
