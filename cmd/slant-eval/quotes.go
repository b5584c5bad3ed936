package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/slant-news/slant/analysis/attribution"
	"github.com/slant-news/slant/analysis/postag"
	"github.com/slant-news/slant/analysis/segment"

	"github.com/slant-news/slant/analysis"
)

// evalQuotes measures the attribution extractor (Analyzer.Statements)
// against PolNeAR's gold attributions (primary annotator) and BASIL's
// annotated quotes.
//
// A predicted statement matches a gold one when their contents overlap by at
// least half of the shorter (gold contents may have several spans; their
// bytes count together, and so do a prediction's Spans when its cue splits
// it); matching is one-to-one, best overlap first.
// Speaker accuracy is over matched statements whose gold has a source; see
// sameSpeaker for what counts as the same speaker.
//
// With SLANT_QUOTES_DUMP set to a file name, the PolNeAR misses and false
// alarms are written there for error analysis.
func evalQuotes(dir string, w io.Writer) error {
	an, err := analysis.New(analysis.Config{})
	if err != nil {
		return err
	}
	var dump io.Writer = io.Discard
	if name := os.Getenv("SLANT_QUOTES_DUMP"); name != "" {
		f, err := os.Create(name)
		if err != nil {
			return err
		}
		defer f.Close()
		dump = f
	}

	type article struct {
		ID   string `json:"id"`
		Text string `json:"text"`
	}
	polnear, err := readAll[article](filepath.Join(dir, "polnear/articles.jsonl"))
	if err != nil {
		return err
	}
	polnearText := map[string]string{}
	for _, art := range polnear {
		polnearText[art.ID] = art.Text
	}
	goldBy := map[string][]gold{}
	tagger, err := postag.New()
	if err != nil {
		return err
	}
	if err := readJSONL(filepath.Join(dir, "polnear/attributions.jsonl"), func(a polnearAttribution) error {
		if !a.Primary || a.Content == nil || len(a.Content.Spans) == 0 {
			return nil
		}
		g := gold{spans: a.Content.Spans, direct: startsWithQuote(a.Content.Text), source: a.sourcePhrase(polnearText[a.ArticleID])}
		if a.Cue != nil {
			g.cue = a.Cue.Text
		}

		if g.source != "" {
			g.kind = sourceKindOf(tagger, a.Source.Text)
		}
		goldBy[a.ArticleID] = append(goldBy[a.ArticleID], g)
		return nil
	}); err != nil {
		return err
	}

	var all, sourced, direct, other score
	var speakers [numSourceKinds]score
	var elapsed time.Duration
	var bytes int
	for _, art := range polnear {
		t0 := time.Now()
		pred := an.Statements(art.Text)
		elapsed += time.Since(t0)
		bytes += len(art.Text)
		golds := goldBy[art.ID]
		pairs := match(pred, golds)
		all.add(pred, golds, pairs, func(attribution.Statement) bool { return true }, func(gold) bool { return true })
		// Against the gold with a source, a prediction that matched a gold
		// statement with none is left out rather than counted wrong.
		sourcedPred := make([]bool, len(pred))
		for i, j := range pairs {
			sourcedPred[i] = j < 0 || golds[j].source != ""
		}
		sourced.addIndexed(pred, golds, pairs, func(i int) bool { return sourcedPred[i] }, func(g gold) bool { return g.source != "" })
		for k := range speakers {
			speakers[k].add(pred, golds, pairs, func(attribution.Statement) bool { return true }, func(g gold) bool { return g.source != "" && g.kind == sourceKind(k) })
		}
		direct.add(pred, golds, pairs, func(s attribution.Statement) bool { return s.Kind == attribution.Direct }, func(g gold) bool { return g.direct })
		other.add(pred, golds, pairs, func(s attribution.Statement) bool { return s.Kind != attribution.Direct }, func(g gold) bool { return !g.direct })
		dumpErrors(dump, art.ID, art.Text, pred, golds, pairs)
	}

	fmt.Fprintln(w, "Attributed statements against PolNeAR (dev, primary annotator); match = contents overlap by half of the shorter, one-to-one:")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| set | gold | predicted | matched | precision | recall | F1 | speaker accuracy |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|---:|")
	all.row(w, "PolNeAR all")
	sourced.row(w, "PolNeAR gold with a source")
	direct.row(w, "PolNeAR direct")
	other.row(w, "PolNeAR mixed + indirect")

	// BASIL: only quotes that carry bias were annotated, so recall is what
	// counts; speakers are compared where the gold names one.
	basil, err := readAll[article](filepath.Join(dir, "basil/articles.jsonl"))
	if err != nil {
		return err
	}
	type basilQuote struct {
		ArticleID   string `json:"article_id"`
		Sentence    string `json:"sentence"`
		Start       int    `json:"start"`
		End         int    `json:"end"`
		Speaker     string `json:"speaker"`
		SpeakerKind string `json:"speaker_kind"`
	}
	texts := map[string]string{}
	for _, a := range basil {
		texts[a.ID] = a.Text
	}
	bq := map[string][]gold{}
	unplaced, groups := 0, 0
	if err := readJSONL(filepath.Join(dir, "basil/quotes.jsonl"), func(q basilQuote) error {
		at := strings.Index(texts[q.ArticleID], q.Sentence)
		if at < 0 || q.End > len(q.Sentence) || q.Start >= q.End {
			unplaced++
			return nil
		}
		g := gold{spans: [][2]int{{at + q.Start, at + q.End}}, direct: true}
		switch {
		case q.SpeakerKind == "named" && groupLabel(q.Speaker):
			groups++
		case q.SpeakerKind == "named":
			g.source = q.Speaker
		}
		bq[q.ArticleID] = append(bq[q.ArticleID], g)
		return nil
	}); err != nil {
		return err
	}
	var bs score
	for _, art := range basil {
		t0 := time.Now()
		pred := an.Statements(art.Text)
		elapsed += time.Since(t0)
		bytes += len(art.Text)
		bs.add(pred, bq[art.ID], match(pred, bq[art.ID]), func(attribution.Statement) bool { return true }, func(gold) bool { return true })
	}
	fmt.Fprintf(w, "| BASIL quotes (recall only) | %d | | %d | | %.3f | | %.3f |\n", bs.gold, bs.tp, ratio(bs.tp, bs.gold), ratio(bs.speakerOK, bs.speakerN))
	fmt.Fprintln(w)
	n := len(polnear) + len(basil)
	fmt.Fprintf(w, "Speed: %d articles (%.1f MB) in %v: %.0f articles/s on one core. BASIL quotes not found in their article: %d. BASIL's speaker accuracy is over the quotes whose gold speaker is a person's name, %d with a group's label instead (\"Democratic lawmakers\", \"protestors\") left out.\n",
		n, float64(bytes)/1e6, elapsed.Round(time.Millisecond), float64(n)/elapsed.Seconds(), unplaced, groups)
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Speaker accuracy on PolNeAR by the kind of gold source (a name: the head of one of its parts a proper noun for analysis/postag; a pronoun, resolved through source_coref_auto where it can be; any other description):")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| gold source | matched | speaker right | speaker accuracy |")
	fmt.Fprintln(w, "|---|---:|---:|---:|")
	for k, sc := range speakers {
		fmt.Fprintf(w, "| %s | %d | %d | %.3f |\n", sourceKind(k), sc.speakerN, sc.speakerOK, ratio(sc.speakerOK, sc.speakerN))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Speaker accuracy: among matched statements with a gold source, the resolved speaker (or the phrase as written) names the gold source (PolNeAR pronouns replaced by their automatic coreference); same speaker = the head word of one occurs among the core words of the other (the core: each part set off by commas, dashes or \"and\" up to its first preposition, relative pronoun or -ing participle, less relative clauses, ages, party labels, parentheses, possessors and titles; see sameSpeaker).")
	return nil
}

