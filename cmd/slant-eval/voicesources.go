package main

import (
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/slant-news/slant/analysis/attribution"
)

// A voiceCount tallies, for one outlet, where slant's share of voice per
// actor parts from the gold share: in which statements it finds (detection)
// and to whom it credits them (credit). Each slice is indexed by actor.
type voiceCount struct {
	gold       []int // gold statements crediting the actor
	goldFound  []int // of those, matched by a statement of slant's
	found      int   // gold statements matched
	slant      []int // slant's statements crediting the actor
	matched    []int // of those, matched to a gold statement
	right      []int // of those, matched to a gold statement crediting the actor too
	foundRight []int // gold statements crediting the actor whose match credits it too
}

// newVoiceCount returns an empty tally over a table of the given number
// of actors.
func newVoiceCount(actors int) *voiceCount {
	return &voiceCount{gold: make([]int, actors), goldFound: make([]int, actors),
		slant: make([]int, actors), matched: make([]int, actors), right: make([]int, actors),
		foundRight: make([]int, actors)}
}

// add counts one article: its gold statements with the actors their source
// names (table indices), slant's statements with the actors they credit,
// and pairs, for each of slant's statements, the gold one it matches or -1.
func (c *voiceCount) add(golds [][]int, pred [][]int, pairs []int) {
	for _, actors := range golds {
		for _, i := range actors {
			c.gold[i]++
		}
	}
	for p, g := range pairs {
		for _, i := range pred[p] {
			c.slant[i]++
		}
		if g < 0 {
			continue
		}
		c.found++
		for _, i := range golds[g] {
			c.goldFound[i]++
			if slices.Contains(pred[p], i) {
				c.foundRight[i]++
			}
		}
		for _, i := range pred[p] {
			c.matched[i]++
			if slices.Contains(golds[g], i) {
				c.right[i]++
			}
		}
	}
}

// actorIndexes is the table indices of a statement's actors.
func actorIndexes(names []string, s attribution.Statement) []int {
	var out []int
	for _, a := range s.Actors {
		if i := slices.Index(names, a); i >= 0 {
			out = append(out, i)
		}
	}
	return out
}

// writeVoiceSources prints where the errors of the shares of voice come
// from, per actor over all outlets: how many of the actor's gold statements
// slant finds (against its recall of all), how often a statement found is
// credited to the actor when the gold credits it and the other way round,
// and slant's statements crediting the actor that match no gold one. Then
// the share's mean relative error three ways: with the gold statements
// slant found, credited as the gold credits them (detection alone); with
// slant's own credit of those (detection and credit, false alarms left
// out); and as outlets.csv has it.
func writeVoiceSources(w io.Writer, names []string, outlets []string, counts map[string]*voiceCount, gold map[string]*voiceTally, slantShare func(outlet string, actor int) float64) {
	fmt.Fprintln(w, "Where the share of voice errs, per actor over the outlets: found = the actor's gold statements that slant finds (all gold: the recall of statements);")
	fmt.Fprintln(w, "credit recall = of those found, the share slant credits to the actor; credit precision = of slant's statements crediting the actor that match a gold one, the share the gold credits to it too;")
	fmt.Fprintln(w, "false alarms = slant's statements crediting the actor that match no gold one. Mean relative error of the outlets' shares: detection = the statements slant finds, credited as the gold credits them, over all it finds;")
	fmt.Fprintln(w, "+ credit = the same statements credited as slant credits them; slant = outlets.csv's voice_share (false alarms in too):")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| actor | gold statements | found | credit recall | credit precision | false alarms | error: detection | + credit | slant |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|---:|---:|")
	var allDet, allCredit, allSlant []float64
	allGold, allFound := 0, 0
	for _, o := range outlets {
		allGold += gold[o].statements
		allFound += counts[o].found
	}
	for i, name := range names {
		var g, found, foundRight, slantN, matched, right int
		var det, credit, full []float64
		for _, o := range outlets {
			c, t := counts[o], gold[o]
			g += c.gold[i]
			found += c.goldFound[i]
			foundRight += c.foundRight[i]
			slantN += c.slant[i]
			matched += c.matched[i]
			right += c.right[i]
			want := ratio(t.quotes[i], t.statements)
			if want == 0 || math.IsNaN(want) {
				continue
			}
			det = append(det, relativeError(ratio(c.goldFound[i], c.found), want))
			credit = append(credit, relativeError(ratio(c.matched[i], c.found), want))
			full = append(full, relativeError(slantShare(o, i), want))
		}
		allDet, allCredit, allSlant = append(allDet, det...), append(allCredit, credit...), append(allSlant, full...)
		fmt.Fprintf(w, "| %s | %d | %.3f | %.3f | %.3f | %d of %d | %s | %s | %s |\n", name, g, ratio(found, g),
			ratio(foundRight, found), ratio(right, matched), slantN-matched, slantN,
			percent(meanOf(det)), percent(meanOf(credit)), percent(meanOf(full)))
	}
	fmt.Fprintf(w, "| all | %d | %.3f | | | | %s | %s | %s |\n", allGold, ratio(allFound, allGold),
		percent(meanOf(allDet)), percent(meanOf(allCredit)), percent(meanOf(allSlant)))
	fmt.Fprintln(w)
}

// relativeError is |got - want| / want for a share want > 0; a share got
// of no statements (NaN) reads as 0.
func relativeError(got, want float64) float64 {
	if math.IsNaN(got) {
		got = 0
	}
	return math.Abs(got-want) / want
}
