package main

import (
	"fmt"
	"io"
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
	Label   int    `json:"label"`
}

// evalEntities compares the mean target sentiment toward each BASIL main
// entity, over its mentions in the article, with the annotators' reading of
// the author's sentiment toward it: how far mention-level scores add up to
// an article-level stance, the figure slant reports per actor.
func evalEntities(dir string, w io.Writer) error {
	articles := map[string]basilArticle{}
	err := readJSONL(filepath.Join(dir, "basil", "articles.jsonl"), func(a basilArticle) error {
		articles[a.ID] = a
		return nil
	})
	if err != nil {
		return err
	}
	gold, err := readAll[basilPolarity](filepath.Join(dir, "basil", "entity_polarity.jsonl"))
	if err != nil {
		return err
	}
	// Each article's actor table, built once.
	tables := map[string]*actor.Table{}
	for id, a := range articles {
		if tables[id], err = entityActors(id, a.Entities); err != nil {
			return err
		}
	}
	fmt.Fprintln(w, "Author sentiment toward each BASIL main entity: the mean target score over the entity's mentions (title and text), ±0.05 thresholds;")
	fmt.Fprintln(w, "entities never found count as neutral:")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| scorer | entities | found | macro-F1 | accuracy |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|")
	for _, scorer := range tone.TargetScorers {
		an, err := analysis.New(analysis.Config{Sentiment: scorer})
		if err != nil {
			return err
		}
		// The per-actor tone slant reports: the mean score of the mentions.
		type key struct{ article, entity string }
		tones := map[key]float64{}
		for id, a := range articles {
			res := an.WithActors(tables[id]).Analyze(corpus.Article{ID: id, Title: a.Title, Text: a.Text})
			for _, st := range res.Actors {
				if st.Mentions > 0 {
					tones[key{id, st.Actor}] = st.Sentiment
				}
			}
		}
		var c confusion
		found := 0
		for _, g := range gold {
			pred := 0
			if t, ok := tones[key{g.Article, g.Entity}]; ok {
				found++
				pred = tone.Polarity(t)
			}
			c.add(g.Label, pred)
		}
		fmt.Fprintf(w, "| %s | %d | %d | %.3f | %.3f |\n", scorer, c.total(), found, c.macroF1(), c.accuracy())
	}
	var labels [3]int
	for _, g := range gold {
		labels[g.Label+1]++
	}
	fmt.Fprintf(w, "\n(gold labels: %d negative, %d neutral, %d positive.)\n", labels[0], labels[1], labels[2])
	return nil
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
