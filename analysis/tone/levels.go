package tone

import (
	"bytes"
	_ "embed"
	"fmt"
	"math"
	"strconv"
)

// Levels turns the tone of an actor's mentions in an article, or in all of
// an outlet's articles, into a reading a user can take at face value: a
// level that is neutral, and a label. They are chosen per target scorer on
// BASIL dev (slant-eval -calibrate, see README "Accuracy"), where the
// coders' neutral articles came out at a mean mention score of about
// -0.1: news is full of negative words that are not about the actor, and
// a sentence-level neutral is not an article-level one. On NewsMTSC
// train, mentions the coders call neutral average -0.007 (5-fold,
// out of fold), so the level is the article's, not the mention's.
type Levels struct {
	// Level is the weighted mean mention score of the articles the coders
	// call neutral toward an actor: tones are measured from it.
	Level float64
	// Negative and Positive are the label's thresholds: a tone (less
	// Level) at or below -Negative is -1, at or above Positive is 1.
	Negative, Positive float64
	// Title and Lead weigh a mention in the headline and in the lead (a
	// mention elsewhere weighs 1) for the label.
	Title, Lead float64
	// Shrink is how many neutral mentions' weight a label adds to the
	// actor's: it reads the tone times W/(W+Shrink), W the mentions'
	// weight, so that one or two mentions, mostly noise, take a stronger
	// tone to be labelled than many (see Read).
	Shrink float64
}

// Read is the label of a tone already measured from Level, from mentions
// of summed weight w (see Weight).
func (l Levels) Read(tone, w float64) int {
	if l.Shrink > 0 {
		tone *= w / (w + l.Shrink)
	}
	return l.Label(tone)
}

// Label is the label of a tone already measured from Level.
func (l Levels) Label(tone float64) int {
	switch {
	case tone <= -l.Negative:
		return -1
	case tone >= l.Positive:
		return 1
	}
	return 0
}

// Weight is the weight of title, lead and other mentions together, for
// the weighted mean of their scores.
func (l Levels) Weight(title, lead, other int) float64 {
	return l.Title*float64(title) + l.Lead*float64(lead) + float64(other)
}

// levelsData is the built-in calibration, levels.txt.
//
//go:embed levels.txt
var levelsData []byte

// DefaultLevels returns the built-in calibration file, for the record of
// a run and for slant-eval -calibrate to compare with.
func DefaultLevels() []byte { return levelsData }

// LevelsFor returns the built-in calibration of the named target scorer.
func LevelsFor(scorer string) (Levels, error) {
	all, err := ParseLevels(levelsData)
	if err != nil {
		return Levels{}, fmt.Errorf("loading the tone levels: %w", err)
	}
	l, ok := all[scorer]
	if !ok {
		return Levels{}, fmt.Errorf("the tone levels have no line for the target scorer %q", scorer)
	}
	return l, nil
}

// ParseLevels reads a calibration file: '#' comment lines, then one line
// per target scorer: its name, Level, Negative, Positive, Title, Lead and
// Shrink (0 when left out, as files before it had it).
func ParseLevels(data []byte) (map[string]Levels, error) {
	out := map[string]Levels{}
	for n, line := range bytes.Split(data, []byte{'\n'}) {
		if line = bytes.TrimSpace(line); len(line) == 0 || line[0] == '#' {
			continue
		}
		f := bytes.Fields(line)
		if len(f) != 6 && len(f) != 7 {
			return nil, fmt.Errorf("line %d: want a scorer and 6 numbers, have %d fields", n+1, len(f))
		}
		var x [6]float64
		for i := range f[1:] {
			v, err := strconv.ParseFloat(string(f[i+1]), 64)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", n+1, err)
			}
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("line %d: %s is not a finite number", n+1, f[i+1])
			}
			x[i] = v
		}
		l := Levels{Level: x[0], Negative: x[1], Positive: x[2], Title: x[3], Lead: x[4], Shrink: x[5]}
		if l.Negative <= 0 || l.Positive <= 0 || l.Title <= 0 || l.Lead <= 0 || l.Shrink < 0 {
			return nil, fmt.Errorf("line %d: thresholds and weights must be positive, shrink not negative", n+1)
		}
		if _, dup := out[string(f[0])]; dup {
			return nil, fmt.Errorf("line %d: %s twice", n+1, f[0])
		}
		out[string(f[0])] = l
	}
	return out, nil
}

// FormatLevels writes a calibration file, scorers in the given order.
func FormatLevels(header string, scorers []string, levels map[string]Levels) []byte {
	var b bytes.Buffer
	b.WriteString(header)
	b.WriteString("# scorer level negative positive title lead shrink\n")
	for _, s := range scorers {
		l := levels[s]
		fmt.Fprintf(&b, "%s %s %s %s %s %s %s\n", s, num(l.Level), num(l.Negative), num(l.Positive), num(l.Title), num(l.Lead), num(l.Shrink))
	}
	return b.Bytes()
}

func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
