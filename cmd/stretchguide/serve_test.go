package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchguide/stretchguide/generator/diag"
)

// waitLimit bounds every wait, so that a missing event fails the test rather than
// hanging it; it is not a speed requirement.
const waitLimit = 15 * time.Second

// syncBuffer is a buffer that the server goroutine writes while the test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

type sseEvent struct{ name, data string }

// openEvents reads the server's event stream; the channel closes when it ends.
func openEvents(t *testing.T, url string) <-chan sseEvent {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	events := make(chan sseEvent, 64)
	go func() {
		defer close(events)
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<20)
		var e sseEvent
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "" && e.name != "":
				events <- e
				e = sseEvent{}
			case strings.HasPrefix(line, "event: "):
				e.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				e.data += strings.TrimPrefix(line, "data: ")
			}
		}
	}()
	return events
}

func nextEvent(t *testing.T, events <-chan sseEvent, name string) sseEvent {
	t.Helper()
	for {
		select {
		case e, ok := <-events:
			if !ok {
				t.Fatalf("the event stream ended while waiting for %q", name)
			}
			// A plain write empties the file before writing it; on a machine busy
			// enough to pause the test in between for longer than the batching window,
			// the server reports the empty file, then builds the full one. Skip that.
			if e.name == "error" && strings.Contains(e.data, "error: the file is empty") {
				continue
			}
			if e.name != name {
				t.Fatalf("got event %q (%s), want %q", e.name, e.data, name)
			}
			return e
		case <-time.After(waitLimit):
			t.Fatalf("no %q event after %v", name, waitLimit)
		}
	}
}

// noMoreEvents checks that one save caused one event: nothing else arrives while
// the server would have finished any further rebuild many times over.
func noMoreEvents(t *testing.T, events <-chan sseEvent, step string) {
	t.Helper()
	select {
	case e := <-events:
		t.Errorf("%s: a second event %q (%s)", step, e.name, e.data)
	case <-time.After(300 * time.Millisecond):
	}
}

func page(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func edit(t *testing.T, file, old, new string) []byte {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s lacks %q", file, old)
	}
	return bytes.Replace(b, []byte(old), []byte(new), 1)
}

