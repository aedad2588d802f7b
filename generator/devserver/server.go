// Package devserver is `stretchguide serve`: it builds the site into memory, serves
// it on this computer, rebuilds on every save (watch.go), and tells open pages to
// reload over Server-Sent Events (reload.go). While the content has errors it keeps
// serving the last build that worked, with the errors shown on every page.
//
// Everything it adds to a page (a script, a stylesheet, the error panel) is added
// while serving; the files of a build never contain any of it. The panel's HTML
// comes from devserver.html in the layouts. It is also the local backend of the
// browser editor at /admin/ (api.go, admin.go), which saves into content/.
package devserver

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/stretchguide/stretchguide/generator"
	"github.com/stretchguide/stretchguide/generator/diag"
	"github.com/stretchguide/stretchguide/layouts"
)

// Prefix starts every address the server answers itself rather than from the site.
const Prefix = "/__stretchguide/"

// EventsPath is the address of the event stream.
const EventsPath = Prefix + "events"

// DefaultWindow is how long the watcher waits for the events of one save to stop
// before rebuilding: editors fire several within a millisecond or two.
const DefaultWindow = 10 * time.Millisecond

// contentSecurityPolicy is sent with every response: the policy netlify.toml gives the
// published site, so a page that would break under it breaks here first.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

//go:embed static
var static embed.FS

// Server serves a site while it is being edited. Create one with New, then Run it.
type Server struct {
	opts    generator.Options
	builder *generator.Builder
	watcher *Watcher
	hub     *Hub
	log     io.Writer
	current atomic.Pointer[state]

	tmpl      *template.Template
	id        string // this process, so build ids differ across restarts
	builds    int
	lastShown string // the problems last printed, so unchanged warnings are not repeated
	// Built, when not nil, receives the duration of every rebuild after the new build
	// is served and its event sent, when it has room (for benchmarks).
	Built chan time.Duration
	// AllowHosts are the names, with or without a port, that requests may give as
	// their host besides localhost, 127.0.0.1 and ::1 (host.go). Set it before Run.
	AllowHosts []string
	bound      []string // the interface addresses when listening on all of them
	limits     timeouts
}

// state is what the server serves: the last good build, and the problems of the
// latest build when it failed. It is replaced whole, never modified.
type state struct {
	files    map[string][]byte // nil until a build worked
	handout  func(name string) ([]byte, error)
	build    string // id of the build in files
	basePath string
	problems []string // the errors, as `check` prints them; empty when the latest build worked
	head     []byte   // tags added to the <head> of every page
	overlay  []byte   // the error panel, when problems is not empty
}

// New watches the content and layouts folders of opts, builds the site once, and
// returns a server ready to Run. Problems of the first build are printed to log and
// shown in the browser; they do not stop the server.
func New(ctx context.Context, opts generator.Options, log io.Writer, window time.Duration) (*Server, error) {
	b, err := generator.NewBuilder(opts)
	if err != nil {
		return nil, err
	}
	b.LazyPDF = true // a handout is made when it is opened, not after every save
	for _, dir := range b.Dirs() {
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			return nil, fmt.Errorf("cannot watch %s: it is not a folder", dir)
		}
	}
	s := &Server{opts: opts, builder: b, hub: NewHub(), log: log, id: fmt.Sprintf("%x", time.Now().UnixNano()), limits: defaultTimeouts}
	if s.tmpl, err = devTemplate(opts.Layouts); err != nil {
		return nil, err
	}
	// Watch before the first build, so that nothing saved during it is missed.
	if s.watcher, err = Watch(b.Dirs(), window); err != nil {
		return nil, fmt.Errorf("cannot watch for changes: %w", err)
	}
	s.Rebuild(ctx, nil)
	return s, nil
}

