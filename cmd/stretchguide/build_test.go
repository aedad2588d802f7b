package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
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
