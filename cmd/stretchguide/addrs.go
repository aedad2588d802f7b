package main

import (
	"net"
	"net/url"
	"strconv"
)

// localURL is site, the address the server gives for itself, with a host this
// computer's browser can open: 127.0.0.1 when it listens on every interface
// (0.0.0.0 or ::), which no browser can open as written.
func localURL(addr net.Addr, site string) string {
	return withHost(addr, site, "127.0.0.1")
}

// networkURLs are the addresses of site that another device on the same network
// can open when the server listens on every interface: one for each IPv4 address
// of this computer's interfaces that is not loopback. None otherwise.
func networkURLs(addr net.Addr, site string) []string {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok || !tcp.IP.IsUnspecified() {
		return nil
	}
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return nil
	}
	return lanURLs(addrs, addr, site)
}

// lanURLs is networkURLs over the interface addresses addrs.
func lanURLs(addrs []net.Addr, addr net.Addr, site string) []string {
	var out []string
	for _, a := range addrs {
		ipnet, ok := a.(*net.IPNet)
		if !ok || ipnet.IP.To4() == nil || ipnet.IP.IsLoopback() || ipnet.IP.IsLinkLocalUnicast() {
			continue
		}
		out = append(out, withHost(addr, site, ipnet.IP.String()))
	}
	return out
}

// withHost puts host in place of site's host when addr listens on every interface.
func withHost(addr net.Addr, site, host string) string {
	tcp, ok := addr.(*net.TCPAddr)
	u, err := url.Parse(site)
	if !ok || !tcp.IP.IsUnspecified() || err != nil {
		return site
	}
	u.Host = net.JoinHostPort(host, strconv.Itoa(tcp.Port))
	return u.String()
}