// devTemplate parses devserver.html: the built-in one, with any definitions of the
// layouts folder's own devserver.html on top.
func devTemplate(layoutsDir string) (*template.Template, error) {
	t, err := template.ParseFS(layouts.FS, "devserver.html")
	if err != nil {
		return nil, err
	}
	if layoutsDir == "" {
		return t, nil
	}
	if _, err := os.Stat(filepath.Join(layoutsDir, "devserver.html")); err != nil {
		return t, nil
	}
	// Read like every layout: only a regular file inside the folder (os.Root refuses
	// a link out of it), never a FIFO, which would block the server.
	root, err := os.OpenRoot(layoutsDir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	info, err := fs.Stat(root.FS(), "devserver.html")
	if err != nil {
		return nil, fmt.Errorf("%s: %w; copy the file into the layouts folder instead of linking to it", filepath.Join(layoutsDir, "devserver.html"), err)
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file; replace it with an ordinary file", filepath.Join(layoutsDir, "devserver.html"))
	}
	return template.Must(t.Clone()).ParseFS(root.FS(), "devserver.html")
}

// Listen opens addr for the server. When the port is taken it says so, naming the
// port and the flag that picks another.
func Listen(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if errors.Is(err, syscall.EADDRINUSE) {
		_, port, _ := net.SplitHostPort(addr)
		return nil, fmt.Errorf("port %s is already in use (is another stretchguide serve running?); choose another port with --addr, like --addr 127.0.0.1:%s", port, nextPort(port))
	}
	return ln, err
}

func nextPort(port string) string {
	var n int
	if _, err := fmt.Sscan(port, &n); err != nil || n <= 0 || n >= 65535 {
		return "1314"
	}
	return fmt.Sprint(n + 1)
}

// URL is the address of the site's home page on ln.
func (s *Server) URL(ln net.Listener) string {
	return "http://" + ln.Addr().String() + s.current.Load().basePath
}

// Run serves on ln and rebuilds after every batch of changes until ctx is done, then
// shuts down: open event streams are closed and the watcher stopped.
func (s *Server) Run(ctx context.Context, ln net.Listener) error {
	s.bound = boundHosts(ln.Addr())
	srv := s.httpServer()
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	defer s.Close()
	for {
		select {
		case batch, ok := <-s.watcher.Batches():
			if !ok {
				return errors.New("the file watcher stopped")
			}
			s.Rebuild(ctx, batch)
		case err := <-served:
			return err
		case <-ctx.Done():
			s.hub.Close() // ends the event streams, which Shutdown would wait for
			stop, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			return srv.Shutdown(stop)
		}
	}
}

// Close stops watching and disconnects every event stream.
func (s *Server) Close() {
	s.hub.Close()
	_ = s.watcher.Close()
}

// Rebuild builds again after the files or folders in changed changed (nil on the
// first build), swaps the result in, and only then tells open pages: reload when the
// site changed, error when it failed to build. A failed build leaves the last good
// one served.
func (s *Server) Rebuild(ctx context.Context, changed []string) {
	start := time.Now()
	s.builder.Changed(changed...)
	layoutsChanged := false
	for _, dir := range s.builder.Dirs()[1:] {
		for _, p := range changed {
			if p == dir || strings.HasPrefix(p, dir+string(filepath.Separator)) {
				layoutsChanged = true
			}
		}
	}
	if layoutsChanged {
		if t, err := devTemplate(s.opts.Layouts); err != nil {
			fmt.Fprintf(s.log, "devserver.html: %v (using the built-in panel)\n", err)
			s.tmpl, _ = devTemplate("")
		} else {
			s.tmpl = t
		}
	}
	files, res, err := s.builder.Build(ctx)
	prev := s.current.Load()
	if err != nil {
		s.failed(prev, res.Problems, err)
	} else {
		s.succeeded(prev, files, res.Problems, changed, start)
	}
	if s.Built != nil {
		select {
		case s.Built <- time.Since(start):
		default:
		}
	}
}

func (s *Server) failed(prev *state, problems diag.List, err error) {
	next := &state{basePath: s.builder.BasePath()}
	if prev != nil {
		next.files, next.handout, next.build, next.basePath = prev.files, prev.handout, prev.build, prev.basePath
	}
	title := "The site could not be built"
	var shown string
	var be *diag.BuildError
	if errors.As(err, &be) {
		title = be.Error()
		var all []string
		for _, d := range problems {
			all = append(all, d.String())
			if d.Severity == diag.Error {
				next.problems = append(next.problems, d.String())
			}
		}
		shown = strings.Join(all, "\n")
	} else {
		next.problems = []string{err.Error()}
		shown = err.Error()
	}
	next.head = s.execute("devserver-head", next, title)
	next.overlay = s.execute("devserver-overlay", next, title)
	s.current.Store(next)

	fmt.Fprintf(s.log, "%s\n%s; still serving the last build that worked.\n", shown, title)
	s.lastShown = shown
	data, _ := json.Marshal(map[string]any{"errors": next.problems, "html": string(next.overlay)})
	s.hub.Broadcast(Event{Name: "error", Data: string(data)})
}

func (s *Server) succeeded(prev *state, files map[string][]byte, problems diag.List, changed []string, start time.Time) {
	var lines []string
	for _, d := range problems {
		lines = append(lines, d.String())
	}
	if shown := strings.Join(lines, "\n"); shown != s.lastShown {
		if shown != "" {
			fmt.Fprintln(s.log, shown)
		}
		s.lastShown = shown
	}
	wasFailing := prev == nil || prev.files == nil || len(prev.problems) > 0
	if !wasFailing && sameFiles(prev.files, files) {
		// Saved without a change that shows: nothing to reload. Handouts are made from
		// the newest build all the same.
		same := *prev
		same.handout = s.builder.Handouts()
		s.current.Store(&same)
		return
	}
	s.builds++
	next := &state{files: files, handout: s.builder.Handouts(), build: fmt.Sprintf("%s-%d", s.id, s.builds), basePath: s.builder.BasePath()}
	next.head = s.execute("devserver-head", next, "")
	s.current.Store(next)
	if prev == nil {
		return // the first build: no page is open yet
	}
	css := !wasFailing && stylesOnly(changed, s.builder.Dirs())
	data, _ := json.Marshal(map[string]any{"build": next.build, "css": css})
	s.hub.Broadcast(Event{Name: "reload", Data: string(data)})
	_, pages := s.builder.Rendered()
	fmt.Fprintf(s.log, "Rebuilt in %.1f ms (%s rendered again).\n",
		float64(time.Since(start).Microseconds())/1000, plural(pages, "page"))
}

// stylesOnly reports whether every changed path is a stylesheet of the layouts
// folder: then pages can swap their stylesheet instead of reloading.
func stylesOnly(changed, dirs []string) bool {
	if len(dirs) < 2 || len(changed) == 0 {
		return false
	}
	for _, p := range changed {
		if !strings.HasPrefix(p, dirs[1]+string(filepath.Separator)) || filepath.Ext(p) != ".css" {
			return false
		}
	}
	return true
}

// sameFiles reports whether two builds hold the same files. Files a build reused
// share their bytes, so most comparisons are of two pointers.
func sameFiles(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for name, x := range a {
		y, ok := b[name]
		if !ok || len(x) != len(y) {
			return false
		}
		if len(x) > 0 && &x[0] == &y[0] {
			continue
		}
		if !bytes.Equal(x, y) {
			return false
		}
	}
	return true
}

// execute renders a devserver.html template for st.
func (s *Server) execute(name string, st *state, title string) []byte {
	var b bytes.Buffer
	data := struct {
		Build    string
		Title    string
		Problems []string
	}{st.build, title, st.problems}
	if err := s.tmpl.ExecuteTemplate(&b, name, data); err != nil {
		fmt.Fprintf(s.log, "devserver.html: %v\n", err)
	}
	return b.Bytes()
}
