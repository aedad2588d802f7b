//go:build !unix

package generator

import "time"

// cpuTime is not measured on this system; benchmarks then omit cpu-ms/op.
func cpuTime() time.Duration { return 0 }
