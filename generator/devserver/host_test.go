package devserver

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchguide/stretchguide/generator"
)

// newServer builds opts into a server that is not running, for httptest.
func newServer(t *testing.T, opts generator.Options) *Server {
	t.Helper()
	s, err := New(context.Background(), opts, io.Discard, DefaultWindow)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s
}

// serveHost sends GET path with the Host header host to s and returns the answer.
// The request's context is already done, so that an event stream served to it
// ends after its first event instead of running on.
func serveHost(s *Server, host, path string) (int, string) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequestWithContext(ctx, http.MethodGet, path, nil)
	req.Host = host
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

// TestHostHeader serves only requests naming this computer, the --addr host or a
// name allowed on purpose: a page of another site whose name was pointed here (DNS
// rebinding) gets a refusal that names the flag, and none of the site.
func TestHostHeader(t *testing.T) {
	s := newServer(t, generator.Options{Content: copySite(t)})
	s.AllowHosts = []string{"mybox.lan:1313", "phone.local", "192.168.1.20"} // --addr, then --allow-host
	cases := []struct {
		host string
		ok   bool
	}{
		{"localhost:1313", true},
		{"localhost", true},
		{"LocalHost:1313", true},
		{"127.0.0.1:1313", true},
		{"127.0.0.1", true},
		{"[::1]:1313", true},
		{"[::1]", true},
		{"mybox.lan:1313", true},
		{"mybox.lan", true},
		{"phone.local:1313", true},
		{"192.168.1.20:1313", true},
		{"evil.example.com", false},
		{"evil.example.com:1313", false},
		{"", false},
		{"127.0.0.1.evil.com", false},
		{"localhost.evil.com:1313", false},
		{"phone.local.evil.com", false},
		{"192.168.1.21:1313", false},
		{"[::2]:1313", false},
	}
	for _, c := range cases {
		code, body := serveHost(s, c.host, "/stretches/bridge/")
		if c.ok {
			if code != http.StatusOK || !strings.Contains(body, "<h1>Bridge</h1>") {
				t.Errorf("Host %q: status %d, want the page", c.host, code)
			}
			continue
		}
		if code != http.StatusMisdirectedRequest || strings.Contains(body, "Bridge") {
			t.Errorf("Host %q: status %d, want 421 without the page:\n%s", c.host, code, body)
		}
		if c.host != "" && (!strings.Contains(body, "--allow-host") || !strings.Contains(body, c.host)) {
			t.Errorf("Host %q: the refusal does not name the host and the flag:\n%s", c.host, body)
		}
		for _, p := range []string{EventsPath, Prefix + "reload.js", "/", "/no/such/page/"} {
			if code, body := serveHost(s, c.host, p); code != http.StatusMisdirectedRequest || strings.Contains(body, "event:") {
				t.Errorf("Host %q, %s: status %d, want 421:\n%s", c.host, p, code, body)
			}
		}
	}
}

// TestHostHeaderHidesTheErrorPage refuses the error page of a site that does not
// build to a request for another host: it would show the drafts' text.
func TestHostHeaderHidesTheErrorPage(t *testing.T) {
	content := copySite(t)
	replace(t, filepath.Join(content, "stretches/bridge.md"), "title: Bridge", "title: [Bridge")
	s := newServer(t, generator.Options{Content: content})
	if code, body := serveHost(s, "127.0.0.1:1313", "/stretches/bridge/"); code != http.StatusServiceUnavailable || !strings.Contains(body, "error:") {
		t.Fatalf("localhost: status %d, want the error page", code)
	}
	code, body := serveHost(s, "evil.example.com", "/stretches/bridge/")
	if code != http.StatusMisdirectedRequest || strings.Contains(body, "bridge.md") {
		t.Errorf("status %d, want 421 without the error page:\n%s", code, body)
	}
}

