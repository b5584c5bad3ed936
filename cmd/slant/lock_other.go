//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package main

import (
	"os"
	"time"
)

// leftoverAge is how old a marker must be, where files cannot be locked
// with flock, before its directory counts as left by a run that died.
const leftoverAge = 24 * time.Hour

// canLock tells whether lockFile and inUse lock files (tests need it).
const canLock = false

// lockFile does nothing here: see inUse.
func lockFile(f *os.File) error { return nil }

// inUse reports whether f, a marker, may still belong to a live run: one
// written in the last leftoverAge.
func inUse(f *os.File) bool {
	fi, err := f.Stat()
	return err != nil || time.Since(fi.ModTime()) < leftoverAge
}
