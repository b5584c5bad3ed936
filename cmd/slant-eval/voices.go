package main

import (
	_ "embed"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/slant-news/slant/analysis"
	"github.com/slant-news/slant/analysis/actor"
	"github.com/slant-news/slant/analysis/attribution"
	"github.com/slant-news/slant/analysis/compare"
	"github.com/slant-news/slant/corpus"
)

// campaignYAML is the actor table of the voices task: the campaign's main
// figures by their names, nothing taken from PolNeAR.
//
//go:embed campaign.yaml
var campaignYAML []byte

// voiceAim is issue 17's aim for the share of voice: the mean relative
// error of the outlets' shares within 8%.
const voiceAim = 0.08

// evalVoices compares each PolNeAR outlet's share of voice per actor, as
// outlets.csv gives it (the whole analysis, in-process, with the campaign
// table), with the same share computed from the annotation: an actor's
// gold attributions (a pronoun source replaced by its automatic
// coreference, source_coref_auto, where that is not a pronoun too; the
// source matched against the same table) over all the outlet's gold
// attributions, those with no source included.
func evalVoices(dir string, w io.Writer) error {
	table, err := actor.Parse("campaign.yaml", campaignYAML)
	if err != nil {
		return err
	}
	an, err := analysis.New(analysis.Config{Actors: table})
	if err != nil {
		return err
	}
	names := table.Names()
	type article struct {
		ID, Outlet, Text string
	}
	arts, err := readAll[article](filepath.Join(dir, "polnear/articles.jsonl"))
	if err != nil {
		return err
	}
	goldOf := map[string][]gold{}      // per article, for the recall of the noise floor
	goldActors := map[string][][]int{} // per article and gold statement, the actors its source names
	texts := map[string]string{}
	for _, art := range arts {
		texts[art.ID] = art.Text
	}
	gold := map[string]*voiceTally{}
	tally := func(outlet string) *voiceTally {
		if gold[outlet] == nil {
			gold[outlet] = &voiceTally{quotes: make([]int, len(names))}
		}
		return gold[outlet]
	}
	if err := readJSONL(filepath.Join(dir, "polnear/attributions.jsonl"), func(a polnearAttribution) error {
		if !a.Primary || a.Content == nil || len(a.Content.Spans) == 0 {
			return nil
		}
		t := tally(a.Outlet)
		t.statements++
		goldOf[a.ArticleID] = append(goldOf[a.ArticleID], goldContent(a.Content.Spans))
		actors := sourceActors(table, a.sourcePhrase(texts[a.ArticleID]))
		goldActors[a.ArticleID] = append(goldActors[a.ArticleID], actors)
		for _, i := range actors {
			t.quotes[i]++
		}
		return nil
	}); err != nil {
		return err
	}
	cmp := compare.New(names, compare.Config{})
	found, all := 0, 0
	counts := map[string]*voiceCount{}
	for _, art := range arts {
		a := an.Analyze(corpus.Article{ID: art.ID, Outlet: art.Outlet, Text: art.Text})
		cmp.Add(a.Summary(names))
		golds := goldOf[art.ID]
		if counts[art.Outlet] == nil {
			counts[art.Outlet] = newVoiceCount(len(names))
		}
		stmts := make([]attribution.Statement, len(a.Quotes))
		credits := make([][]int, len(a.Quotes))
		for i, q := range a.Quotes {
			stmts[i], credits[i] = q.Statement, actorIndexes(names, q.Statement)
		}
		counts[art.Outlet].add(goldActors[art.ID], credits, match(stmts, golds))
		for _, j := range match(an.Statements(art.Text), golds) {
			if j >= 0 {
				found++
			}
		}
		all += len(golds)
	}
	recall := ratio(found, all)
	res := cmp.Result()
	slant := map[string]map[string]compare.OutletActor{}
	for _, o := range res.Outlets {
		if slant[o.Outlet] == nil {
			slant[o.Outlet] = map[string]compare.OutletActor{}
		}
		slant[o.Outlet][o.Actor] = o
	}
	statements := map[string]int{}
	for _, b := range res.Balance { // one per outlet: its statements
		statements[b.Outlet] += b.Quotes
	}
	outlets := make([]string, 0, len(gold))
	for o := range gold {
		outlets = append(outlets, o)
	}
	sort.Strings(outlets)

	fmt.Fprintln(w, "Share of voice per outlet and actor on PolNeAR (dev), in %: gold (the annotation's attributions, pronouns through source_coref_auto, over all the outlet's attributions) / slant (outlets.csv's voice_share):")
	fmt.Fprintln(w)
	fmt.Fprintf(w, "| outlet | gold statements | slant statements | %s |\n", strings.Join(names, " | "))
	fmt.Fprintf(w, "|---|---:|---:|%s\n", strings.Repeat("---:|", len(names)))
	type pair struct{ gold, slant float64 }
	byActor := make([][]pair, len(names))
	for _, o := range outlets {
		g := gold[o]
		var cells []string
		for i, name := range names {
			p := pair{100 * ratio(g.quotes[i], g.statements), 100 * slant[o][name].VoiceShare}
			if math.IsNaN(p.slant) {
				p.slant = 0
			}
			byActor[i] = append(byActor[i], p)
			cells = append(cells, fmt.Sprintf("%.1f / %.1f", p.gold, p.slant))
		}
		fmt.Fprintf(w, "| %s | %d | %d | %s |\n", o, g.statements, statements[o], strings.Join(cells, " | "))
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "Errors per actor over the outlets: mean absolute error in percentage points, mean relative error |slant - gold| / gold (outlets where gold > 0), its noise floor (the mean relative error expected if slant found each gold statement independently with probability %.3f, its recall of statements, and always credited the right speaker: binomial counts, computed exactly), and the rank agreement of the outlets (Spearman's ρ, Kendall's τ-b):\n", recall)
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| actor | gold share | slant share | MAE (points) | mean relative error | noise floor | Spearman ρ | Kendall τ |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|---:|")
	var allAbs, allRel, allFloor, allRho, allTau []float64
	var allCells []outletCount
	needed := make([]string, len(names))
	for i, name := range names {
		var gs, ss, abs, rel, floor []float64
		var cells []outletCount
		gq, gn, sq, sn := 0, 0, 0, 0
		for k, p := range byActor[i] {
			gs, ss = append(gs, p.gold), append(ss, p.slant)
			abs = append(abs, math.Abs(p.slant-p.gold))
			if p.gold > 0 {
				rel = append(rel, relativeError(p.slant, p.gold))
				c := outletCount{gold[outlets[k]].statements, gold[outlets[k]].quotes[i]}
				cells = append(cells, c)
				floor = append(floor, relErrorFloor(c.N, c.n, recall))
			}
			gq += gold[outlets[k]].quotes[i]
			gn += gold[outlets[k]].statements
			sq += slant[outlets[k]][name].Quotes
			sn += statements[outlets[k]]
		}
		rho, tau := spearman(gs, ss), kendall(gs, ss)
		allAbs, allRel, allFloor = append(allAbs, abs...), append(allRel, rel...), append(allFloor, floor...)
		allRho, allTau = append(allRho, rho), append(allTau, tau)
		allCells = append(allCells, cells...)
		needed[i] = fmt.Sprintf("%s %.2f", name, recallForFloor(cells, voiceAim))
		fmt.Fprintf(w, "| %s | %.1f%% | %.1f%% | %.2f | %s | %s | %s | %s |\n", name, 100*ratio(gq, gn), 100*ratio(sq, sn),
			meanOf(abs), percent(meanOf(rel)), percent(meanOf(floor)), fixed(rho), fixed(tau))
	}
	fmt.Fprintf(w, "| all | | | %.2f | %s | %s | %s | %s |\n", meanOf(allAbs), percent(meanOf(allRel)), percent(meanOf(allFloor)), fixed(meanOf(allRho)), fixed(meanOf(allTau)))
	fmt.Fprintln(w)
	fmt.Fprintln(w, "(all: the errors over every outlet and actor, the mean ρ and τ of the actors.)")
	fmt.Fprintln(w)
	fmt.Fprintf(w, "The recall of statements at which the noise floor falls to the aim of %.0f%% mean relative error, every speaker right: %.2f over all (slant: %.3f); per actor, %s.\n",
		100*voiceAim, recallForFloor(allCells, voiceAim), recall, strings.Join(needed, ", "))
	fmt.Fprintln(w)
	writeVoiceSources(w, names, outlets, counts, gold, func(o string, i int) float64 { return slant[o][names[i]].VoiceShare })
	return nil
}

