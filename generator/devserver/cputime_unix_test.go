//go:build unix

package devserver

import (
	"syscall"
	"time"
)

// cpuTime is the processor time this process used so far. On a machine shared with
// other work, it tells how much the server did apart from how long it waited its turn.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
