package memo

import (
	"reflect"

	"github.com/stretchguide/stretchguide/generator/guide"
	"github.com/stretchguide/stretchguide/generator/internal/par"
)

// Model hashes everything a template can read from the linked guide except what each
// page has for itself only: its rendered Markdown body and reading measures. It walks
// the model by reflection, so a field added to package guide is covered without
// anyone remembering to add it here. Pointers are followed once; a pointer met again
// is written as the number of its first visit, which keeps the walk finite and tells
// apart a model whose links differ.
func (m *Memo) Model(g *guide.Guide) uint64 {
	full, _ := m.Models(g)
	return full
}

// Models hashes the model as Model does (full), and once more without the
// summaries of stretches (shared): a page that shows only a few stretches' summaries
// can be keyed with shared and those summaries, so that editing one summary renders
// again only the pages that show it. full is shared and every stretch's summary.
//
// The model's entities (what the guide's fields point to: each stretch, routine,
// area, flag, position, reference and page) are numbered first, and each is hashed
// on its own, on all cores, writing a pointer to another entity as its number; the
// guide itself is hashed last, with the entities' hashes in order. Walked in one
// piece, the model took a fifth of a rebuild after a save at 10,000 stretches.
func (m *Memo) Models(g *guide.Guide) (full, shared uint64) {
	ents, known := entities(reflect.ValueOf(g).Elem())
	const chunk = 64
	sums := make([]uint64, (len(ents)+chunk-1)/chunk)
	par.Do(len(sums), func(i int) {
		h := m.Hasher()
		h.known, h.noStretchSummary = known, true
		for _, e := range ents[i*chunk : min((i+1)*chunk, len(ents))] {
			h.Value(e.Elem())
		}
		sums[i] = h.Sum()
	})
	h := m.Hasher()
	h.known, h.noStretchSummary = known, true
	h.Value(reflect.ValueOf(g).Elem())
	for _, s := range sums {
		h.Uint(s)
	}
	shared = h.Sum()
	h = m.Hasher()
	h.String("model")
	h.Uint(shared)
	for _, s := range g.Stretches {
		h.String(s.Summary)
	}
	return h.Sum(), shared
}

// knownBit marks an entity's number, so that it never reads as the number of a
// pointer's first visit.
const knownBit = 1 << 63

// entities lists, once each and in the guide's order, the pointers the fields of
// guide g hold, directly or in a list, and numbers them: each under its own type,
// and under the pointer type of each struct it embeds (a *Page pointing into a
// Stretch is the stretch's).
func entities(g reflect.Value) ([]reflect.Value, map[seenKey]uint64) {
	// The maps are made at about their final size (the guide's lists' lengths, each
	// entity with about one struct embedded): growing them took a third of the time
	// numbering the entities of 10,000 stretches took after each save.
	size := 0
	for i := range g.NumField() {
		if f := g.Field(i); f.Kind() == reflect.Slice {
			size += f.Len()
		}
	}
	ents := make([]reflect.Value, 0, size)
	known := make(map[seenKey]uint64, 2*size)
	// The structs a type embeds, looked up once per type rather than field by field
	// for each entity, which took another third.
	type embed struct {
		ptr    reflect.Type // a pointer to the embedded struct
		offset uintptr
		n      uint64 // its field's index + 1
	}
	embeds := map[reflect.Type][]embed{}
	embedded := func(t reflect.Type) []embed {
		e, ok := embeds[t]
		if !ok && t.Kind() == reflect.Struct {
			for i := range t.NumField() {
				if f := t.Field(i); f.Anonymous && f.Type.Kind() == reflect.Struct {
					e = append(e, embed{reflect.PointerTo(f.Type), f.Offset, uint64(i + 1)})
				}
			}
			embeds[t] = e
		}
		return e
	}
	add := func(p reflect.Value) {
		if p.Kind() != reflect.Pointer || p.IsNil() {
			return
		}
		k := seenKey{p.Type(), p.Pointer()}
		if _, ok := known[k]; ok {
			return
		}
		ents = append(ents, p)
		n := uint64(len(ents))
		known[k] = n << 8
		for _, e := range embedded(p.Type().Elem()) {
			known[seenKey{e.ptr, p.Pointer() + e.offset}] = n<<8 | e.n
		}
	}
	for i := range g.NumField() {
		switch f := g.Field(i); f.Kind() {
		case reflect.Pointer:
			add(f)
		case reflect.Slice:
			for j := range f.Len() {
				add(f.Index(j))
			}
		}
	}
	return ents, known
}
