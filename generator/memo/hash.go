package memo

import (
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"math"
	"reflect"
	"sort"
	"sync"
	"time"

	"github.com/stretchguide/stretchguide/generator/guide"
)

// Hasher returns a Hasher for the key of one product. Keys are the same in every
// run of the program, so a Memo can be saved and opened again.
func (m *Memo) Hasher() *Hasher {
	h := &Hasher{h: sha256.New()}
	h.reset()
	return h
}

// reset makes h as Memo.Hasher returns it, keeping its memory.
func (h *Hasher) reset() {
	h.h.Reset()
	h.buf, h.known, h.noStretchSummary = h.first[:0], nil, false
	clear(h.seen)
}

// Key returns the key of what fill writes into a Hasher taken from a pool and put
// back after: the keys of every body, page and search entry are made again after
// each save, and their Hashers were a sixth of what a save allocated at 10,000
// stretches. fill must not keep the Hasher.
func (m *Memo) Key(fill func(h *Hasher)) uint64 {
	h := hashers.Get().(*Hasher)
	fill(h)
	k := h.Sum()
	h.reset()
	hashers.Put(h)
	return k
}

var hashers = sync.Pool{New: func() any { return (*Memo).Hasher(nil) }}

// Sum is the hash of everything written so far.
func (m *Hasher) Sum() uint64 {
	m.flush()
	return binary.LittleEndian.Uint64(m.h.Sum(m.sum[:0]))
}

// flush hashes what buf gathered.
func (m *Hasher) flush() {
	_, _ = m.h.Write(m.buf)
	m.buf = m.buf[:0]
}

// room makes room for n more bytes in buf, hashing what it holds when it is full.
func (m *Hasher) room(n int) {
	if len(m.buf)+n > cap(m.buf) {
		m.flush()
	}
}

type seenKey struct {
	t reflect.Type
	p uintptr
}

// Hasher serializes the inputs of a product into buf and hashes them a block at a
// time; Memo.Hasher makes one. buf starts as first, so that the key of a page, a
// few hundred bytes, is made with no more memory than the Hasher (growing buf was
// a third of what a rebuild allocated).
type Hasher struct {
	h    hash.Hash
	seen map[seenKey]uint64
	// known numbers the pointers to the model's entities (model.go): one is written
	// as its number, never followed.
	known map[seenKey]uint64
	buf   []byte
	first [256]byte
	// sum receives the digest: a local array passed to the hash.Hash escaped, one
	// allocation for each of the ~40,000 keys made after each save at 10,000
	// stretches.
	sum [sha256.Size]byte
	// noStretchSummary leaves out the Summary of pages of stretches (Models).
	noStretchSummary bool
}

var (
	pageType = reflect.TypeFor[guide.Page]()
	timeType = reflect.TypeFor[time.Time]()
	// pageOwn holds the indexes of guide.Page's fields that only the page itself
	// shows: its rendered body and what is measured from it (Reading). hashModel
	// leaves them out; each page's key covers its own.
	pageOwn = map[int]bool{fieldIndex(pageType, "Body"): true, fieldIndex(pageType, "Reading"): true}
	// pageSummary and pageKind are the indexes of guide.Page's Summary and Kind.
	pageSummary, pageKind = fieldIndex(pageType, "Summary"), fieldIndex(pageType, "Kind")
)

func fieldIndex(t reflect.Type, name string) int {
	if f, ok := t.FieldByName(name); ok && len(f.Index) == 1 {
		return f.Index[0]
	}
	return -1
}

// Uint writes v.
func (m *Hasher) Uint(v uint64) {
	m.room(8)
	m.buf = binary.LittleEndian.AppendUint64(m.buf, v)
}

// Bytes writes b after its length.
func (m *Hasher) Bytes(b []byte) {
	m.Uint(uint64(len(b)))
	if len(b) > cap(m.buf)/2 {
		m.flush()
		_, _ = m.h.Write(b)
		return
	}
	m.room(len(b))
	m.buf = append(m.buf, b...)
}

// String writes s after its length, so that consecutive strings cannot run together.
func (m *Hasher) String(s string) {
	m.Uint(uint64(len(s)))
	for len(s) > 0 { // through buf, a bufferful at a time
		if len(m.buf) == cap(m.buf) {
			m.flush()
		}
		n := copy(m.buf[len(m.buf):cap(m.buf)], s)
		m.buf, s = m.buf[:len(m.buf)+n], s[n:]
	}
}

// Value writes v and everything it leads to.
func (m *Hasher) Value(v reflect.Value) {
	if m.seen == nil {
		m.seen = map[seenKey]uint64{}
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			m.Uint(0)
			return
		}
		k := seenKey{v.Type(), v.Pointer()}
		if n, ok := m.known[k]; ok {
			m.Uint(n | knownBit)
			return
		}
		if n, ok := m.seen[k]; ok {
			m.Uint(n)
			return
		}
		n := uint64(len(m.seen) + 1)
		m.seen[k] = n
		m.Uint(n)
		m.Value(v.Elem())
	case reflect.Struct:
		t := v.Type()
		if t == timeType && v.CanInterface() {
			tm := v.Interface().(time.Time)
			m.Uint(uint64(tm.UnixNano()))
			m.String(tm.Location().String())
			return
		}
		for i := range v.NumField() {
			if t == pageType && (pageOwn[i] || i == pageSummary && m.noStretchSummary &&
				v.Field(pageKind).String() == string(guide.KindStretch)) {
				continue // keyed per page, with the page's own key
			}
			m.Value(v.Field(i))
		}
	case reflect.Slice, reflect.Array:
		m.Uint(uint64(v.Len()))
		for i := range v.Len() {
			m.Value(v.Index(i))
		}
	case reflect.String:
		m.String(v.String())
	case reflect.Bool:
		if v.Bool() {
			m.Uint(1)
		} else {
			m.Uint(0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		m.Uint(uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		m.Uint(v.Uint())
	case reflect.Float32, reflect.Float64:
		m.Uint(math.Float64bits(v.Float()))
	case reflect.Interface:
		if v.IsNil() {
			m.Uint(0)
			return
		}
		m.String(v.Elem().Type().String())
		m.Value(v.Elem())
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		m.Uint(uint64(len(keys)))
		for _, k := range keys {
			m.Value(k)
			m.Value(v.MapIndex(k))
		}
	default:
		// Funcs and channels: nothing a template prints.
		m.String(v.Type().String())
	}
}
