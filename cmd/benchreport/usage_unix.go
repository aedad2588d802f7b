//go:build unix

package main

import (
	"os"
	"runtime"
	"syscall"
	"time"
)

// usage is the processor time (user and system) and the peak resident memory, in
// bytes, of a finished process.
func usage(ps *os.ProcessState) (cpu time.Duration, peak int64) {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return ps.UserTime() + ps.SystemTime(), 0
	}
	peak = int64(ru.Maxrss)
	if runtime.GOOS != "darwin" {
		peak *= 1024 // kilobytes everywhere but macOS
	}
	return ps.UserTime() + ps.SystemTime(), peak
}

// settle writes the files earlier runs left in memory to disk before a timed run,
// so that no run pays for the writes of the one before it.
func settle() { syscall.Sync() }
