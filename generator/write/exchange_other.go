//go:build !linux

package write

import "errors"

// exchange is not available on this system; swap falls back to two renames.
func exchange(a, b string) error { return errors.New("atomic exchange not supported") }
