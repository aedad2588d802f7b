package devserver

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"time"
)

// This file holds the server's guards: the names it answers to, and how long it
// waits on a connection.

// timeouts are how long the server waits on a connection. Tests shorten them.
type timeouts struct {
	readHeader, read, write, idle time.Duration
}

// defaultTimeouts close connections that send nothing (a header within 10 s, the
// whole request within 30 s), that stop reading an answer for a minute, or that sit
// idle between requests for a minute. The event stream lifts the write limit for
// itself, as it stays open as long as the page does; the read limit ends once a
// request is read.
var defaultTimeouts = timeouts{readHeader: 10 * time.Second, read: 30 * time.Second, write: time.Minute, idle: time.Minute}

// httpServer is the http.Server that serves s, with its timeouts.
func (s *Server) httpServer() *http.Server {
	return &http.Server{
		Handler:           s,
		ReadHeaderTimeout: s.limits.readHeader,
		ReadTimeout:       s.limits.read,
		WriteTimeout:      s.limits.write,
		IdleTimeout:       s.limits.idle,
	}
}

// hostName is the host part of a Host header or an address: without the port or
// the brackets of an IPv6 address, in lower case.
func hostName(hostport string) string {
	h := strings.ToLower(hostport)
	if strings.HasPrefix(h, "[") {
		if end := strings.Index(h, "]"); end > 0 {
			return h[1:end]
		}
		return h
	}
	if strings.Count(h, ":") == 1 {
		h, _, _ = strings.Cut(h, ":")
	}
	return h
}

// boundHosts are the names requests to a server listening on addr may give besides
// localhost: when it listens on every interface (0.0.0.0 or ::), the addresses of
// this computer's interfaces, so that a phone on the same network can open it,
// and the all-interfaces addresses themselves, as the address serve prints is one.
func boundHosts(addr net.Addr) []string {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok || !tcp.IP.IsUnspecified() {
		return nil
	}
	hosts := []string{"0.0.0.0", "::"}
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return hosts
	}
	for _, a := range addrs {
		if ipnet, ok := a.(*net.IPNet); ok {
			hosts = append(hosts, ipnet.IP.String())
		}
	}
	return hosts
}

// hostAllowed reports whether the server answers to host, the name of a Host
// header: this computer's own names, the names of AllowHosts, and those of the
// interfaces it listens on. Any other name may be a page of another site that had
// its name point here (DNS rebinding) to read the drafts.
func (s *Server) hostAllowed(host string) bool {
	name := hostName(host)
	if name == "" {
		return false
	}
	if name == "localhost" {
		return true
	}
	ip, ipErr := netip.ParseAddr(name)
	if ipErr == nil && ip.Unmap().IsLoopback() {
		return true
	}
	for _, list := range [][]string{s.AllowHosts, s.bound} {
		for _, allowed := range list {
			allowed = hostName(allowed)
			if allowed == name {
				return true
			}
			if a, err := netip.ParseAddr(allowed); err == nil && ipErr == nil && a.Unmap() == ip.Unmap() {
				return true
			}
		}
	}
	return false
}

// refuseHost answers a request for a name the server does not answer to.
func refuseHost(w http.ResponseWriter, host string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusMisdirectedRequest)
	if hostName(host) == "" {
		fmt.Fprintln(w, "421 misdirected request: the request names no host; open the site by its address, like http://localhost:1313/")
		return
	}
	fmt.Fprintf(w, "421 misdirected request: this preview server does not answer to the name %q.\n"+
		"To open it by that name, start it with --allow-host %s\n", host, hostName(host))
}
