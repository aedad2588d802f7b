package render

import (
	"crypto/sha256"
	"regexp"
	"strings"
	"testing"
)

// The version follows the content of every file, and pages are listed by folder.
func TestServiceWorkerVersion(t *testing.T) {
	version := regexp.MustCompile(`const VERSION = '([0-9a-f]{16})';`)
	out := map[string][]byte{"a/index.html": []byte("a"), "assets/sw.1.js": []byte("const VERSION = 'VERSION';\nconst FILES = [];")}
	serviceWorker(out, nil, map[string]string{swFile: "assets/sw.1.js"}, nil)
	v1 := version.FindStringSubmatch(string(out[swFile]))
	out = map[string][]byte{"a/index.html": []byte("b"), "assets/sw.1.js": []byte("const VERSION = 'VERSION';\nconst FILES = [];")}
	serviceWorker(out, nil, map[string]string{swFile: "assets/sw.1.js"}, nil)
	v2 := version.FindStringSubmatch(string(out[swFile]))
	if v1 == nil || v2 == nil || v1[1] == v2[1] {
		t.Errorf("two builds that differ have versions %v and %v", v1, v2)
	}
	if !strings.Contains(string(out[swFile]), `const FILES = ["a/"];`) {
		t.Errorf("sw.js lists %s", out[swFile])
	}
	// A page's hash kept in the memo gives the version hashing the page gives.
	sum := sha256.Sum256([]byte("b"))
	out = map[string][]byte{"a/index.html": []byte("b"), "assets/sw.1.js": []byte("const VERSION = 'VERSION';\nconst FILES = [];")}
	serviceWorker(out, nil, map[string]string{swFile: "assets/sw.1.js"}, map[string][]byte{"a/index.html": sum[:]})
	if v3 := version.FindStringSubmatch(string(out[swFile])); v3 == nil || v3[1] != v2[1] {
		t.Errorf("with the page's hash given, the version is %v, not %v", v3, v2)
	}
}
