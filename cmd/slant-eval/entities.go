package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/slant-news/slant/analysis/actor"
	"github.com/slant-news/slant/analysis/tone"

	"github.com/slant-news/slant/analysis"
	"github.com/slant-news/slant/corpus"
)

// basilArticle is one BASIL article with its main entities.
type basilArticle struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Text     string   `json:"text"`
	Entities []string `json:"main_entities"`
}

// basilPolarity is the author's sentiment toward one main entity.
type basilPolarity struct {
	Article string `json:"article_id"`
	Entity  string `json:"entity"`
	Event   string `json:"event_id"`
	Label   int    `json:"label"`
}

// evalEntities compares slant's per-article tone toward each BASIL main
// entity with the coders' reading of the author's sentiment toward it: the
// label (actors.csv's label, from the scorer's calibrated levels) by
// macro-F1, next to always answering neutral, and the sentiment (the mean
// mention score from the neutral level) by Pearson's r. With calibrate
// set, it also chooses each scorer's levels (see calibrate) and writes
// them there.
func evalEntities(dir string, w io.Writer, calibrateTo string) error {
	items, err := basilTones(dir)
	if err != nil {
		return err
	}
	var labels [3]int
	for _, it := range items[tone.TargetScorers[0]] {
		labels[it.gold+1]++
	}
	var base confusion
	for _, it := range items[tone.TargetScorers[0]] {
		base.add(it.gold, 0)
	}
	fmt.Fprintf(w, "Author sentiment toward each BASIL main entity (%d: %d negative, %d neutral, %d positive; entities never found count as neutral).\n",
		base.total(), labels[0], labels[1], labels[2])
	fmt.Fprintln(w, "label: actors.csv's label, by the built-in levels (chosen on this set); by event: levels chosen on 4/5 of the events, scored on the rest;")
	fmt.Fprintln(w, "±0.05: the raw mean mention score cut at ±0.05, the reading before levels; r: Pearson's r of actors.csv's sentiment and the coders' label over the entities found;")
	fmt.Fprintln(w, "neutral at: the mean sentiment of the entities the coders call neutral:")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| scorer | found | label macro-F1 | label accuracy | always neutral | by event | ±0.05 | r | neutral at |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|---:|---:|")
	chosen := map[string]tone.Levels{}
	for _, scorer := range tone.TargetScorers {
		its := items[scorer]
		var label, raw confusion
		var xs, ys []float64
		var neutral, neutralN float64
		found := 0
		for _, it := range its {
			if !it.found {
				label.add(it.gold, 0)
				raw.add(it.gold, 0)
				continue
			}
			found++
			label.add(it.gold, it.label)
			raw.add(it.gold, tone.Polarity(it.rawMean()))
			xs, ys = append(xs, it.sentiment), append(ys, float64(it.gold))
			if it.gold == 0 {
				neutral, neutralN = neutral+it.sentiment, neutralN+1
			}
		}
		fmt.Fprintf(w, "| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %+.3f |\n", scorer, found,
			label.macroF1(), label.accuracy(), base.macroF1(), byEvent(its), raw.macroF1(), pearson(xs, ys), neutral/neutralN)
		chosen[scorer], _ = calibrate(its)
	}
	if calibrateTo == "" {
		return nil
	}
	header := "# slant's tone levels per target scorer (see analysis/tone/levels.go): made by `make calibrate`\n" +
		"# (slant-eval -calibrate) from BASIL dev's author-sentiment labels; do not edit. The level is the\n" +
		"# mean headline- and lead-weighted mention score of the entities the coders call neutral; the\n" +
		"# thresholds and the shrink (see tone.Levels.Shrink) are those of best macro-F1 there.\n"
	if err := os.WriteFile(calibrateTo, tone.FormatLevels(header, tone.TargetScorers, chosen), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(w, "\n(levels written to %s: run make eval again to score with them.)\n", calibrateTo)
	return nil
}

// basilTones analyses the BASIL articles with every target scorer and
// returns, per scorer, each gold judgement with slant's figures for it.
func basilTones(dir string) (map[string][]entityTone, error) {
	articles := map[string]basilArticle{}
	err := readJSONL(filepath.Join(dir, "basil", "articles.jsonl"), func(a basilArticle) error {
		articles[a.ID] = a
		return nil
	})
	if err != nil {
		return nil, err
	}
	gold, err := readAll[basilPolarity](filepath.Join(dir, "basil", "entity_polarity.jsonl"))
	if err != nil {
		return nil, err
	}
	// Each article's actor table, built once.
	tables := map[string]*actor.Table{}
	for id, a := range articles {
		if tables[id], err = entityActors(id, a.Entities); err != nil {
			return nil, err
		}
	}
	out := map[string][]entityTone{}
	for _, scorer := range tone.TargetScorers {
		an, err := analysis.New(analysis.Config{Sentiment: scorer})
		if err != nil {
			return nil, err
		}
		type key struct{ article, entity string }
		got := map[key]entityTone{}
		for id, a := range articles {
			res := an.WithActors(tables[id]).Analyze(corpus.Article{ID: id, Title: a.Title, Text: a.Text})
			for _, st := range res.Actors {
				if st.Mentions > 0 {
					got[key{id, st.Actor}] = entityTone{found: true, sentiment: st.Sentiment, label: st.Label}
				}
			}
			for _, m := range res.Mentions {
				k := key{id, m.Actor}
				t := got[k]
				s := res.Sentences[m.Sentence-1]
				place := placeOther
				switch {
				case s.Part == analysis.Title:
					place = placeTitle
				case s.Lead:
					place = placeLead
				}
				t.sum[place] += m.Score
				t.n[place]++
				got[k] = t
			}
		}
		for _, g := range gold {
			t := got[key{g.Article, g.Entity}]
			t.gold, t.event = g.Label, g.Event
			out[scorer] = append(out[scorer], t)
		}
	}
	return out, nil
}

// entityActors builds an actor table for one article's main entities: each
// entity matches its full name and, for a personal name (two or three
// capitalised words), the last name alone, unless another entity of the
// article shares it.
func entityActors(article string, entities []string) (*actor.Table, error) {
	var unique []string
	for _, e := range entities {
		if !slices.Contains(unique, e) {
			unique = append(unique, e)
		}
	}
	last := map[string]int{}
	for _, e := range unique {
		if l := lastName(e); l != "" {
			last[l]++
		}
	}
	var b strings.Builder
	for _, e := range unique {
		patterns := []string{e}
		if l := lastName(e); l != "" && last[l] == 1 {
			patterns = append(patterns, l)
		}
		fmt.Fprintf(&b, "%s:\n", strconv.Quote(e))
		for _, p := range patterns {
			fmt.Fprintf(&b, "  - %s\n", strconv.Quote(p))
		}
	}
	a, err := actor.Parse(article, []byte(b.String()))
	if err != nil {
		return nil, fmt.Errorf("actor table for %s: %w", article, err)
	}
	return a, nil
}

// lastName returns the last word of a name of two or three capitalised
// words (Joe Sestak, Hillary Rodham Clinton), or "".
func lastName(name string) string {
	words := strings.Fields(name)
	if len(words) < 2 || len(words) > 3 {
		return ""
	}
	for _, w := range words {
		r := []rune(w)
		if !unicode.IsUpper(r[0]) {
			return ""
		}
	}
	return words[len(words)-1]
}
