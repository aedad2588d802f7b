package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// stretchguide runs the command with args and returns its exit code and output.
func stretchguide(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errs bytes.Buffer
	code = run(context.Background(), args, &out, &errs)
	return code, out.String(), errs.String()
}

// testSite copies the generator's test site to a temporary content folder.
func testSite(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dir, os.DirFS("../../generator/testdata/site")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestNewThenCheck(t *testing.T) {
	content := testSite(t)
	code, out, errs := stretchguide(t, "new", "--content", content, "stretch", "Cat-Cow")
	if code != 0 || !strings.Contains(out, filepath.Join(content, "stretches", "cat-cow.md")) {
		t.Fatalf("new: exit %d\n%s%s", code, out, errs)
	}
	code, out, _ = stretchguide(t, "check", "--content", content, "--today", "2026-12-01")
	if code != 0 || !strings.Contains(out, "0 errors") {
		t.Errorf("check after new: exit %d\n%s", code, out)
	}
	if code, _, _ = stretchguide(t, "check", "--content", content, "--today", "2026-12-01", "--strict"); code != 1 {
		t.Errorf("check --strict with TODOs left: exit %d, want 1", code)
	}
	code, _, errs = stretchguide(t, "new", "--content", content, "stretch", "Cat-Cow")
	if code != 1 || !strings.Contains(errs, "already exists") {
		t.Errorf("new over an existing file: exit %d\n%s", code, errs)
	}
	if code, _, _ = stretchguide(t, "new", "--content", content, "stretch"); code != 2 {
		t.Errorf("new without a title: exit %d, want 2", code)
	}
}

func TestCheckJSONAndToday(t *testing.T) {
	content := testSite(t)
	code, out, _ := stretchguide(t, "check", "--content", content, "--format", "json", "--today", "2029-12-01", "--strict")
	if code != 1 {
		t.Errorf("overdue reviews under --strict: exit %d, want 1", code)
	}
	var got []struct{ Path, Severity, Message string }
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	var overdue, info bool
	for _, d := range got {
		overdue = overdue || d.Severity == "error" && strings.Contains(d.Message, "review is overdue")
		info = info || d.Severity == "info" && strings.HasPrefix(d.Message, "reads at school grade")
	}
	if !overdue || !info {
		t.Errorf("want an overdue error and reading-grade info lines, got:\n%s", out)
	}
	if code, _, errs := stretchguide(t, "check", "--content", content, "--today", "soon"); code != 2 || !strings.Contains(errs, "not a date") {
		t.Errorf("--today soon: exit %d\n%s", code, errs)
	}
}

// One run of check lists every mistake of the twenty-mistake guide, and fails.
func TestCheckTwentyMistakes(t *testing.T) {
	code, out, _ := stretchguide(t, "check", "--content", "../../generator/testdata/mistakes", "--today", "2026-12-01")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	var problems int
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, ": error: ") || strings.Contains(line, ": warning: ") {
			problems++
		}
	}
	if problems != 20 || !strings.HasSuffix(out, "19 errors, 1 warning\n") {
		t.Errorf("want 20 problems, 19 errors and 1 warning; got %d:\n%s", problems, out)
	}
}
