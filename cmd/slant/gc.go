package main

import (
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
)

// The garbage collector of a run, unless GOGC or GOMEMLIMIT is set, which
// leaves it as the environment says. A run allocates much and keeps little,
// so it collects less often than Go's default (GOGC=100): when the heap is
// gcPercent% larger than the live data, within a memory limit of
// gcLimitFloor, which rises to twice the live heap when that outgrows it,
// so that a run that keeps much (a very large corpus) never collects more
// often than with the default. On the 2,000-article sample this takes
// about a tenth off the CPU time (see the README's Speed section).
const (
	gcPercent    = 400
	gcLimitFloor = 256 << 20
	gcLimitEvery = 100 * time.Millisecond // how often the limit follows the live heap
)

// gcTuning is the tuning in force: runs in one process (tests run several
// at once) share it, the first setting it and the last putting it back.
var gcTuning struct {
	sync.Mutex
	runs           int
	percent        int   // as it was before
	limit          int64 // as it was before
	done, finished chan struct{}
}

// tuneGC sets the collector for a run as above, if the environment leaves
// it; stop puts it back as it was.
func tuneGC(getenv func(string) string) (stop func()) {
	if getenv("GOGC") != "" || getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	g := &gcTuning
	g.Lock()
	defer g.Unlock()
	if g.runs++; g.runs == 1 {
		g.percent = debug.SetGCPercent(gcPercent)
		g.limit = debug.SetMemoryLimit(gcLimitFloor)
		g.done, g.finished = make(chan struct{}), make(chan struct{})
		go followLiveHeap(g.done, g.finished)
	}
	return func() {
		g.Lock()
		defer g.Unlock()
		if g.runs--; g.runs == 0 {
			close(g.done)
			<-g.finished
			debug.SetGCPercent(g.percent)
			debug.SetMemoryLimit(g.limit)
		}
	}
}

// followLiveHeap raises the memory limit to twice the live heap when that
// outgrows it, until done is closed; then it closes finished.
func followLiveHeap(done <-chan struct{}, finished chan<- struct{}) {
	defer close(finished)
	tick := time.NewTicker(gcLimitEvery)
	defer tick.Stop()
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	set := int64(gcLimitFloor)
	for {
		select {
		case <-done:
			return
		case <-tick.C:
		}
		metrics.Read(live)
		if live[0].Value.Kind() != metrics.KindUint64 {
			continue
		}
		if want := 2 * int64(live[0].Value.Uint64()); want > set {
			set = want
			debug.SetMemoryLimit(set)
		}
	}
}
