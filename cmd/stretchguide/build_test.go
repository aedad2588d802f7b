package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildPDFFlag: handouts are written by default, and --pdf=false skips them.
func TestBuildPDFFlag(t *testing.T) {
	const content = "../../generator/pdf/testdata/site"
	for _, tc := range []struct {
		flag string
		want bool
	}{{"", true}, {"--pdf=false", false}} {
		out := filepath.Join(t.TempDir(), "public")
		args := []string{"build", "--content", content, "--out", out}
		if tc.flag != "" {
			args = append(args, tc.flag)
		}
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), args, &stdout, &stderr); code != 0 {
			t.Fatalf("%v: exit %d\n%s", args, code, stderr.String())
		}
		_, err := os.Stat(filepath.Join(out, "routines", "long-name.pdf"))
		if got := err == nil; got != tc.want {
			t.Errorf("%v: handout written = %v, want %v", args, got, tc.want)
		}
	}
}

// A build into a folder of the author's stops with an error that names the folder and
// the files it would have lost, exits non-zero, and leaves the folder as it was.
func TestBuildRefusesAFolderOfTheAuthors(t *testing.T) {
	docs := filepath.Join(t.TempDir(), "docs")
	for _, f := range []string{"thesis.pdf", ".git/HEAD"} {
		p := filepath.Join(docs, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("mine"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, stdout, stderr := stretchguide(t, "build", "--pdf=false", "--content", testSite(t), "--out", docs)
	if code == 0 {
		t.Fatalf("the build succeeded: %s", stdout)
	}
	want := "stretchguide build: cannot build into " + docs + ": it holds files this program did not write, or changed after writing them (.git, thesis.pdf)"
	if !strings.HasPrefix(stderr, want) || !strings.Contains(stderr, "nothing was changed") {
		t.Errorf("the error says:\n%s\nwant it to start with:\n%s", stderr, want)
	}
	for _, f := range []string{"thesis.pdf", ".git/HEAD"} {
		if b, err := os.ReadFile(filepath.Join(docs, f)); err != nil || string(b) != "mine" {
			t.Errorf("%s was changed: %q, %v", f, b, err)
		}
	}
	if _, err := os.Lstat(filepath.Join(filepath.Dir(docs), ".docs.prev")); err == nil {
		t.Error("the refused build made .docs.prev")
	}
}
