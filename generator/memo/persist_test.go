package memo

import (
	"os"
	"path/filepath"
	"testing"
)

// TestSaveRemovesLeftoversWhenUnchanged: a Save killed while writing leaves a
// temporary file beside the memo; the next Save removes it even when the memo has
// nothing new to write.
func TestSaveRemovesLeftoversWhenUnchanged(t *testing.T) {
	path := filepath.Join(t.TempDir(), ".public.stretchguide-cache")
	if err := Open(path).Save(path); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the first Save wrote no memo: %v", err)
	}
	left := path + ".tmp-123"
	if err := os.WriteFile(left, []byte("half a memo"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Open(path).Save(path); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(left); err == nil {
		t.Errorf("Save left %s beside the memo", filepath.Base(left))
	}
}