// goldContent is a gold statement of its content spans alone.
func goldContent(spans [][2]int) gold { return gold{spans: spans} }

// voiceTally counts an outlet's gold attributions: per actor, and in all.
type voiceTally struct {
	quotes     []int
	statements int
}

// polnearAttribution is a line of PolNeAR's attributions.jsonl.
type polnearAttribution struct {
	ArticleID string `json:"article_id"`
	Outlet    string `json:"outlet"`
	Primary   bool   `json:"primary"`
	HasSource bool   `json:"has_source"`
	Source    *part  `json:"source"`
	Cue       *part  `json:"cue"`
	Content   *part  `json:"content"`
	Coref     *struct {
		Representative string `json:"representative"`
	} `json:"source_coref_auto"`
}

type part struct {
	Text  string   `json:"text"`
	Spans [][2]int `json:"spans"`
}

// sourcePhrase is the gold source as a speaker phrase in its article's
// text: "" when there is none, a pronoun replaced by its automatic
// coreference when that is not a pronoun too, and a relative pronoun that
// the coreference leaves ("who", "which", "that": 179 of them on dev) by
// its antecedent, the phrase right before it ("Senior officials at the
// Labor Department who ...", "the Daily Ledger, which ...").
func (a polnearAttribution) sourcePhrase(text string) string {
	if !a.HasSource || a.Source == nil {
		return ""
	}
	if isPronounPhrase(a.Source.Text) && a.Coref != nil && !isPronounPhrase(a.Coref.Representative) {
		return a.Coref.Representative
	}
	if relativePronoun(a.Source.Text) && len(a.Source.Spans) > 0 {
		if ante := antecedent(text, a.Source.Spans[0][0]); ante != "" {
			return ante
		}
	}
	return a.Source.Text
}

