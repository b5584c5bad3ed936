//go:build !rnn

package main

import (
	"flag"
	"io"

	"github.com/slant-news/slant/analysis/tone"
)

// rnnFlags adds nothing: the recurrent model, tried and left out (see the
// README), builds only with -tags rnn.
func rnnFlags(*flag.FlagSet) func([]tone.TargetExample, io.Writer) (code int, ran bool) {
	return func([]tone.TargetExample, io.Writer) (int, bool) { return 0, false }
}
