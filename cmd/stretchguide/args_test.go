package main

import (
	"net"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// Flags are read wherever they stand among the words.
func TestFlagsAnywhere(t *testing.T) {
	for _, args := range [][]string{
		{"new", "stretch", "Cat Cow", "--content", "CONTENT"},
		{"new", "--content", "CONTENT", "stretch", "Cat Cow"},
		{"new", "stretch", "--content=CONTENT", "Cat Cow"},
	} {
		content := testSite(t)
		for i, a := range args {
			args[i] = strings.ReplaceAll(a, "CONTENT", content)
		}
		code, out, errs := stretchguide(t, args...)
		want := filepath.Join(content, "stretches", "cat-cow.md")
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("%q: exit %d, want %s written\n%s%s", args, code, want, out, errs)
		}
		if _, err := os.Stat(want); err != nil {
			t.Errorf("%q: %v", args, err)
		}
	}
}

// --help and -h print the command's usage on stdout and exit 0, on every command.
func TestHelpOnEveryCommand(t *testing.T) {
	for _, c := range commands {
		for _, h := range []string{"--help", "-h"} {
			code, out, errs := stretchguide(t, c.name, h)
			if code != 0 || !strings.HasPrefix(out, "Usage: stretchguide "+c.name) || errs != "" ||
				c.name != "init" && !strings.Contains(out, "-content") {
				t.Errorf("%s %s: exit %d\nstdout: %s\nstderr: %s", c.name, h, code, out, errs)
			}
		}
	}
}

// An unknown flag or a word a command does not take is an error with its usage.
func TestUnknownFlagOrStrayWord(t *testing.T) {
	for _, args := range [][]string{
		{"check", "--bogus"},
		{"check", "content"},
		{"build", "now"},
		{"serve", "--addr", "127.0.0.1:0", "extra"},
		{"new", "stretch"},
		{"new", "--colour", "red", "stretch", "Cat"},
		{"init"},
		{"init", "a", "b"},
	} {
		code, out, errs := stretchguide(t, args...)
		if code != 2 || out != "" || !strings.Contains(errs, "Usage: stretchguide "+args[0]) {
			t.Errorf("%q: exit %d, want 2 with usage on stderr\nstdout: %s\nstderr: %s", args, code, out, errs)
		}
	}
}

// check prints problems only; reading grades come with --grades or --verbose.
func TestCheckQuietUnlessGrades(t *testing.T) {
	content := testSite(t)
	grade := regexp.MustCompile(`info: reads at school grade`)
	for _, tc := range []struct {
		flag   string
		grades bool
	}{{"", false}, {"--grades", true}, {"--verbose", true}} {
		args := []string{"check", "--content", content, "--today", "2026-12-01"}
		if tc.flag != "" {
			args = append(args, tc.flag)
		}
		code, out, errs := stretchguide(t, args...)
		if code != 0 || grade.MatchString(out) != tc.grades || !strings.HasSuffix(out, "0 errors, 0 warnings\n") {
			t.Errorf("%q: exit %d, grades shown %v, want %v\n%s%s", args, code, grade.MatchString(out), tc.grades, out, errs)
		}
	}
}

// build ends with what it made and how long it took; built again with nothing
// changed, it says the folder is up to date, with the same counts.
func TestBuildSummary(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	args := []string{"build", "--content", "../../generator/pdf/testdata/site", "--out", out}
	code, stdout, errs := stretchguide(t, args...)
	re := regexp.MustCompile(`^Built (\d+) pages, 3 handouts, 3 references in \d+ ms, into `)
	m := re.FindStringSubmatch(stdout)
	if code != 0 || m == nil {
		t.Fatalf("exit %d: %s%s", code, stdout, errs)
	}
	code, stdout, errs = stretchguide(t, args...)
	again := regexp.MustCompile(`^Nothing changed since the last build: .+ is up to date \(` + m[1] + ` pages, 3 handouts, 3 references; checked in \d+ ms\)\.\n$`)
	if code != 0 || !again.MatchString(stdout) {
		t.Errorf("built again: exit %d: %s%s", code, stdout, errs)
	}
}

// serve on every interface prints addresses a phone can open, not http://[::]:1313/.
func TestServeAddressesForPhones(t *testing.T) {
	all := &net.TCPAddr{IP: net.IPv6unspecified, Port: 1313}
	addrs := []net.Addr{
		&net.IPNet{IP: net.ParseIP("127.0.0.1"), Mask: net.CIDRMask(8, 32)},
		&net.IPNet{IP: net.ParseIP("192.168.1.23"), Mask: net.CIDRMask(24, 32)},
		&net.IPNet{IP: net.ParseIP("fe80::1"), Mask: net.CIDRMask(64, 128)},
		&net.IPNet{IP: net.ParseIP("10.0.0.5"), Mask: net.CIDRMask(8, 32)},
	}
	got := lanURLs(addrs, all, "http://[::]:1313/guide/")
	want := []string{"http://192.168.1.23:1313/guide/", "http://10.0.0.5:1313/guide/"}
	if !slices.Equal(got, want) {
		t.Errorf("lanURLs = %q, want %q", got, want)
	}
	if got := localURL(all, "http://[::]:1313/"); got != "http://127.0.0.1:1313/" {
		t.Errorf("localURL = %q", got)
	}
	one := &net.TCPAddr{IP: net.ParseIP("127.0.0.1"), Port: 1313}
	if got := localURL(one, "http://127.0.0.1:1313/"); got != "http://127.0.0.1:1313/" || networkURLs(one, "x") != nil {
		t.Errorf("a loopback address changed: %q", got)
	}
}