func relativePronoun(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "who", "whom", "which", "that":
		return true
	}
	return false
}

// antecedent is the noun phrase that ends before offset at in text (past
// a comma): what a relative pronoun at offset at refers to. It runs back
// over capitalised words, articles, "of", "and" and other lowercase words
// that are not verbs, to punctuation, at most 8 words; "" when there is
// none.
func antecedent(text string, at int) string {
	if at < 0 || at > len(text) {
		return ""
	}
	before := strings.TrimRight(text[:at], " ,\u00a0")
	if i := strings.LastIndexAny(before, ".;:!?()\n—–“”\","); i >= 0 {
		_, n := utf8.DecodeRuneInString(before[i:])
		before = before[i+n:]
	}
	words := strings.Fields(before)
	k := len(words)
	for k > 0 && len(words)-k < 8 && nounPhraseWord(words[k-1]) {
		k--
	}
	for k < len(words) && coreCut[strings.ToLower(words[k])] {
		k++ // "by the Daily Ledger, which": the phrase, not its preposition
	}
	return strings.Join(words[k:], " ")
}

// nounPhraseWord reports whether a word may stand in the noun phrase
// before a relative pronoun: not a verb or auxiliary.
func nounPhraseWord(w string) bool {
	low := strings.ToLower(strings.Trim(w, "'’"))
	if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
		return true
	}
	switch low {
	case "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "said", "says", "say", "did", "do", "does", "to":
		return false
	}
	return !strings.HasSuffix(low, "ing") && !strings.HasSuffix(low, "ed")
}

// sourceActors is the table indices of the actors the phrase names, each
// once, in table order.
func sourceActors(table *actor.Table, phrase string) []int {
	var out []int
	for _, m := range table.Match(phrase) {
		for i, a := range table.List {
			if a.Name == m.Actor && !slices.Contains(out, i) {
				out = append(out, i)
			}
		}
	}
	slices.Sort(out)
	return out
}

func meanOf(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}

func percent(x float64) string {
	if math.IsNaN(x) {
		return "n/a"
	}
	return fmt.Sprintf("%.1f%%", 100*x)
}

func fixed(x float64) string {
	if math.IsNaN(x) {
		return "n/a"
	}
	return fmt.Sprintf("%.2f", x)
}

// ranks gives each value its rank from 1, ties the mean of their ranks.
func ranks(xs []float64) []float64 {
	idx := make([]int, len(xs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return xs[idx[a]] < xs[idx[b]] })
	out := make([]float64, len(xs))
	for i := 0; i < len(idx); {
		j := i
		for j < len(idx) && xs[idx[j]] == xs[idx[i]] {
			j++
		}
		for k := i; k < j; k++ {
			out[idx[k]] = float64(i+j+1) / 2
		}
		i = j
	}
	return out
}

// spearman is Spearman's ρ: Pearson's correlation of the ranks; NaN when
// either side is constant.
func spearman(xs, ys []float64) float64 {
	rx, ry := ranks(xs), ranks(ys)
	mx, my := meanOf(rx), meanOf(ry)
	var sxy, sxx, syy float64
	for i := range rx {
		sxy += (rx[i] - mx) * (ry[i] - my)
		sxx += (rx[i] - mx) * (rx[i] - mx)
		syy += (ry[i] - my) * (ry[i] - my)
	}
	if sxx == 0 || syy == 0 {
		return math.NaN()
	}
	return sxy / math.Sqrt(sxx*syy)
}

// kendall is Kendall's τ-b, which corrects for ties; NaN when either side
// is constant. Quadratic, for a handful of outlets.
func kendall(xs, ys []float64) float64 {
	var concordant, discordant, tiesX, tiesY float64
	for i := range xs {
		for j := i + 1; j < len(xs); j++ {
			dx, dy := sign(xs[i]-xs[j]), sign(ys[i]-ys[j])
			switch {
			case dx == 0 && dy == 0:
			case dx == 0:
				tiesX++
			case dy == 0:
				tiesY++
			case dx == dy:
				concordant++
			default:
				discordant++
			}
		}
	}
	d := math.Sqrt((concordant + discordant + tiesX) * (concordant + discordant + tiesY))
	if d == 0 {
		return math.NaN()
	}
	return (concordant - discordant) / d
}

func sign(x float64) int {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return 0
}
