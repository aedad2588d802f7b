// Package devserver is `stretchguide serve`: it builds the site into memory, serves
// it on this computer, rebuilds on every save (watch.go), and tells open pages to
// reload over Server-Sent Events (reload.go). While the content has errors it keeps
// serving the last build that worked, with the errors shown on every page.
//
// Everything it adds to a page (a script, a stylesheet, the error panel) is added
// while serving; the files of a build never contain any of it. The panel's HTML
// comes from devserver.html in the layouts.
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
	"mime"
	"net"
	"net/http"
	"os"
	"path"
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

// ServeHTTP serves the event stream, the server's own script and stylesheet, and the
// files of the current build.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store")
	if !s.hostAllowed(r.Host) {
		refuseHost(w, r.Host)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	if !cleanPath(p) {
		http.Error(w, "400 bad request: the address goes outside the site", http.StatusBadRequest)
		return
	}
	if p == EventsPath {
		s.events(w, r)
		return
	}
	if strings.HasPrefix(p, Prefix) {
		b, err := fs.ReadFile(static, "static/"+strings.TrimPrefix(p, Prefix))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		serveBytes(w, r, p, b)
		return
	}
	st := s.current.Load()
	if st.files == nil {
		var b bytes.Buffer
		b.Write(s.execute("devserver-page", st, "The site could not be built"))
		h.Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write(b.Bytes())
		return
	}
	if !strings.HasPrefix(p, st.basePath) {
		if p == "/" || p+"/" == st.basePath {
			http.Redirect(w, r, st.basePath, http.StatusFound)
			return
		}
		s.notFound(w, r, st)
		return
	}
	name := strings.TrimPrefix(p, st.basePath)
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	b, ok := st.files[name]
	if !ok && st.handout != nil {
		var err error
		switch b, err = st.handout(name); {
		case err == nil:
			ok = true
		case !errors.Is(err, fs.ErrNotExist):
			http.Error(w, "500 the handout could not be made: "+err.Error(), http.StatusInternalServerError)
			return
		}
	}
	if !ok {
		if _, dir := st.files[name+"/index.html"]; dir {
			target := p + "/"
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, target, http.StatusMovedPermanently)
			return
		}
		s.notFound(w, r, st)
		return
	}
	if path.Ext(name) == ".html" {
		b = st.inject(b)
	}
	serveBytes(w, r, name, b)
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request, st *state) {
	page, ok := st.files["404.html"]
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		_, _ = w.Write(st.inject(page))
	}
}

// cleanPath reports whether a request path stays inside the site: it starts with a
// slash and has no "." or ".." segment (in any encoding: the path is already
// decoded), no backslash and no NUL. The site is served from memory, so no request
// can reach a file outside it; this refuses such requests plainly instead.
func cleanPath(p string) bool {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return false
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == "." || seg == ".." {
			return false
		}
	}
	return true
}

// types are the content types of files a build writes that Go's table lacks.
var types = map[string]string{".webmanifest": "application/manifest+json"}

// serveBytes serves b as the file name, with its content type.
func serveBytes(w http.ResponseWriter, r *http.Request, name string, b []byte) {
	ct := types[path.Ext(name)]
	if ct == "" {
		ct = mime.TypeByExtension(path.Ext(name))
	}
	if ct == "" {
		ct = http.DetectContentType(b)
	}
	w.Header().Set("Content-Type", ct)
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(b))
}

// inject adds the server's tags to a page: the script and stylesheet before </head>,
// the error panel, while the content has problems, before </body>.
func (st *state) inject(page []byte) []byte {
	out := make([]byte, 0, len(page)+len(st.head)+len(st.overlay))
	head := bytes.Index(page, []byte("</head>"))
	if head < 0 {
		head = 0
	}
	out = append(out, page[:head]...)
	out = append(out, st.head...)
	rest := page[head:]
	if len(st.overlay) > 0 {
		body := bytes.LastIndex(rest, []byte("</body>"))
		if body < 0 {
			body = len(rest)
		}
		out = append(out, rest[:body]...)
		out = append(out, st.overlay...)
		rest = rest[body:]
	}
	return append(out, rest...)
}

// events streams Server-Sent Events to one page: hello at once, with the current
// build and problems, then every reload and error.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming is not supported", http.StatusInternalServerError)
		return
	}
	c := s.hub.Subscribe()
	if c == nil {
		http.Error(w, "the server is stopping", http.StatusServiceUnavailable)
		return
	}
	defer s.hub.Unsubscribe(c)
	// The stream stays open as long as the page: lift the server's write time limit.
	_ = http.NewResponseController(w).SetWriteDeadline(time.Time{})
	w.Header().Set("Content-Type", "text/event-stream")
	st := s.current.Load()
	hello, _ := json.Marshal(map[string]any{"build": st.build, "html": string(st.overlay)})
	_, _ = io.WriteString(w, "retry: 500\n\n")
	_, _ = Event{Name: "hello", Data: string(hello)}.WriteTo(w)
	flusher.Flush()
	for {
		select {
		case e, ok := <-c:
			if !ok {
				return
			}
			if _, err := e.WriteTo(w); err != nil {
				return
			}
			flusher.Flush()
		case <-r.Context().Done():
			return
		}
	}
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
