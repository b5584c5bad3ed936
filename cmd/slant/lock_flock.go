//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package main

import (
	"os"
	"syscall"
)

// canLock tells whether lockFile and inUse lock files (tests need it).
const canLock = true

// lockFile takes an exclusive lock on f, held until f is closed or the
// process ends, however it ends: what tells a live run's temporary directory
// from a dead one's.
func lockFile(f *os.File) error {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX)
}

// inUse reports whether another open file holds the lock on f; when it
// does not, f now holds it.
func inUse(f *os.File) bool {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) != nil
}
