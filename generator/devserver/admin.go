package devserver

import (
	"fmt"
	"net"
	"net/http"
	"strings"

	"go.yaml.in/yaml/v3"
)

// This file holds how serve hands out the browser editor of admin/ (package cms):
// under the editor's own Content-Security-Policy, without the live-reload script (a
// save would reload the editor and lose what is being typed; the preview in another
// tab reloads instead), and with a configuration that points the editor at serve's
// own local backend (api.go) when the page is opened on this computer.

// adminDir holds the editor's files in a build.
const adminDir = "admin/"

// adminSecurityPolicy is the policy of the editor's page while serving: that of
// netlify.toml's /admin/* rule (the CMS script from unpkg, Decap's inline styles,
// 'unsafe-eval' for the validators Decap compiles with new Function), with nothing
// of GitHub's, as the editor saves through serve itself, at an address of the page's
// own origin ('self'). TestAdminPolicyFollowsNetlify keeps the two alike.
const adminSecurityPolicy = "default-src 'self'; script-src 'self' 'unsafe-eval' https://unpkg.com; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' https://unpkg.com; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

// isAdmin reports whether name, a file of the build, is the editor's.
func isAdmin(name string) bool { return strings.HasPrefix(name, adminDir) }

// localConfig is admin/config.yml as serve hands it to a page of r: when r comes from
// this computer, with local_backend set to serve's own backend at the address the
// page was opened by, and site_url to the preview, so that the editor's links open
// the preview. Anyone else gets the file as built (and the editor asks them to log
// in to the published site's backend).
func localConfig(built []byte, r *http.Request, basePath string) ([]byte, error) {
	if !loopback(r.RemoteAddr) {
		return built, nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(built, &doc); err != nil {
		return nil, err
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("admin/config.yml is not a mapping")
	}
	origin := "http://" + r.Host
	local := map[string]any{"url": origin + APIPath, "allowed_hosts": []string{pageHostname(r.Host)}}
	if err := setKey(doc.Content[0], "local_backend", local); err != nil {
		return nil, err
	}
	if err := setKey(doc.Content[0], "site_url", origin+basePath); err != nil {
		return nil, err
	}
	return yaml.Marshal(&doc)
}

// setKey sets key of the mapping m to v, replacing its value when m has the key.
func setKey(m *yaml.Node, key string, v any) error {
	var val yaml.Node
	if err := val.Encode(v); err != nil {
		return err
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content[i+1] = &val
			return nil
		}
	}
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, &val)
	return nil
}

// pageHostname is the name a browser's location.hostname gives for host, a Host
// header: without the port, an IPv6 address in brackets. The editor uses its local
// backend only on the names it is told (localhost and 127.0.0.1 besides).
func pageHostname(host string) string {
	name := host
	if h, _, err := net.SplitHostPort(host); err == nil {
		name = h
	}
	name = strings.Trim(name, "[]")
	if strings.Contains(name, ":") {
		return "[" + name + "]"
	}
	return name
}
