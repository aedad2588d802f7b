package devserver

import (
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// The editor's policy under serve is netlify.toml's policy for /admin/* without
// the GitHub addresses, since serve's editor saves through serve itself: a change
// made to one and not the other fails here.
func TestAdminPolicyFollowsNetlify(t *testing.T) {
	var c struct {
		Headers []struct {
			For    string
			Values map[string]string
		}
	}
	if _, err := toml.DecodeFile("../../netlify.toml", &c); err != nil {
		t.Fatal(err)
	}
	published := ""
	for _, h := range c.Headers {
		if h.For == "/admin/*" {
			published = h.Values["Content-Security-Policy"]
		}
	}
	if published == "" {
		t.Fatal("netlify.toml gives /admin/* no Content-Security-Policy")
	}
	var want []string
	for _, directive := range strings.Split(published, "; ") {
		var kept []string
		for _, source := range strings.Fields(directive) {
			if !strings.Contains(source, "github") {
				kept = append(kept, source)
			}
		}
		want = append(want, strings.Join(kept, " "))
	}
	if w := strings.Join(want, "; "); adminSecurityPolicy != w {
		t.Errorf("serve's policy for the editor:\n%s\nnetlify.toml's without GitHub:\n%s", adminSecurityPolicy, w)
	}
}