func write(t *testing.T, file string, b []byte) {
	t.Helper()
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestServeEndToEnd runs `stretchguide serve` on a free port against a copy of the
// test site, listens to its event stream like a browser tab, and edits the content:
// a save, a broken front matter and its fix, an editor's save through a temporary
// file renamed over the original, and a new page in a new folder. After each it
// checks the one event sent and, at once, the page served.
func TestServeEndToEnd(t *testing.T) {
	root := t.TempDir()
	content := filepath.Join(root, "content")
	if err := os.CopyFS(content, os.DirFS("../../generator/testdata/site")); err != nil {
		t.Fatal(err)
	}
	// Start without the pages folder, to create it while serving.
	if err := os.RemoveAll(filepath.Join(content, "pages")); err != nil {
		t.Fatal(err)
	}
	bedtime := filepath.Join(content, "routines/bedtime.md")
	write(t, bedtime, edit(t, bedtime, "A [warm pack](../pages/about.md) may help", "A warm pack may help"))

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	exit := make(chan int, 1)
	go func() {
		exit <- run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--content", content}, &stdout, &stderr)
	}()
	site := waitForURL(t, &stdout, &stderr, exit)
	if !strings.HasPrefix(site, "http://127.0.0.1:") {
		t.Fatalf("serving at %s, not on this computer only", site)
	}
	events := openEvents(t, site+"__stretchguide/events")
	nextEvent(t, events, "hello")
	bridge := filepath.Join(content, "stretches/bridge.md")
	bridgeURL := site + "stretches/bridge/"

	// 1. A save: one reload, sent once the new page is served.
	write(t, bridge, edit(t, bridge, "1. Lie on your back.", "1. Lie down slowly on your back."))
	nextEvent(t, events, "reload")
	if code, body := page(t, bridgeURL); code != 200 || !strings.Contains(body, "Lie down slowly on your back.") {
		t.Fatalf("after the reload event the page is not the new one (%d)", code)
	}
	noMoreEvents(t, events, "a save")

	// 2. A half-typed YAML line: an error naming the file and line, the last good
	// page still served, with the same problems as check.
	write(t, bridge, edit(t, bridge, "title: Bridge", "title: [Bridge"))
	e := nextEvent(t, events, "error")
	var failure struct{ Errors []string }
	if err := json.Unmarshal([]byte(e.data), &failure); err != nil {
		t.Fatal(err)
	}
	pushed := strings.Join(failure.Errors, "\n")
	if !strings.Contains(pushed, "content/stretches/bridge.md:3:1: error: the front matter is not valid YAML") {
		t.Errorf("the error does not name the file and line:\n%s", pushed)
	}
	// The same errors as check, in the same words (check also lists warnings and
	// each page's reading grade).
	var checkOut, checkText syncBuffer
	if run(context.Background(), []string{"check", "--format", "json", "--content", content}, &checkOut, io.Discard) != 1 {
		t.Error("check found no error")
	}
	var checked []struct {
		Path, Severity, Message, Hint string
		Line, Col                     int
	}
	if err := json.Unmarshal([]byte(checkOut.String()), &checked); err != nil {
		t.Fatal(err)
	}
	var checkErrors []string
	for _, d := range checked {
		if d.Severity == "error" {
			checkErrors = append(checkErrors, diag.Diagnostic{Path: d.Path, Line: d.Line, Col: d.Col, Severity: diag.Error, Message: d.Message, Hint: d.Hint}.String())
		}
	}
	run(context.Background(), []string{"check", "--content", content}, &checkText, io.Discard)
	if pushed != strings.Join(checkErrors, "\n") {
		t.Errorf("serve says:\n%s\ncheck says:\n%s", pushed, checkText.String())
	}
	for _, e := range failure.Errors {
		if !strings.Contains(checkText.String(), e+"\n") {
			t.Errorf("check does not print %q", e)
		}
	}
	code, body := page(t, bridgeURL)
	if code != 200 || !strings.Contains(body, "Lie down slowly on your back.") || !strings.Contains(body, `id="stretchguide-errors"`) ||
		!strings.Contains(body, "bridge.md:3:1: error: the front matter is not valid YAML: did not find expected &#39;,&#39; or &#39;]&#39;") {
		t.Errorf("during the failure the page should be the last good one with the errors (%d):\n%s", code, body)
	}
	if n := strings.Count(stderr.String(), "not valid YAML"); n != 1 {
		t.Errorf("the terminal shows the error %d times, want once:\n%s", n, stderr.String())
	}
	noMoreEvents(t, events, "a broken front matter")

	// 3. The fix: the page recovers.
	write(t, bridge, edit(t, bridge, "title: [Bridge", "title: Bridge"))
	nextEvent(t, events, "reload")
	if code, body := page(t, bridgeURL); code != 200 || strings.Contains(body, "stretchguide-errors") || !strings.Contains(body, "<h1>Bridge</h1>") {
		t.Errorf("after the fix (%d):\n%s", code, body)
	}
	noMoreEvents(t, events, "the fix")

	// 4. An editor's save: write a temporary file, rename it over the original.
	tmp := filepath.Join(content, "stretches/.goutputstream-XK2QZ")
	write(t, tmp, edit(t, bridge, "2. Lift your hips, then lower them.", "2. Lift your hips a little, then lower them."))
	if err := os.Rename(tmp, bridge); err != nil {
		t.Fatal(err)
	}
	nextEvent(t, events, "reload")
	if _, body := page(t, bridgeURL); !strings.Contains(body, "Lift your hips a little") {
		t.Error("the renamed save was missed")
	}
	noMoreEvents(t, events, "a rename save")

	// 5. A new page in a new folder.
	if err := os.Mkdir(filepath.Join(content, "pages"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(content, "pages/about.md"), []byte("---\ntitle: About this guide\nsummary: Who writes it.\n---\nWritten for the tests.\n"))
	nextEvent(t, events, "reload")
	if code, body := page(t, site+"about/"); code != 200 || !strings.Contains(body, "<h1>About this guide</h1>") {
		t.Errorf("the new page is not served (%d)", code)
	}

	// Ctrl-C: the command ends cleanly, closes the stream, and leaves nothing behind.
	cancel()
	select {
	case code := <-exit:
		if code != 0 {
			t.Errorf("serve exited with %d: %s", code, stderr.String())
		}
	case <-time.After(waitLimit):
		t.Fatal("serve did not stop")
	}
	for range events {
	}
	entries, _ := os.ReadDir(root)
	if len(entries) != 1 {
		t.Errorf("serve left files beside the content: %v", entries)
	}
	if _, err := os.Stat("public"); err == nil {
		t.Error("serve wrote a public folder")
	}
}

var urlRE = regexp.MustCompile(`at (http://\S+/) `)

// waitForURL waits for serve to print its address.
func waitForURL(t *testing.T, stdout, stderr *syncBuffer, exit <-chan int) string {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for time.Now().Before(deadline) {
		if m := urlRE.FindStringSubmatch(stdout.String()); m != nil {
			return m[1]
		}
		select {
		case code := <-exit:
			t.Fatalf("serve exited with %d: %s", code, stderr.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	t.Fatalf("serve printed no address: %s %s", stdout.String(), stderr.String())
	return ""
}

func TestServePortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	var stderr syncBuffer
	code := run(context.Background(), []string{"serve", "--addr", ln.Addr().String(), "--content", "../../generator/testdata/site"}, io.Discard, &stderr)
	if code != 1 || !strings.Contains(stderr.String(), "port "+port+" is already in use") || !strings.Contains(stderr.String(), "--addr") {
		t.Errorf("exit %d: %s", code, stderr.String())
	}
}

// hostStatus fetches url with the Host header host and returns the status and body.
func hostStatus(t *testing.T, url, host string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = host
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestServeAllowHost: serve answers to the names given with --allow-host, as many
// as given, and refuses others, naming the flag.
func TestServeAllowHost(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	exit := make(chan int, 1)
	go func() {
		exit <- run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--content", testSite(t),
			"--allow-host", "phone.local", "--allow-host", "tablet.lan:1313"}, &stdout, &stderr)
	}()
	site := waitForURL(t, &stdout, &stderr, exit)
	for host, want := range map[string]int{
		"phone.local:1313": http.StatusOK, "tablet.lan": http.StatusOK,
		"laptop.lan:1313": http.StatusMisdirectedRequest, "phone.local.evil.com": http.StatusMisdirectedRequest,
	} {
		code, body := hostStatus(t, site, host)
		if code != want {
			t.Errorf("Host %s: status %d, want %d", host, code, want)
		}
		if want != http.StatusOK && !strings.Contains(body, "--allow-host") {
			t.Errorf("Host %s: the refusal does not name the flag:\n%s", host, body)
		}
	}
	cancel()
	if code := <-exit; code != 0 {
		t.Errorf("exit %d: %s", code, stderr.String())
	}
}

func TestServeAllowHostNeedsAName(t *testing.T) {
	for _, v := range []string{"", "http://phone.local/", "phone.local,tablet.lan"} {
		code, _, stderr := stretchguide(t, "serve", "--allow-host", v)
		if code != 2 || !strings.Contains(stderr, "--allow-host phone.local") {
			t.Errorf("--allow-host %q: exit %d: %s", v, code, stderr)
		}
	}
}
