package devserver

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"path/filepath"
	"strings"
)

// This file holds the editor's local backend: serve speaks the protocol of Decap
// CMS's proxy server (decap-server), so the editor at /admin/ reads and saves the
// files of content/ with no other program running. Each request is a POST of JSON
// {action, params}; the answer is JSON, or {error} with a status that says why. The
// actions are in apiactions.go.
//
// Drafts, reviews and notes (the editorial workflow) are not kept: info says that
// only the simple publish mode works here, so the editor switches to it, and Publish
// writes the file at once. The preview rebuilds and reloads as for any save; the
// review happens where the change is published (git, or the published editor).

// APIPath is the address of the editor's local backend.
const APIPath = Prefix + "api/v1"

// maxAPIBody caps a request: a picture of load.MaxFileSize (10 MB) takes 13.4 MB in
// base64, and nothing the editor sends is larger.
const maxAPIBody = 16 << 20

// apiRequest is what the editor sends; branch is ignored: content/ is one folder.
type apiRequest struct {
	Action string          `json:"action"`
	Params json.RawMessage `json:"params"`
}

// apiError is an answer other than 200, with the words the editor shows.
type apiError struct {
	status int
	msg    string
}

func (e *apiError) Error() string { return e.msg }

func badRequest(format string, args ...any) error {
	return &apiError{http.StatusBadRequest, fmt.Sprintf(format, args...)}
}

// api answers one request of the editor, after the checks of apiRefusal.
func (s *Server) api(w http.ResponseWriter, r *http.Request) {
	if status, msg := apiRefusal(r); status != 0 {
		if status == http.StatusMethodNotAllowed {
			w.Header().Set("Allow", "POST")
		}
		writeJSON(w, status, map[string]string{"error": msg})
		return
	}
	var req apiRequest
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxAPIBody))
	if err := dec.Decode(&req); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeJSON(w, http.StatusRequestEntityTooLarge, map[string]string{"error": fmt.Sprintf("the request is over %d MB; pictures may be at most 10 MB", maxAPIBody>>20)})
			return
		}
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "the request is not JSON: " + err.Error()})
		return
	}
	out, err := s.apiAction(req)
	if err != nil {
		status := http.StatusInternalServerError
		var ae *apiError
		var no *refusal
		switch {
		case errors.As(err, &ae):
			status = ae.status
		case errors.As(err, &no):
			status = http.StatusBadRequest
		case errors.Is(err, fs.ErrNotExist):
			status = http.StatusNotFound
		}
		fmt.Fprintf(s.log, "editor: %s: %v\n", req.Action, err)
		writeJSON(w, status, map[string]string{"error": err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// apiRefusal says why a request may not use the API (a status and plain words), or
// gives 0. The server's Host check has passed already. The request must come from
// this computer (a loopback address), be a POST of JSON, and, when a browser sends
// it, come from a page of this server: a page of another site may post to
// 127.0.0.1, but it cannot send JSON without asking first (the server never says
// yes), and the browser names its origin.
func apiRefusal(r *http.Request) (int, string) {
	if !loopback(r.RemoteAddr) {
		return http.StatusForbidden, "the editor saves only for this computer: open it at http://127.0.0.1 or http://localhost"
	}
	if r.Method != http.MethodPost {
		return http.StatusMethodNotAllowed, "the editor's backend takes only POST requests"
	}
	if o := r.Header.Get("Origin"); o != "" && !sameOrigin(o, r.Host) {
		return http.StatusForbidden, fmt.Sprintf("a page of %s may not use this editor", o)
	}
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" && site != "none" {
		return http.StatusForbidden, "a page of another site may not use this editor"
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		return http.StatusUnsupportedMediaType, "the editor's backend takes only JSON (Content-Type: application/json)"
	}
	return 0, ""
}

// loopback reports whether a remote address is one of this computer's loopback
// addresses.
func loopback(remote string) bool {
	ap, err := netip.ParseAddrPort(remote)
	if err != nil {
		host, _, err := net.SplitHostPort(remote)
		if err != nil {
			return false
		}
		a, err := netip.ParseAddr(host)
		return err == nil && a.Unmap().IsLoopback()
	}
	return ap.Addr().Unmap().IsLoopback()
}

// sameOrigin reports whether origin, an Origin header, is this server as host (the
// request's Host) names it.
func sameOrigin(origin, host string) bool {
	u, err := url.Parse(origin)
	return err == nil && u.Scheme == "http" && strings.EqualFold(u.Host, host)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status, b = http.StatusInternalServerError, []byte(`{"error":"the answer could not be written"}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// contentFolder is the folder the editor works on.
func (s *Server) contentFolder() string { return filepath.Clean(s.builder.Dirs()[0]) }
