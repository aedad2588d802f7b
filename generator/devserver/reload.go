package devserver

import (
	"fmt"
	"io"
	"strings"
	"sync"
)

// Event is one Server-Sent Event: a name (reload, error, hello) and its data, JSON.
type Event struct {
	Name string
	Data string
}

// WriteTo writes the event in the text/event-stream format.
func (e Event) WriteTo(w io.Writer) (int64, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "event: %s\n", e.Name)
	for _, line := range strings.Split(e.Data, "\n") {
		fmt.Fprintf(&b, "data: %s\n", line)
	}
	b.WriteString("\n")
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// clientBuffer is how many events may wait for a slow browser tab; one that falls
// further behind is disconnected, and its EventSource connects again by itself and
// catches up from the hello event.
const clientBuffer = 8

// Hub sends events to every connected browser tab. One goroutine owns the set of
// clients and serves registrations, departures and broadcasts in a single select
// loop, so no lock is needed.
type Hub struct {
	register   chan chan Event
	unregister chan chan Event
	broadcast  chan Event
	quit       chan struct{}
	done       chan struct{}
	closing    sync.Once
}

// NewHub starts a hub; Close stops it.
func NewHub() *Hub {
	h := &Hub{register: make(chan chan Event), unregister: make(chan chan Event),
		broadcast: make(chan Event), quit: make(chan struct{}), done: make(chan struct{})}
	go h.run()
	return h
}

func (h *Hub) run() {
	defer close(h.done)
	clients := map[chan Event]bool{}
	drop := func(c chan Event) {
		if clients[c] {
			delete(clients, c)
			close(c)
		}
	}
	for {
		select {
		case c := <-h.register:
			clients[c] = true
		case c := <-h.unregister:
			drop(c)
		case e := <-h.broadcast:
			for c := range clients {
				select {
				case c <- e:
				default:
					drop(c) // too slow: it reconnects and catches up
				}
			}
		case <-h.quit:
			for c := range clients {
				drop(c)
			}
			return
		}
	}
}

// Subscribe registers a client. Its channel receives every event broadcast from now
// on, and is closed when the client is dropped or the hub closes. It returns nil
// once the hub is closed.
func (h *Hub) Subscribe() chan Event {
	c := make(chan Event, clientBuffer)
	select {
	case h.register <- c:
		return c
	case <-h.done:
		return nil
	}
}

// Unsubscribe drops a client registered with Subscribe.
func (h *Hub) Unsubscribe(c chan Event) {
	select {
	case h.unregister <- c:
	case <-h.done:
	}
}

// Broadcast sends e to every client connected now.
func (h *Hub) Broadcast(e Event) {
	select {
	case h.broadcast <- e:
	case <-h.done:
	}
}

// Close disconnects every client and stops the hub.
func (h *Hub) Close() {
	h.closing.Do(func() { close(h.quit) })
	<-h.done
}
