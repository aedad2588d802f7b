package devserver

import (
	"strings"
	"testing"
)

func TestEventFormat(t *testing.T) {
	var b strings.Builder
	if _, err := (Event{Name: "error", Data: "{\"a\":1}\nmore"}).WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	if want := "event: error\ndata: {\"a\":1}\ndata: more\n\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

func TestHub(t *testing.T) {
	h := NewHub()
	a, b := h.Subscribe(), h.Subscribe()
	h.Broadcast(Event{Name: "reload", Data: "1"})
	for _, c := range []chan Event{a, b} {
		if e := <-c; e.Name != "reload" || e.Data != "1" {
			t.Errorf("got %v", e)
		}
	}
	// A client that stops reading is dropped once its buffer is full; the others
	// keep receiving.
	for i := range clientBuffer + 1 {
		h.Broadcast(Event{Name: "reload", Data: string(rune('a' + i))})
		if e := <-b; e.Data != string(rune('a'+i)) {
			t.Fatalf("got %v", e)
		}
	}
	n := 0
	for range a {
		n++
	}
	if n != clientBuffer {
		t.Errorf("the slow client got %d events before being dropped, want %d", n, clientBuffer)
	}
	h.Unsubscribe(a) // already dropped: harmless
	h.Close()
	if _, ok := <-b; ok {
		t.Error("Close left a client connected")
	}
	if h.Subscribe() != nil {
		t.Error("a closed hub accepted a client")
	}
	h.Broadcast(Event{Name: "reload"}) // does not block once closed
	h.Close()
}
