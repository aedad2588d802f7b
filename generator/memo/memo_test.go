package memo

import "testing"

// A product stays while builds use it: Next drops what the build before it neither
// stored nor used, and keeps the rest for the next one.
func TestNextDropsWhatTheLastBuildDidNotUse(t *testing.T) {
	m := New()
	has := func(build int, key uint64, want bool) {
		t.Helper()
		if _, ok := m.Get(key); ok != want {
			t.Errorf("build %d: product %d found: %v, want %v", build, key, ok, want)
		}
	}
	m.Put(1, "a")
	m.Put(2, "b")
	m.Put(3, "c")
	m.Next()
	has(2, 1, true)
	has(2, 2, true)
	m.Next()
	has(3, 3, false) // build 2 did not use it
	has(3, 1, true)
	m.Next()
	has(4, 2, false) // build 3 did not use it
	has(4, 1, true)
	m.Put(3, "c again")
	m.Next()
	has(5, 3, true)
}
