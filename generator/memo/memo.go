// Package memo keeps the expensive products of a build (a rendered Markdown body, a
// page, a page's search words, the handouts) under a key that hashes exactly the
// inputs of each, so that the next build reuses every product whose inputs did not
// change. A plain build starts from an empty Memo; serve keeps one alive between
// builds, and a build saves it beside its output folder (Open, Save). What a build
// did not use is dropped when the next one starts.
package memo

import (
	"sync"
)

// Memo is a content-addressed store of products. It is safe for concurrent use.
type Memo struct {
	mu  sync.Mutex
	old map[uint64]any // what the previous build stored or used
	cur map[uint64]any // what this build stored or used
	// opened is how many products Open read; puts counts those stored since. Save
	// skips a memo that holds exactly what it opened.
	opened, puts int
}

// New returns an empty Memo.
func New() *Memo {
	return &Memo{old: map[uint64]any{}, cur: map[uint64]any{}}
}

// Next starts a build: products the previous build neither stored nor used are
// dropped.
func (m *Memo) Next() {
	m.mu.Lock()
	m.old, m.cur = m.cur, make(map[uint64]any, len(m.cur)) // most are used again
	m.mu.Unlock()
}

// Get returns the product stored under key, if any.
func (m *Memo) Get(key uint64) (any, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.cur[key]; ok {
		return v, true
	}
	v, ok := m.old[key]
	if ok {
		m.cur[key] = v
	}
	return v, ok
}

// Put stores v under key.
func (m *Memo) Put(key uint64, v any) {
	m.mu.Lock()
	m.cur[key] = v
	m.puts++
	m.mu.Unlock()
}

// Do returns the product stored under key, or makes it with make and stores it;
// made says which.
func Do[T any](m *Memo, key uint64, make func() (T, error)) (v T, made bool, err error) {
	if got, ok := m.Get(key); ok {
		if v, ok := got.(T); ok {
			return v, false, nil
		}
	}
	if v, err = make(); err != nil {
		return v, true, err
	}
	m.Put(key, v)
	return v, true, nil
}

// Changed says that a product stored earlier grew (a set of parts kept under one
// key, filled as they are made), so that Save writes the memo again.
func (m *Memo) Changed() {
	m.mu.Lock()
	m.puts++
	m.mu.Unlock()
}
