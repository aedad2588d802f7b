package generator

import (
	"encoding/binary"
	"hash/maphash"
	"math"
	"reflect"
	"sort"
	"time"

	"github.com/stretchguide/stretchguide/generator/guide"
)

// hashModel hashes everything a template can read from the linked guide except what
// each page has for itself only: its rendered Markdown body and reading measures. It walks the model by reflection, so a field added to
// package guide is covered without anyone remembering to add it here. Pointers are
// followed once; a pointer met again is written as the number of its first visit,
// which keeps the walk finite and tells apart a model whose links differ.
func (b *Builder) hashModel(g *guide.Guide) uint64 {
	m := modelHasher{seen: map[seenKey]uint64{}, buf: make([]byte, 0, flushAt+256)}
	m.h.SetSeed(b.seed)
	m.value(reflect.ValueOf(g))
	_, _ = m.h.Write(m.buf)
	return m.h.Sum64()
}

// flushAt is how much serialized model modelHasher gathers before hashing it.
const flushAt = 32 << 10

type seenKey struct {
	t reflect.Type
	p uintptr
}

// modelHasher serializes the model into buf and hashes it a block at a time.
type modelHasher struct {
	h    maphash.Hash
	seen map[seenKey]uint64
	buf  []byte
}

var (
	pageType = reflect.TypeFor[guide.Page]()
	timeType = reflect.TypeFor[time.Time]()
	// pageOwn holds the indexes of guide.Page's fields that only the page itself
	// shows: its rendered body and what is measured from it (Reading). hashModel
	// leaves them out; each page's key covers its own.
	pageOwn = map[int]bool{fieldIndex(pageType, "Body"): true, fieldIndex(pageType, "Reading"): true}
)

func fieldIndex(t reflect.Type, name string) int {
	if f, ok := t.FieldByName(name); ok && len(f.Index) == 1 {
		return f.Index[0]
	}
	return -1
}

func (m *modelHasher) uint(v uint64) { m.buf = binary.LittleEndian.AppendUint64(m.buf, v) }

func (m *modelHasher) bytes(b []byte) {
	m.uint(uint64(len(b)))
	m.buf = append(m.buf, b...)
}

// string writes s after its length, so that consecutive strings cannot run together.
func (m *modelHasher) string(s string) {
	m.uint(uint64(len(s)))
	m.buf = append(m.buf, s...)
	if len(m.buf) >= flushAt {
		_, _ = m.h.Write(m.buf)
		m.buf = m.buf[:0]
	}
}

func (m *modelHasher) value(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			m.uint(0)
			return
		}
		k := seenKey{v.Type(), v.Pointer()}
		if n, ok := m.seen[k]; ok {
			m.uint(n)
			return
		}
		n := uint64(len(m.seen) + 1)
		m.seen[k] = n
		m.uint(n)
		m.value(v.Elem())
	case reflect.Struct:
		t := v.Type()
		if t == timeType && v.CanInterface() {
			tm := v.Interface().(time.Time)
			m.uint(uint64(tm.UnixNano()))
			m.string(tm.Location().String())
			return
		}
		for i := range v.NumField() {
			if t == pageType && pageOwn[i] {
				continue // keyed per page, with the page's own key
			}
			m.value(v.Field(i))
		}
	case reflect.Slice, reflect.Array:
		m.uint(uint64(v.Len()))
		for i := range v.Len() {
			m.value(v.Index(i))
		}
	case reflect.String:
		m.string(v.String())
	case reflect.Bool:
		if v.Bool() {
			m.uint(1)
		} else {
			m.uint(0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		m.uint(uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		m.uint(v.Uint())
	case reflect.Float32, reflect.Float64:
		m.uint(math.Float64bits(v.Float()))
	case reflect.Interface:
		if v.IsNil() {
			m.uint(0)
			return
		}
		m.string(v.Elem().Type().String())
		m.value(v.Elem())
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		m.uint(uint64(len(keys)))
		for _, k := range keys {
			m.value(k)
			m.value(v.MapIndex(k))
		}
	default:
		// Funcs and channels: nothing a template prints.
		m.string(v.Type().String())
	}
}
