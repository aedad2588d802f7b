package devserver

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

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
	if r.URL.Path == APIPath {
		s.api(w, r) // the browser editor's backend, which takes POST requests
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
	s.serveSite(w, r, s.current.Load())
}

// serveSite serves a file of the current build st, or the page that says why there is
// no build, a redirect or the site's 404 page.
func (s *Server) serveSite(w http.ResponseWriter, r *http.Request, st *state) {
	h, p := w.Header(), r.URL.Path
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
	if name == offlineWorker {
		// Pages change with every save here, so the browser keeps no copies: without
		// its worker the page asks the server for everything, as live reload needs.
		ok = false
	}
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
	switch {
	case name == adminDir+"config.yml":
		var err error
		if b, err = localConfig(b, r, st.basePath); err != nil {
			http.Error(w, "500 the editor's configuration could not be read: "+err.Error(), http.StatusInternalServerError)
			return
		}
		h.Set("Content-Security-Policy", adminSecurityPolicy)
	case isAdmin(name):
		h.Set("Content-Security-Policy", adminSecurityPolicy) // and no live reload: see admin.go
	case path.Ext(name) == ".html":
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

// offlineWorker is the built site's service worker (render/offline.go), which serve
// never hands out.
const offlineWorker = "sw.js"
