package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"path"
	"slices"
	"strings"
)

// swFile is the service worker's address: the site root, so that its scope is the
// whole guide (layouts/sw.js explains what it does).
const swFile = "sw.js"

// serviceWorker moves the layouts' sw.js from assets/ to the site root and writes
// into it the build's version, a hash of the name and SHA-256 of every other file
// (taken from sums when there, computed otherwise; spooled pages have theirs), and
// the list of files it keeps for use offline: every page (by its folder address),
// asset, picture and handout, but not what only crawlers and editors read. It does
// nothing when the layouts have no sw.js.
func serviceWorker(out map[string][]byte, spooled map[string]*io.SectionReader, assets map[string]string, sums map[string][]byte) {
	hashed, ok := assets[swFile]
	if !ok {
		return
	}
	src := out[hashed]
	delete(out, hashed)
	names := make([]string, 0, len(out)+len(spooled))
	for name := range out {
		if name != swFile && name != "sitemap.xml" && name != "robots.txt" && !strings.HasPrefix(name, "schema/") {
			names = append(names, name)
		}
	}
	for name := range spooled {
		names = append(names, name) // pages, each with its sum
	}
	slices.Sort(names)
	h := sha256.New()
	files := make([]string, 0, len(names))
	for _, name := range names {
		h.Write([]byte(name + "\x00"))
		sum := sums[name]
		if sum == nil {
			s := sha256.Sum256(out[name])
			sum = s[:]
		}
		h.Write(sum)
		if path.Base(name) == "index.html" {
			name = strings.TrimSuffix(name, "index.html")
			if name == "" {
				name = "./"
			}
		}
		files = append(files, name)
	}
	list, _ := json.Marshal(files) // strings only: cannot fail
	version := hex.EncodeToString(h.Sum(nil))[:16]
	src = bytes.Replace(src, []byte("const VERSION = 'VERSION';"), []byte("const VERSION = '"+version+"';"), 1)
	src = bytes.Replace(src, []byte("const FILES = [];"), append(append([]byte("const FILES = "), list...), ';'), 1)
	out[swFile] = src
}
