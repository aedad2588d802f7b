//go:build unix

package sum

import (
	"sync"
	"syscall"
)

var buffers = sync.Pool{New: func() any { b := make([]byte, 0, 64<<10); return &b }}

// readFile appends the bytes of the file at name to buf with one open and no more
// system calls than it takes: no link followed, no wait on a pipe. ok is false when
// it cannot be read or holds more than most bytes.
func readFile(name string, buf []byte, most int64) (b []byte, ok bool) {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(name, syscall.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return buf, false
	}
	defer syscall.Close(fd)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := syscall.Read(fd, buf[len(buf):cap(buf)])
		switch {
		case err == syscall.EINTR:
			continue
		case err != nil:
			return buf, false
		case n == 0:
			return buf, true
		}
		if buf = buf[:len(buf)+n]; int64(len(buf)) > most {
			return buf, false
		}
	}
}
