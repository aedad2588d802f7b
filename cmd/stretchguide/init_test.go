package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// init writes a guide with one file of each kind that check passes, and refuses a
// folder that holds anything.
func TestInitStartsAGuideThatPassesCheck(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my-guide")
	if code, out, errs := stretchguide(t, "init", dir); code != 0 {
		t.Fatalf("init: exit %d\n%s%s", code, out, errs)
	}
	for _, f := range []string{"_index.md", "red-flags.md", "stretches/pelvic-tilt.md", "stretches/pelvic-tilt.svg",
		"routines/daily.md", "pages/about.md", "references/articles.yaml"} {
		if _, err := os.Stat(filepath.Join(dir, "content", f)); err != nil {
			t.Errorf("init wrote no %s: %v", f, err)
		}
	}
	code, out, errs := stretchguide(t, "check", "--content", filepath.Join(dir, "content"), "--today", "2026-12-01", "--strict")
	if code != 0 || out != "0 errors, 0 warnings\n" {
		t.Errorf("check of the new guide: exit %d\n%s%s", code, out, errs)
	}
	code, _, errs = stretchguide(t, "init", dir)
	if code != 1 || !strings.Contains(errs, "not empty") {
		t.Errorf("init into a folder with files: exit %d\n%s", code, errs)
	}
	empty := t.TempDir()
	if code, _, errs := stretchguide(t, "init", empty); code != 0 {
		t.Errorf("init into an empty folder: exit %d\n%s", code, errs)
	}
}
