package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// removeOnSignal makes SIGINT and SIGTERM remove the run's unfinished
// outputs and exit with 128 plus the signal's number (130, 143), as a shell
// reports a process the signal killed; dir's old contents stay as they were.
// The run is not unwound first: a read may be blocked for good (a FIFO, a
// stalled network file system), so the handler removes the directory itself
// and exits. It waits for a Commit in progress, and after one lets the run
// finish, since its outputs are then complete. stop ends the handling.
func (o *outDir) removeOnSignal(stderr io.Writer) (stop func()) {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	quit := make(chan struct{})
	go func() {
		select {
		case sig := <-sigs:
			o.interrupt(sig, stderr)
		case <-quit:
		}
	}()
	return func() {
		signal.Stop(sigs)
		close(quit)
	}
}

func (o *outDir) interrupt(sig os.Signal, stderr io.Writer) {
	o.mu.Lock() // held until the exit: nothing is committed after this
	if o.done {
		o.mu.Unlock()
		return
	}
	o.marker.Close()
	if err := removeAll(o.Dir()); err != nil {
		fmt.Fprintf(stderr, "slant: interrupted (%s); cannot remove the unfinished outputs: %v\n", signalName(sig), err)
	} else {
		fmt.Fprintf(stderr, "slant: interrupted (%s): the unfinished outputs are removed and %s is as it was\n", signalName(sig), o.path)
	}
	os.Exit(signalExit(sig))
}

func signalName(sig os.Signal) string {
	switch sig {
	case os.Interrupt:
		return "SIGINT"
	case syscall.SIGTERM:
		return "SIGTERM"
	}
	return sig.String()
}

// signalExit is the exit status for a run stopped by sig.
func signalExit(sig os.Signal) int {
	if s, ok := sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return exitFailure
}
