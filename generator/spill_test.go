package generator

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stretchguide/stretchguide/generator/load"
)

// failingDisk fails every read, as a disk that broke during the build would.
type failingDisk struct{}

func (failingDisk) ReadAt([]byte, int64) (int, error) { return 0, errors.New("input/output error") }

// Build keeps the bodies on disk while it runs (load.Spill). When one cannot be read
// back the build fails, naming the file, rather than render its page without its
// text or report problems an empty body made.
func TestBuildFailsWhenABodyCannotBeReadBack(t *testing.T) {
	b, err := NewBuilder(Options{Content: copySite(t), NoPDF: true})
	if err != nil {
		t.Fatal(err)
	}
	b.spill = load.NewSpill(func(body []byte) (*io.SectionReader, error) {
		return io.NewSectionReader(failingDisk{}, 0, int64(len(body))), nil
	})
	files, _, err := b.Build(context.Background())
	if err == nil || !strings.Contains(err.Error(), "could not be read back") || !strings.Contains(err.Error(), ".md") {
		t.Fatalf("Build: %v; want an error naming the file whose text could not be read back", err)
	}
	if len(files) != 0 {
		t.Fatalf("Build returned %d files", len(files))
	}
}
