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
		names = append(names, name) // pages and handouts
	}
	slices.Sort(names)
	h := sha256.New()
	files := make([]string, 0, len(names))
	for _, name := range names {
		h.Write([]byte(name + "\x00"))
		if sum := sums[name]; sum != nil {
			h.Write(sum)
		} else {
			h.Write(fileSum(out[name], spooled[name]))
		}
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

// fileSum is the SHA-256 of a file: data, or when it is spooled, what r reads. A
// spooled file that cannot be read gives a sum of nothing; writing it fails later.
func fileSum(data []byte, r *io.SectionReader) []byte {
	h := sha256.New()
	if r != nil {
		_, _ = io.Copy(h, io.NewSectionReader(r, 0, r.Size()))
	} else {
		h.Write(data)
	}
	return h.Sum(nil)
}