// gold is one gold statement: its content spans, whether it is a quote,
// and its source ("" when none is given) and the kind of source phrase.
type gold struct {
	spans  [][2]int
	direct bool
	source string
	kind   sourceKind
	cue    string // for error analysis
}

func (g gold) length() int {
	n := 0
	for _, s := range g.spans {
		n += max(s[1]-s[0], 0)
	}
	return n
}

func (g gold) overlap(lo, hi int) int {
	n := 0
	for _, s := range g.spans {
		n += max(min(hi, s[1])-max(lo, s[0]), 0)
	}
	return n
}

// match pairs predictions with gold statements one to one, largest overlap
// first; it returns, for each prediction, the gold index or -1.
func match(pred []attribution.Statement, golds []gold) []int {
	type cand struct{ p, g, ov int }
	var cs []cand
	for i, p := range pred {
		for j, g := range golds {
			ov, n := 0, 0
			for _, sp := range pieces(p) {
				ov += g.overlap(sp[0], sp[1])
				n += sp[1] - sp[0]
			}
			if ov > 0 && 2*ov >= min(n, g.length()) {
				cs = append(cs, cand{i, j, ov})
			}
		}
	}
	slices.SortStableFunc(cs, func(x, y cand) int { return y.ov - x.ov })
	out := make([]int, len(pred))
	for i := range out {
		out[i] = -1
	}
	taken := make([]bool, len(golds))
	for _, c := range cs {
		if out[c.p] < 0 && !taken[c.g] {
			out[c.p], taken[c.g] = c.g, true
		}
	}
	return out
}