// rawHost sends GET path over a new connection to addr with the Host header host.
func rawHost(t *testing.T, addr, host, path string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(waitLimit)) // a stream that is not refused must not hang the test
	if _, err := io.WriteString(conn, "GET "+path+" HTTP/1.1\r\nHost: "+host+"\r\nConnection: close\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.Header.Get("Content-Type") == "text/event-stream" {
		conn.Close() // the stream would not end, and closing its body reads it to the end
		return resp.StatusCode, "event stream"
	}
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestHostHeaderOverTheNetwork checks the running server, event stream included.
func TestHostHeaderOverTheNetwork(t *testing.T) {
	r := start(t, generator.Options{Content: copySite(t)})
	addr := strings.TrimSuffix(strings.TrimPrefix(r.url, "http://"), "/")
	for _, p := range []string{EventsPath, "/stretches/bridge/"} {
		if code, body := rawHost(t, addr, "evil.example.com:1313", p); code != http.StatusMisdirectedRequest || strings.Contains(body, "event") || strings.Contains(body, "Bridge") {
			t.Errorf("%s for evil.example.com: status %d:\n%s", p, code, body)
		}
	}
	if code, body := rawHost(t, addr, addr, "/stretches/bridge/"); code != http.StatusOK || !strings.Contains(body, "<h1>Bridge</h1>") {
		t.Errorf("the page for %s: status %d", addr, code)
	}
}

// TestAllInterfacesAllowTheirAddresses: a server listening on every interface
// answers to the address of each, so a phone on the network can open it; one
// listening on 127.0.0.1 answers to none of them.
func TestAllInterfacesAllowTheirAddresses(t *testing.T) {
	addrs, err := net.InterfaceAddrs()
	if err != nil || len(addrs) == 0 {
		t.Skipf("no interface addresses: %v", err)
	}
	s := newServer(t, generator.Options{Content: copySite(t)})
	for _, all := range []net.IP{net.IPv4zero, net.IPv6unspecified} {
		s.bound = boundHosts(&net.TCPAddr{IP: all, Port: 1313})
		hosts := []string{"0.0.0.0:1313", "[::]:1313"} // what serve prints
		for _, a := range addrs {
			hosts = append(hosts, net.JoinHostPort(a.(*net.IPNet).IP.String(), "1313"))
		}
		for _, host := range hosts {
			if code, _ := serveHost(s, host, "/stretches/bridge/"); code != http.StatusOK {
				t.Errorf("listening on %s, Host %s: status %d", all, host, code)
			}
		}
	}
	if got := boundHosts(&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 1313}); got != nil {
		t.Errorf("listening on 127.0.0.1 allows %v", got)
	}
}

// TestIdleConnectionIsClosed: a keep-alive connection that sends nothing after its
// request is closed by the server once the idle timeout (shortened here) passes.
func TestIdleConnectionIsClosed(t *testing.T) {
	r := startSet(t, generator.Options{Content: copySite(t)}, func(s *Server) {
		s.limits.idle = 50 * time.Millisecond
	})
	addr := strings.TrimSuffix(strings.TrimPrefix(r.url, "http://"), "/")
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, "GET / HTTP/1.1\r\nHost: "+addr+"\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	br := bufio.NewReader(conn)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.Close {
		t.Fatal("the server closed the connection after the answer; want it kept alive")
	}
	_ = conn.SetReadDeadline(time.Now().Add(waitLimit))
	if _, err := br.ReadByte(); !errors.Is(err, io.EOF) {
		t.Errorf("the idle connection was not closed by the server: %v", err)
	}
}

// TestEventStreamOutlivesTimeouts: the server's read and write limits (shortened
// here) end no event stream; a save long after them still reaches the page.
func TestEventStreamOutlivesTimeouts(t *testing.T) {
	content := copySite(t)
	const limit = 50 * time.Millisecond
	r := startSet(t, generator.Options{Content: content}, func(s *Server) {
		s.limits = timeouts{readHeader: limit, read: limit, write: limit, idle: limit}
	})
	events := listen(t, r.url)
	next(t, events, "hello")
	time.Sleep(10 * limit) // every limit has passed: the stream must still be open
	bridge := filepath.Join(content, "stretches/bridge.md")
	replace(t, bridge, "title: Bridge", "title: Bridge pose")
	next(t, events, "reload")
}
