package memo

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"html/template"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// magic starts every saved memo; the program's own hash follows it on the first line,
// so that a memo saved by another version of the program is never used. The records
// follow, one per product, in the order of their keys, and an end mark: a memo cut
// short has none and is not used at all. A record is the key (8 bytes, little
// endian), the kind of product (one byte) and the product: a length (uvarint) and
// that many bytes, or for files their count and each name and content so. Open reads
// the records in one pass, skipping the bytes of blobs (the pages, most of a saved
// memo), which stay in the file until they are used (Blob).
const magic = memoPrefix + "4 "

// memoPrefix starts a saved memo of any version: Save replaces one of an older
// version, and leaves alone a file that does not start so.
const memoPrefix = "stretchguide memo "

// The kinds of product, as saved.
const (
	kindHTML uint8 = iota
	kindBytes
	kindText
	kindFiles
	kindBlob
	kindBlobFiles        // files kept on disk: their count, and each name and blob
	kindHTMLFiles        // pieces of HTML by name (a set of cards): as kindFiles
	kindEnd       = 0xff // after the last record
)

// Open returns the memo saved at path by this same program, or an empty one when
// there is none, it cannot be read, or another program or version saved it. The
// file stays open for the memo's blobs until Close.
func Open(path string) *Memo {
	m := New()
	if header() == magic+"unknown\n" {
		return m
	}
	f, err := os.Open(path)
	if err != nil {
		return m
	}
	entries, ok := decode(f)
	if !ok {
		f.Close()
		return m
	}
	m.fill(entries)
	m.opened, m.file = len(entries), f
	return m
}

// Close closes the saved memo Open read, once nothing reads its blobs any more.
func (m *Memo) Close() error {
	if m.file == nil {
		return nil
	}
	err := m.file.Close()
	m.file = nil
	return err
}

// decode reads the records of the saved memo f; ok is false when they are cut
// short or malformed, or f is not a saved memo of this program.
func decode(f *os.File) (entries map[uint64]any, ok bool) {
	info, err := f.Stat()
	if err != nil {
		return nil, false
	}
	d := &decoder{f: f, r: bufio.NewReaderSize(f, 1<<16), size: info.Size()}
	if string(d.take(uint64(len(header())))) != header() {
		return nil, false
	}
	entries = map[uint64]any{}
	for !d.bad {
		key, good := d.key(), true
		switch kind := d.byte(); kind {
		case kindEnd:
			return entries, !d.bad && d.off == d.size && key == 0
		case kindHTML:
			entries[key] = template.HTML(d.bytes())
		case kindBytes:
			entries[key] = d.bytes()
		case kindText:
			entries[key] = string(d.bytes())
		case kindBlob:
			entries[key] = d.blob(f)
		case kindBlobFiles:
			entries[key], good = readFiles(d, func() Blob { return d.blob(f) })
		case kindFiles:
			entries[key], good = readFiles(d, d.bytes)
		case kindHTMLFiles:
			entries[key], good = readFiles(d, func() template.HTML { return template.HTML(d.bytes()) })
		default:
			return nil, false
		}
		if !good {
			return nil, false
		}
	}
	return nil, false
}

// readFiles reads a count of files, then each file's name and, with value, what it
// holds: as putFiles or encode's blob files wrote them.
func readFiles[T any](d *decoder, value func() T) (any, bool) {
	n := d.uvarint()
	if n > uint64(d.size-d.off) {
		return nil, false
	}
	files := make(map[string]T, n)
	for range n {
		name := string(d.bytes())
		files[name] = value()
	}
	return files, !d.bad
}

// blob is the next product of f as a Blob that reads it from the file, which is
// skipped.
func (d *decoder) blob(f *os.File) Blob {
	n := d.uvarint()
	b := Blob{io.NewSectionReader(f, d.off, int64(n))}
	d.skip(n)
	return b
}

// decoder reads a saved memo's records from the start of its file; bad says it met
// their end too soon.
type decoder struct {
	f         *os.File
	r         *bufio.Reader
	off, size int64 // where r is in the file, and the file's size
	bad       bool
}

// take reads the next n bytes into a slice of their own.
func (d *decoder) take(n uint64) []byte {
	if d.bad || n > uint64(d.size-d.off) {
		d.bad = true
		return nil
	}
	p := make([]byte, n)
	if _, err := io.ReadFull(d.r, p); err != nil {
		d.bad = true
		return nil
	}
	d.off += int64(n)
	return p
}

// skip passes over the next n bytes without reading them.
func (d *decoder) skip(n uint64) {
	if d.bad || n > uint64(d.size-d.off) {
		d.bad = true
		return
	}
	d.off += int64(n)
	if n <= uint64(d.r.Buffered()) {
		_, _ = d.r.Discard(int(n))
		return
	}
	if _, err := d.f.Seek(d.off, io.SeekStart); err != nil {
		d.bad = true
		return
	}
	d.r.Reset(d.f)
}

func (d *decoder) key() uint64 {
	var p [8]byte
	if d.bad || d.size-d.off < 8 {
		d.bad = true
		return 0
	}
	if _, err := io.ReadFull(d.r, p[:]); err != nil {
		d.bad = true
		return 0
	}
	d.off += 8
	return binary.LittleEndian.Uint64(p[:])
}

func (d *decoder) byte() uint8 {
	b, err := countingReader{d}.ReadByte()
	if err != nil {
		d.bad = true
	}
	return b
}

func (d *decoder) uvarint() uint64 {
	v, err := binary.ReadUvarint(countingReader{d})
	if err != nil {
		d.bad = true
		return 0
	}
	return v
}

