package devserver

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The layouts folder's devserver.html is read like every layout: a link out of the
// folder or a FIFO is refused, never read or served.
func TestDevTemplateReadsOnlyItsOwnFile(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "devserver.html")
	if err := os.WriteFile(outside, []byte(`{{define "devserver-page"}}SECRET{{end}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, setup := range map[string]func(file string) error{
		"link outside": func(file string) error { return os.Symlink(outside, file) },
		"FIFO":         func(file string) error { return syscall.Mkfifo(file, 0o644) },
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			if err := setup(filepath.Join(dir, "devserver.html")); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { _, err := devTemplate(dir); done <- err }()
			var err error
			select {
			case err = <-done:
			case <-time.After(time.Minute): // a guard: opening a FIFO blocks
				t.Fatal("devTemplate has not returned: it is stuck opening a FIFO")
			}
			if err == nil || !strings.Contains(err.Error(), "devserver.html") {
				t.Errorf("want an error naming devserver.html, got %v", err)
			}
		})
	}
}
