package segment

import (
	"strconv"
	"strings"
	"unicode/utf8"

	punktmodel "gopkg.in/neurosnap/sentences.v1"
)

// loadTraining is punktmodel.LoadTraining, which decodes the trained
// parameters by encoding/json's reflection: a fifth of the analyzer's
// start. The trained models have one plain shape, read here by hand: an
// object of the four sets, each an object of plain strings (no escapes)
// to integers. Any other input, valid or not, goes to LoadTraining, so
// that the result is always its result (TestLoadTraining,
// FuzzLoadTraining).
func loadTraining(b []byte) (*punktmodel.Storage, error) {
	if st, ok := scanTraining(b); ok {
		return st, nil
	}
	return punktmodel.LoadTraining(b)
}

// trainingScanner reads the plain shape; the sets' keys are pieces of s.
type trainingScanner struct {
	s     string
	i     int
	pairs []trainingPair // a set's entries, reused from set to set
}

type trainingPair struct {
	key string
	n   int
}

// scanTraining reads b if it is of the plain shape, each set at most once.
func scanTraining(b []byte) (*punktmodel.Storage, bool) {
	sc := &trainingScanner{s: string(b)}
	sc.pairs = make([]trainingPair, 0, strings.Count(sc.s, ":")) // at most one a pair
	st := new(punktmodel.Storage)
	if !sc.next('{') {
		return nil, false
	}
	if sc.next('}') {
		return st, sc.end()
	}
	for {
		name, ok := sc.str()
		if !ok || !sc.next(':') {
			return nil, false
		}
		set := storageSet(st, name)
		if set == nil || *set != nil {
			return nil, false // not a set's name, or a set again (json would merge)
		}
		if *set, ok = sc.set(); !ok {
			return nil, false
		}
		if sc.next(',') {
			continue
		}
		if sc.next('}') {
			return st, sc.end()
		}
		return nil, false
	}
}

// storageSet is the field of st that encoding/json fills for the name
// exactly as written, or nil.
func storageSet(st *punktmodel.Storage, name string) *punktmodel.SetString {
	switch name {
	case "AbbrevTypes":
		return &st.AbbrevTypes
	case "Collocations":
		return &st.Collocations
	case "SentStarters":
		return &st.SentStarters
	case "OrthoContext":
		return &st.OrthoContext
	}
	return nil
}

// set reads one set's object into a map of its size.
func (sc *trainingScanner) set() (punktmodel.SetString, bool) {
	if !sc.next('{') {
		return nil, false
	}
	sc.pairs = sc.pairs[:0]
	for !sc.next('}') {
		if len(sc.pairs) > 0 && !sc.next(',') {
			return nil, false
		}
		key, ok := sc.str()
		if !ok || !sc.next(':') {
			return nil, false
		}
		n, ok := sc.integer()
		if !ok {
			return nil, false
		}
		sc.pairs = append(sc.pairs, trainingPair{key, n})
	}
	set := make(punktmodel.SetString, len(sc.pairs))
	for _, p := range sc.pairs {
		set[p.key] = p.n // a key again: the last wins, as in json
	}
	return set, true
}

// next skips white space and takes c if it comes next.
func (sc *trainingScanner) next(c byte) bool {
	sc.space()
	if sc.i < len(sc.s) && sc.s[sc.i] == c {
		sc.i++
		return true
	}
	return false
}

func (sc *trainingScanner) space() {
	for sc.i < len(sc.s) {
		switch sc.s[sc.i] {
		case ' ', '\t', '\n', '\r':
			sc.i++
		default:
			return
		}
	}
}

// end reports whether only white space is left.
func (sc *trainingScanner) end() bool {
	sc.space()
	return sc.i == len(sc.s)
}

// str reads a string of valid UTF-8 with no escape and no control byte,
// which json reads as it stands.
func (sc *trainingScanner) str() (string, bool) {
	if !sc.next('"') {
		return "", false
	}
	start, ascii := sc.i, true
	for ; sc.i < len(sc.s); sc.i++ {
		switch c := sc.s[sc.i]; {
		case c == '"':
			s := sc.s[start:sc.i]
			sc.i++
			return s, ascii || utf8.ValidString(s)
		case c == '\\' || c < 0x20:
			return "", false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	return "", false
}

// integer reads a JSON number that is an integer, as json reads one into
// an int: -?(0|[1-9][0-9]*), then no fraction or exponent, within an int.
func (sc *trainingScanner) integer() (int, bool) {
	sc.space()
	start := sc.i
	if sc.i < len(sc.s) && sc.s[sc.i] == '-' {
		sc.i++
	}
	digits := sc.i
	for sc.i < len(sc.s) && '0' <= sc.s[sc.i] && sc.s[sc.i] <= '9' {
		sc.i++
	}
	if sc.i == digits || (sc.s[digits] == '0' && sc.i > digits+1) {
		return 0, false
	}
	if sc.i < len(sc.s) {
		switch sc.s[sc.i] {
		case '.', 'e', 'E':
			return 0, false
		}
	}
	n, err := strconv.Atoi(sc.s[start:sc.i])
	return n, err == nil
}
