package memo

import (
	"bufio"
	"cmp"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"html/template"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// magic starts every saved memo; the program's own hash follows it on the first line,
// so that a memo saved by another version of the program is never used. A stream of
// gob records follows, one per product: a single message holding them all was
// read and written through buffers grown many times over (some 200 ms of a
// rebuild at 1,000 stretches).
const magic = "stretchguide memo 2 "

// record is one product of a saved memo and its key.
type record struct {
	Key     uint64
	Product saved
}

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
	entries := map[uint64]any{}
	dec := gob.NewDecoder(r)
	for {
		var e record
		if err := dec.Decode(&e); err == io.EOF {
			break
		} else if err != nil {
			return m // a memo cut short is not used at all
		}
		switch p := e.Product; p.Kind {
		case kindHTML:
			entries[e.Key] = p.HTML
		case kindBytes:
			entries[e.Key] = p.Bytes
		case kindText:
			entries[e.Key] = p.Text
		case kindFiles:
			entries[e.Key] = p.Files
		}
	}
	m.cur, m.opened = entries, len(entries)
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
	tmp, err := os.CreateTemp(filepath.Clean(dir), base+".tmp-")
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(tmp, 1<<16)
	w.WriteString(header())
	enc := gob.NewEncoder(w)
	for _, e := range m.entries() {
		if err = enc.Encode(e); err != nil {
			break
		}
	}
	if err == nil {
		err = w.Flush()
	}
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

// entries lists what the last build stored or used, as saved, in the order of their
// keys.
func (m *Memo) entries() []record {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]record, 0, len(m.cur))
	for k, v := range m.cur {
		switch v := v.(type) {
		case template.HTML:
			out = append(out, record{k, saved{Kind: kindHTML, HTML: v}})
		case []byte:
			out = append(out, record{k, saved{Kind: kindBytes, Bytes: v}})
		case string:
			out = append(out, record{k, saved{Kind: kindText, Text: v}})
		case map[string][]byte:
			out = append(out, record{k, saved{Kind: kindFiles, Files: v}})
		}
	}
	slices.SortFunc(out, func(a, b record) int { return cmp.Compare(a.Key, b.Key) })
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
