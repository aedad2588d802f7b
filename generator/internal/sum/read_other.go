//go:build !unix

package sum

import (
	"os"
	"sync"
)

var buffers = sync.Pool{New: func() any { b := make([]byte, 0, 64<<10); return &b }}

// readFile appends the bytes of the file at name to buf. ok is false when it cannot
// be read or holds more than most bytes.
func readFile(name string, buf []byte, most int64) (b []byte, ok bool) {
	data, err := os.ReadFile(name)
	if err != nil || int64(len(data)) > most {
		return buf, false
	}
	return append(buf, data...), true
}
