package main

import (
	"runtime/debug"
	"testing"
)

// gcPercentNow is the collector's GOGC, left as it is.
func gcPercentNow() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

func TestTuneGC(t *testing.T) {
	for _, tt := range []struct {
		env         map[string]string
		tuned       bool
		description string
	}{
		{nil, true, "no settings: tuned"},
		{map[string]string{"GOGC": "150"}, false, "GOGC set: left alone"},
		{map[string]string{"GOMEMLIMIT": "1GiB"}, false, "GOMEMLIMIT set: left alone"},
	} {
		percent, limit := gcPercentNow(), debug.SetMemoryLimit(-1)
		stop := tuneGC(func(name string) string { return tt.env[name] })
		gotPercent, gotLimit := gcPercentNow(), debug.SetMemoryLimit(-1)
		stop()
		if tt.tuned && (gotPercent != gcPercent || gotLimit < gcLimitFloor) {
			t.Errorf("%s: GOGC %d, limit %d; want %d, at least %d", tt.description, gotPercent, gotLimit, gcPercent, gcLimitFloor)
		}
		if !tt.tuned && (gotPercent != percent || gotLimit != limit) {
			t.Errorf("%s: GOGC %d, limit %d; want them as they were, %d and %d", tt.description, gotPercent, gotLimit, percent, limit)
		}
		if p, l := gcPercentNow(), debug.SetMemoryLimit(-1); p != percent || l != limit {
			t.Errorf("%s: after the run GOGC %d, limit %d; want %d, %d", tt.description, p, l, percent, limit)
		}
	}
}
