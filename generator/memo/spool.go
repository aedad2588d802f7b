package memo

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"runtime"
	"sync"
)

// A Blob is a product kept on disk rather than in memory: a page a build spooled
// (Spool), or one in the saved memo Open read. Save copies its bytes into the new
// memo; a Memo holding Blobs must outlive their use (Close).
type Blob struct{ *io.SectionReader }

// Bytes reads the whole blob.
func (b Blob) Bytes() ([]byte, error) {
	data := make([]byte, b.Size())
	_, err := b.ReadAt(data, 0)
	if err == io.EOF && len(data) == 0 {
		err = nil
	}
	return data, err
}

// A Spool holds the pages and handouts of a build on disk until they are written
// out, so that a build of a big guide does not hold them all in memory: at 10,000
// stretches the pages were 250 MB, half of what a build held at its end. It is one file without a name
// where the system allows (it goes away with the process, even a killed one),
// made on the first Put and appended to from any goroutine.
type Spool struct {
	dir     string
	madeDir bool // the spool made dir: Close removes it when it is empty
	once    sync.Once
	f       *os.File
	name    string // the file's name when it could not be removed while open
	err     error

	mu   sync.Mutex
	size int64
}

// NewSpool returns a spool that keeps its file in the folder dir, made when needed.
func NewSpool(dir string) *Spool { return &Spool{dir: dir} }

func (s *Spool) open() error {
	s.once.Do(func() {
		_, err := os.Lstat(s.dir)
		s.madeDir = errors.Is(err, fs.ErrNotExist)
		if s.err = os.MkdirAll(s.dir, 0o755); s.err != nil {
			return
		}
		if s.f, s.err = os.CreateTemp(s.dir, ".spool-"); s.err != nil {
			return
		}
		if runtime.GOOS == "windows" || os.Remove(s.f.Name()) != nil {
			s.name = s.f.Name() // removed by Close
		}
	})
	return s.err
}

// Put writes data to the spool and returns it as a Blob.
func (s *Spool) Put(data []byte) (Blob, error) {
	if err := s.open(); err != nil {
		return Blob{}, err
	}
	s.mu.Lock()
	off := s.size
	s.size += int64(len(data))
	s.mu.Unlock()
	if _, err := s.f.WriteAt(data, off); err != nil {
		return Blob{}, err
	}
	return Blob{io.NewSectionReader(s.f, off, int64(len(data)))}, nil
}

// Close removes the spool, and its folder when the spool made it and nothing else
// was put there since (a build refused by write leaves nothing beside the output
// folder); its Blobs can no longer be read.
func (s *Spool) Close() error {
	s.once.Do(func() {}) // no file is made after Close
	if s.f == nil {
		return nil
	}
	err := s.f.Close()
	if s.name != "" {
		_ = os.Remove(s.name)
	}
	if s.madeDir {
		_ = os.Remove(s.dir) // fails, as it should, unless empty
	}
	return err
}
