//go:build !unix

package main

import (
	"os"
	"time"
)

// usage is the processor time of a finished process; peak memory is not known here.
func usage(ps *os.ProcessState) (cpu time.Duration, peak int64) {
	return ps.UserTime() + ps.SystemTime(), 0
}

// settle does nothing here.
func settle() {}
