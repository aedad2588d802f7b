// Package memo keeps the expensive products of a build (a rendered Markdown body, a
// page, a page's search words, the handouts) under a key that hashes exactly the
// inputs of each, so that the next build reuses every product whose inputs did not
// change. A plain build starts from an empty Memo; serve keeps one alive between
// builds, and a build saves it beside its output folder (Open, Save). What a build
// did not use is dropped when the next one starts.
package memo

import (
	"os"
	"sync"
	"sync/atomic"
)

// shards is how many parts a Memo's table is split into, each with its own lock: a
// build looks up some 40,000 products at 10,000 stretches from every core, and one
// lock for all made them wait on each other.
const shards = 64

// Memo is a content-addressed store of products. It is safe for concurrent use.
type Memo struct {
	parts [shards]shard
	// opened is how many products Open read; puts counts those stored since. Save
	// skips a memo that holds exactly what it opened.
	opened int
	puts   atomic.Int64
	file   *os.File // the saved memo Open read, holding its blobs
}

// shard holds the products whose keys end in its number.
type shard struct {
	mu  sync.Mutex
	old map[uint64]any // what the previous build stored or used
	cur map[uint64]any // what this build stored or used
}

// New returns an empty Memo.
func New() *Memo {
	m := &Memo{}
	for i := range m.parts {
		m.parts[i] = shard{old: map[uint64]any{}, cur: map[uint64]any{}}
	}
	return m
}

func (m *Memo) shard(key uint64) *shard { return &m.parts[key%shards] }

// Next starts a build: products the previous build neither stored nor used are
// dropped. The table of those is emptied and kept for this build's: most products
// are used again, and making it anew after each save, at its size, was 1.7 MB of
// what a save allocated at 10,000 stretches.
func (m *Memo) Next() {
	for i := range m.parts {
		s := &m.parts[i]
		s.mu.Lock()
		clear(s.old)
		s.old, s.cur = s.cur, s.old
		s.mu.Unlock()
	}
}

// Get returns the product stored under key, if any.
func (m *Memo) Get(key uint64) (any, bool) {
	s := m.shard(key)
	s.mu.Lock()
	defer s.mu.Unlock()
	if v, ok := s.cur[key]; ok {
		return v, true
	}
	v, ok := s.old[key]
	if ok {
		s.cur[key] = v
	}
	return v, ok
}

// Put stores v under key.
func (m *Memo) Put(key uint64, v any) {
	s := m.shard(key)
	s.mu.Lock()
	s.cur[key] = v
	s.mu.Unlock()
	m.puts.Add(1)
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
func (m *Memo) Changed() { m.puts.Add(1) }

// size is how many products this build stored or used.
func (m *Memo) size() int {
	n := 0
	for i := range m.parts {
		s := &m.parts[i]
		s.mu.Lock()
		n += len(s.cur)
		s.mu.Unlock()
	}
	return n
}

// current returns a copy of what this build stored or used.
func (m *Memo) current() map[uint64]any {
	all := map[uint64]any{}
	for i := range m.parts {
		s := &m.parts[i]
		s.mu.Lock()
		for k, v := range s.cur {
			all[k] = v
		}
		s.mu.Unlock()
	}
	return all
}

// fill makes entries what this build stored or used.
func (m *Memo) fill(entries map[uint64]any) {
	for k, v := range entries {
		m.shard(k).cur[k] = v
	}
}
