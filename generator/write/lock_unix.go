//go:build unix

package write

import (
	"os"

	"golang.org/x/sys/unix"
)

// lockDir holds an exclusive lock on the folder dir until the returned func is called,
// waiting while another build holds it. Builds lock the folder that holds their output,
// so two builds into the same output write one after the other, and neither removes
// the other's unfinished folder. The system drops the lock of a killed build.
func lockDir(dir string) (unlock func(), err error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	for {
		err = unix.Flock(int(f.Fd()), unix.LOCK_EX)
		if err != unix.EINTR {
			break
		}
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return func() { f.Close() }, nil
}
