// Package spelling holds the test that spell-checks the shipped content with cspell
// (pinned in package.json), its medical dictionary and the project's word list
// (cspell.json, .cspell-words.txt).
package spelling