// pieces returns a prediction's content spans: its Spans when its cue
// splits it, else its one span.
func pieces(p attribution.Statement) [][2]int {
	if len(p.Spans) > 0 {
		return p.Spans
	}
	return [][2]int{{p.Start, p.End}}
}

type score struct {
	tp, pred, gold      int
	speakerOK, speakerN int
}

func (s *score) add(pred []attribution.Statement, golds []gold, pairs []int, inP func(attribution.Statement) bool, inG func(gold) bool) {
	s.addIndexed(pred, golds, pairs, func(i int) bool { return inP(pred[i]) }, inG)
}

// addIndexed is add with predictions chosen by index.
func (s *score) addIndexed(pred []attribution.Statement, golds []gold, pairs []int, inP func(int) bool, inG func(gold) bool) {
	for _, g := range golds {
		if inG(g) {
			s.gold++
		}
	}
	for i, p := range pred {
		if inP(i) {
			s.pred++
		}
		j := pairs[i]
		if j < 0 || !inG(golds[j]) {
			continue
		}
		s.tp++
		if g := golds[j]; g.source != "" {
			s.speakerN++
			if sameSpeaker(p, g.source) {
				s.speakerOK++
			}
		}
	}
}

func (s score) row(w io.Writer, name string) {
	p, r, f := prf(s.tp, s.pred, s.gold)
	fmt.Fprintf(w, "| %s | %d | %d | %d | %.3f | %.3f | %.3f | %.3f |\n", name, s.gold, s.pred, s.tp, p, r, f, ratio(s.speakerOK, s.speakerN))
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// sourceKind is what a gold source phrase is: a name, a pronoun or another
// description ("officials", "the Reyes campaign").
type sourceKind int

const (
	sourceName sourceKind = iota
	sourcePronoun
	sourceDescription
	numSourceKinds
)

func (k sourceKind) String() string {
	return [...]string{"name", "pronoun", "description"}[k]
}

// sourceKindOf classifies a gold source phrase as written: a pronoun, a
// name when the head of one of its parts (see sameSpeaker: "the Chilean
// Embassy" of "the Chilean Embassy in Oslo"; "Owen Pratt" of "Reyes's
// press secretary, Owen Pratt") is a proper noun (NNP, NNPS) for the
// tagger, else a description.
func sourceKindOf(tagger *postag.Tagger, phrase string) sourceKind {
	if isPronounPhrase(phrase) {
		return sourcePronoun
	}
	words := segment.Tokenize(phrase, nil, false)
	tags := tagger.Tag(phrase, words, nil)
	proper := func(i int) bool { return i >= 0 && i < len(tags) && (tags[i] == postag.NNP || tags[i] == postag.NNPS) }
	_, heads := phraseCore(phrase)
	if len(heads) == 0 && proper(len(tags)-1) {
		return sourceName
	}
	for _, h := range heads {
		for i := len(words) - 1; i >= 0; i-- {
			if w := words[i]; strings.ToLower(phrase[w.Start:w.End]) == h {
				if proper(i) {
					return sourceName
				}
				break
			}
		}
	}
	return sourceDescription
}

func isPronounPhrase(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "its", "their", "who", "which", "that":
		return true
	}
	return false
}

