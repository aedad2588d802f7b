package memo

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"html/template"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// magic starts every saved memo; the program's own hash follows it on the first line,
// so that a memo saved by another version of the program is never used.
const magic = "stretchguide memo 1 "

// saved is one product as a saved memo holds it.
type saved struct {
	HTML  template.HTML
	Bytes []byte
	Text  string
	Files map[string][]byte
	Kind  uint8 // which field holds the product
}

const (
	kindHTML uint8 = iota
	kindBytes
	kindText
	kindFiles
)

// Open returns the memo saved at path by this same program, or an empty one when
// there is none, it cannot be read, or another program or version saved it.
func Open(path string) *Memo {
	m := New()
	f, err := os.Open(path)
	if err != nil || header() == magic+"unknown\n" {
		return m
	}
	defer f.Close()
	r := bufio.NewReader(f)
	if line, err := r.ReadString('\n'); err != nil || line != header() {
		return m
	}
	var entries map[uint64]saved
	if gob.NewDecoder(r).Decode(&entries) != nil {
		return m
	}
	for k, e := range entries {
		switch e.Kind {
		case kindHTML:
			m.cur[k] = e.HTML
		case kindBytes:
			m.cur[k] = e.Bytes
		case kindText:
			m.cur[k] = e.Text
		case kindFiles:
			m.cur[k] = e.Files
		}
	}
	m.opened = len(m.cur)
	return m
}

// Save writes what the last build stored or used to path, in one step: a reader
// sees the old memo or the new one. A file at path that is not a saved memo is left
// alone. Files a killed Save left beside path are removed first.
func (m *Memo) Save(path string) error {
	if header() == magic+"unknown\n" {
		return nil // without the program's hash, a saved memo could outlive its program
	}
	m.mu.Lock()
	same := m.puts == 0 && len(m.cur) == m.opened
	m.mu.Unlock()
	if f, err := os.Open(path); err == nil {
		b := make([]byte, len(magic))
		_, err := io.ReadFull(f, b)
		f.Close()
		if err != nil || string(b) != magic {
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
	var buf bytes.Buffer
	buf.WriteString(header())
	if err := gob.NewEncoder(&buf).Encode(m.entries()); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Clean(dir), base+".tmp-")
	if err != nil {
		return err
	}
	_, err = tmp.Write(buf.Bytes())
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		_ = os.Remove(tmp.Name())
	}
	return err
}

// entries lists what the last build stored or used, as saved.
func (m *Memo) entries() map[uint64]saved {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make(map[uint64]saved, len(m.cur))
	for k, v := range m.cur {
		switch v := v.(type) {
		case template.HTML:
			out[k] = saved{Kind: kindHTML, HTML: v}
		case []byte:
			out[k] = saved{Kind: kindBytes, Bytes: v}
		case string:
			out[k] = saved{Kind: kindText, Text: v}
		case map[string][]byte:
			out[k] = saved{Kind: kindFiles, Files: v}
		}
	}
	return out
}

// header is the first line of a saved memo: magic and the program's hash.
func header() string {
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
	return magic + program + "\n"
}

var (
	programOnce sync.Once
	program     string
)
