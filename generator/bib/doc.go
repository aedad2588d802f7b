// Package bib reads bibliography files (CSL-YAML, CSL-JSON and BibTeX) into
// guide.Reference values. Every reader reports all the problems it finds as
// diagnostics with a line and column instead of stopping at the first, and
// none panics, whatever the input. Ids used twice in one file are reported
// here; ids used in two files are left to the caller.
package bib