func startsWithQuote(s string) bool {
	s = strings.TrimLeftFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == ':' })
	return strings.HasPrefix(s, "“") || strings.HasPrefix(s, "\"") || strings.HasPrefix(s, "''") || strings.HasPrefix(s, "‘") || strings.HasPrefix(s, "'")
}

// dumpErrors writes an article's matches (TP), misses (FN) and false alarms
// (FP), and matched statements with a wrong speaker (SPK).
func dumpErrors(w io.Writer, id, text string, pred []attribution.Statement, golds []gold, pairs []int) {
	if w == io.Discard {
		return
	}
	matched := make([]bool, len(golds))
	for i, p := range pred {
		if j := pairs[i]; j >= 0 {
			matched[j] = true
			fmt.Fprintf(w, "TP %s %s [%s] cue=%q | %.160q\n", id, p.Kind, p.Speaker, p.Cue, text[p.Start:p.End])
			if g := golds[j]; g.source != "" && !sameSpeaker(p, g.source) {
				fmt.Fprintf(w, "SPK %s %s gold=%q pred=%q/%q | %.120q\n    in %q\n", id, g.kind, g.source, p.Speaker, p.Resolved, text[p.Start:p.End], context(text, p))
			}
			continue
		}
		fmt.Fprintf(w, "FP %s %s [%s] cue=%q | %.160q\n", id, p.Kind, p.Speaker, p.Cue, text[p.Start:p.End])
	}
	for j, g := range golds {
		if !matched[j] {
			s := g.spans[0]
			near := ""
			for _, p := range pred { // a prediction that overlaps too little: a boundary error
				if g.overlap(p.Start, p.End) > 0 {
					near = fmt.Sprintf(" NEAR[%s] %.160q", p.Speaker, text[p.Start:p.End])
				}
			}
			fmt.Fprintf(w, "FN %s [%s] cue=%q | %.160q%s\n", id, g.source, g.cue, text[max(0, s[0]):min(len(text), s[1])], near)
		}
	}
}

// context is the text around a prediction's speaker, cue and content
// start, 80 bytes either side, at most 400 bytes.
func context(text string, p attribution.Statement) string {
	lo, hi := min(p.Start, p.CueStart), max(min(p.End, p.Start+80), p.CueEnd)
	if p.Speaker != "" {
		lo, hi = min(lo, p.SpeakerStart), max(hi, p.SpeakerEnd)
	}
	lo, hi = max(lo-80, 0, hi-400), min(hi+80, len(text))
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo--
	}
	for hi < len(text) && !utf8.RuneStart(text[hi]) {
		hi++
	}
	return text[lo:hi]
}

// groupLabel reports whether a BASIL speaker of kind "named" is a group's
// label rather than a person's name ("Democratic Lawmakers", "House
// Republicans", "protestors"): a word in lower case, or a last word that
// names a group of people.
func groupLabel(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 {
		return false
	}
	for _, w := range ws {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return true
		}
	}
	return groupWords[strings.ToLower(ws[len(ws)-1])]
}

var groupWords = set("lawmakers democrats republicans protestors protesters officials senators members leaders supporters voters")
