//go:build unix

package generator

import (
	"syscall"
	"time"
)

// cpuTime is the processor time the process has used so far, in user and kernel mode,
// on all threads. On a machine shared with other work it varies much less than the
// wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
