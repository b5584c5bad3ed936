// Package dateparser stands in for github.com/markusmobius/go-dateparser,
// which go-htmldate imports for its extensive search of dates written in
// words ("12 août 2021"). slant reads pages with trafilatura's fast date
// mode (corpus.extraction, held there by a test), which never calls it,
// while the real package builds its tables of some 200 locales when the
// program starts: 92 ms and 78 MB of every run, even of one that reads no
// HTML. go.mod replaces it with this: the same names go-htmldate uses, and
// a Parse that finds nothing, as the fast mode's caller expects of a page
// with no date it can read.
package dateparser

import (
	"errors"
	"time"
)

// ParserType is which of the real package's parsers to try.
type ParserType uint8

// The parsers, in the real package's order.
const (
	Timestamp ParserType = iota
	NegativeTimestamp
	RelativeTime
	CustomFormat
	AbsoluteTime
	NoSpacesTime
)

// PreferredDateSource is how the real package fills a date's missing parts.
type PreferredDateSource uint8

// The sources, in the real package's order.
const (
	CurrentPeriod PreferredDateSource = iota
	Past
	Future
)

// Configuration is the real package's, with the fields go-htmldate sets.
type Configuration struct {
	PreferredDateSource PreferredDateSource
	StrictParsing       bool
}

// Parser is the real package's, with the field go-htmldate sets.
type Parser struct {
	ParserTypes []ParserType
}

// Date is a date found: here never.
type Date struct {
	Time time.Time
}

// ErrNotBuilt is what Parse returns.
var ErrNotBuilt = errors.New("dateparser: the extensive date search is not built into slant")

// Parse finds no date.
func (p *Parser) Parse(cfg *Configuration, s string, formats ...string) (Date, error) {
	return Date{}, ErrNotBuilt
}
