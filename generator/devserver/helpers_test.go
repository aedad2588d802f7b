package devserver

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchguide/stretchguide/generator"
)

// waitLimit bounds every wait of these tests, so a missing event fails the test
// instead of hanging it. It is not a speed requirement: benchmarks measure speed.
const waitLimit = 15 * time.Second

// copySite copies the generator's test site into a new folder and returns it.
func copySite(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dir, os.DirFS("../testdata/site")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// running is a server started for a test.
type running struct {
	*Server
	url  string // the site's root, ending in /
	errs chan error
}

// start builds opts, serves it on a free loopback port and stops it when the test ends.
func start(t testing.TB, opts generator.Options) *running { return startWith(t, opts, nil) }

// startWith is start with s.Built set to built.
func startWith(t testing.TB, opts generator.Options, built chan time.Duration) *running {
	t.Helper()
	return startSet(t, opts, func(s *Server) { s.Built = built })
}

// startSet is start with set called on the server before it runs.
func startSet(t testing.TB, opts generator.Options, set func(*Server)) *running {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	s, err := New(ctx, opts, io.Discard, DefaultWindow)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	ln, err := Listen("127.0.0.1:0")
	if err != nil {
		cancel()
		s.Close()
		t.Fatal(err)
	}
	set(s)
	r := &running{Server: s, url: s.URL(ln), errs: make(chan error, 1)}
	go func() { r.errs <- s.Run(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-r.errs; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	return r
}

// get fetches a page of the running site and returns its status and body.
func get(t testing.TB, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

// listen opens the server's event stream and returns its events as they arrive.
// The channel is closed when the stream ends.
func listen(t testing.TB, siteURL string) <-chan Event {
	t.Helper()
	u := strings.TrimSuffix(siteURL, "/")
	if i := strings.Index(u[len("http://"):], "/"); i >= 0 {
		u = u[:len("http://")+i] // the events live at the server's root, not the site's
	}
	resp, err := http.Get(u + EventsPath)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("event stream served as %q", ct)
	}
	t.Cleanup(func() { resp.Body.Close() })
	events := make(chan Event, 64)
	go func() {
		defer close(events)
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<20)
		var e Event
		var data []string
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if e.Name != "" {
					e.Data = strings.Join(data, "\n")
					events <- e
				}
				e, data = Event{}, nil
			case strings.HasPrefix(line, "event: "):
				e.Name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				data = append(data, strings.TrimPrefix(line, "data: "))
			}
		}
	}()
	return events
}

// next waits for the next event and checks its name.
func next(t testing.TB, events <-chan Event, name string) Event {
	t.Helper()
	for {
		select {
		case e, ok := <-events:
			if !ok {
				t.Fatalf("the event stream ended while waiting for %q", name)
			}
			if halfWritten(e) {
				continue
			}
			if e.Name != name {
				t.Fatalf("got event %q (%s), want %q", e.Name, e.Data, name)
			}
			return e
		case <-time.After(waitLimit):
			t.Fatalf("no %q event after %v", name, waitLimit)
		}
	}
}

// halfWritten reports an error event about a file that was empty when read: a plain
// write truncates the file before writing it, and on a machine busy enough to pause
// the writer for longer than the batching window in between, the server builds the
// empty file, reports it, and builds again once the text arrives. Tests writing files
// that way skip that first report.
func halfWritten(e Event) bool {
	return e.Name == "error" && strings.Contains(e.Data, "error: the file is empty")
}

func replace(t testing.TB, file, old, new string) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s does not contain %q", file, old)
	}
	if err := os.WriteFile(file, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}
