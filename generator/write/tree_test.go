package write

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSpooledFilesAreWritten: files kept on disk are written as those held in
// memory are, listed in the manifest with their sizes, and a spooled file that
// cannot be read fails the write with the folder left as it was.
func TestSpooledFilesAreWritten(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "public")
	spool, err := os.Create(filepath.Join(t.TempDir(), "spool"))
	if err != nil {
		t.Fatal(err)
	}
	defer spool.Close()
	pages := "<p>bridge</p><p>cat cow, a longer page</p>"
	if _, err := spool.WriteString(pages); err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{"index.html": []byte("home")}
	spooled := map[string]*io.SectionReader{
		"stretches/bridge/index.html":  io.NewSectionReader(spool, 0, 13),
		"stretches/cat-cow/index.html": io.NewSectionReader(spool, 13, int64(len(pages)-13)),
		"empty.txt":                    io.NewSectionReader(spool, 0, 0),
	}
	for range 3 { // into an empty folder, over the kept folder, and over both
		if err := SiteSpooled(dir, out, spooled, nil); err != nil {
			t.Fatal(err)
		}
		checkTree(t, dir, map[string][]byte{"index.html": []byte("home"), "stretches/bridge/index.html": []byte(pages[:13]),
			"stretches/cat-cow/index.html": []byte(pages[13:]), "empty.txt": nil})
	}
	manifest, err := os.ReadFile(manifestPath(parent, "public"))
	if err != nil || !strings.Contains(string(manifest), `"stretches/cat-cow/index.html":[29]`) {
		t.Errorf("the manifest does not list the spooled page with its size: %s (%v)", manifest, err)
	}
	before := readTree(t, dir)
	spooled["stretches/bridge/index.html"] = io.NewSectionReader(spool, 0, 100) // past the end of the spool
	err = SiteSpooled(dir, out, spooled, nil)
	if err == nil || !strings.Contains(err.Error(), "stretches/bridge/index.html") || !strings.Contains(err.Error(), "was not changed") {
		t.Errorf("a spooled file that cannot be read gave %v", err)
	}
	checkTree(t, dir, before)
}