// countingReader reads single bytes for binary.ReadUvarint, counting them.
type countingReader struct{ d *decoder }

func (c countingReader) ReadByte() (byte, error) {
	b, err := c.d.r.ReadByte()
	if err == nil {
		c.d.off++
	}
	return b, err
}

func (d *decoder) bytes() []byte { return d.take(d.uvarint()) }

// Save writes what the last build stored or used to path, in one step: a reader
// sees the old memo or the new one. A file at path that is not a saved memo is left
// alone. Files a killed Save left beside path are removed first.
func (m *Memo) Save(path string) error { return m.SaveIf(path, func() bool { return true }) }

// SaveIf is Save that, once the memo is written in full under a temporary name,
// asks keep whether to put it at path, and removes it if not. A build saves its memo
// while it writes the site, and keeps it only if the site was written.
func (m *Memo) SaveIf(path string, keep func() bool) error {
	if header() == magic+"unknown\n" {
		return nil // without the program's hash, a saved memo could outlive its program
	}
	same := m.puts.Load() == 0 && m.size() == m.opened
	if f, err := os.Open(path); err == nil {
		b := make([]byte, len(memoPrefix))
		_, err := io.ReadFull(f, b)
		f.Close()
		if err != nil || string(b) != memoPrefix {
			return nil // not ours
		}
	}
	dir, base := filepath.Split(path)
	if entries, err := os.ReadDir(filepath.Clean(dir)); err == nil { // even when nothing changed
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), base+".tmp-") && e.Type().IsRegular() {
				_ = os.Remove(filepath.Join(dir, e.Name()))
			}
		}
	}
	if same {
		if _, err := os.Stat(path); err == nil {
			return nil // the saved memo holds just this
		}
	}
	tmp, err := os.CreateTemp(filepath.Clean(dir), base+".tmp-")
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(tmp, 1<<16)
	w.WriteString(header())
	err = encode(w, m.current())
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	kept := err == nil && keep()
	if kept {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil || !kept {
		_ = os.Remove(tmp.Name())
	}
	return err
}

// putFiles writes the number of files, then each file's name and bytes, each
// after its length (putLen), in the order of their names.
func putFiles[T ~[]byte | ~string](files map[string]T, w *bufio.Writer, putLen func(int)) {
	putLen(len(files))
	for _, name := range slices.Sorted(maps.Keys(files)) {
		putLen(len(name))
		w.WriteString(name)
		v := files[name]
		putLen(len(v))
		if b, ok := any(v).([]byte); ok {
			w.Write(b)
		} else {
			w.WriteString(string(v)) // a string kind: no copy
		}
	}
}

// encode writes cur, what the last build stored or used, in the order of their keys,
// and the end mark; files go in the order of their names, so that the same products
// are saved as the same bytes. Blobs are copied from where they are kept. Nothing
// is copied on the way: saving the memo of 10,000 stretches made 60-85 MB of copies
// that the collector then had to find.
func encode(w *bufio.Writer, cur map[uint64]any) error {
	keys := slices.Sorted(maps.Keys(cur))
	var buf []byte
	putLen := func(n int) {
		buf = binary.AppendUvarint(buf[:0], uint64(n))
		w.Write(buf)
	}
	put := func(b []byte) {
		putLen(len(b))
		w.Write(b)
	}
	putString := func(s string) {
		putLen(len(s))
		w.WriteString(s)
	}
	// A blob is copied through one buffer: w hands a copy to os.File.ReadFrom when
	// its own buffer is empty, which makes a new 32 KB buffer each time.
	through := make([]byte, 64<<10)
	copyBlob := func(b Blob) error { // its length and bytes, as put writes them
		putLen(int(b.Size()))
		_, err := io.CopyBuffer(struct{ io.Writer }{w}, io.NewSectionReader(b, 0, b.Size()), through)
		return err
	}
	head := func(key uint64, kind uint8) {
		buf = append(binary.LittleEndian.AppendUint64(buf[:0], key), kind)
		w.Write(buf)
	}
	for _, k := range keys {
		switch v := cur[k].(type) {
		case template.HTML:
			head(k, kindHTML)
			putString(string(v))
		case []byte:
			head(k, kindBytes)
			put(v)
		case string:
			head(k, kindText)
			putString(v)
		case Blob:
			head(k, kindBlob)
			if err := copyBlob(v); err != nil {
				return err
			}
		case map[string]Blob:
			head(k, kindBlobFiles)
			putLen(len(v))
			for _, name := range slices.Sorted(maps.Keys(v)) {
				putString(name)
				if err := copyBlob(v[name]); err != nil {
					return err
				}
			}
		case map[string][]byte:
			head(k, kindFiles)
			putFiles(v, w, putLen)
		case map[string]template.HTML:
			head(k, kindHTMLFiles)
			putFiles(v, w, putLen)
		}
	}
	head(0, kindEnd)
	return nil
}

// header is the first line of a saved memo: magic and the program's hash.
func header() string { return magic + Program() + "\n" }

// Program is the SHA-256 of this program's executable, in hex, or "unknown" when it
// cannot be read: what a build saves for the next one is only good for the same
// program.
func Program() string {
	programOnce.Do(func() {
		program = "unknown"
		if exe, err := os.Executable(); err == nil {
			if f, err := os.Open(exe); err == nil {
				h := sha256.New()
				if _, err := io.Copy(h, f); err == nil {
					program = hex.EncodeToString(h.Sum(nil))
				}
				f.Close()
			}
		}
	})
	return program
}

var (
	programOnce sync.Once
	program     string
)
