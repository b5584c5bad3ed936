// Package analysis measures how an article treats its actors.
//
// Analyze runs one article through the concept packages below it: language
// tells whether the English models may score it, segment splits it into
// sentences, actor finds the mentions, tone rates each sentence and the
// sentiment toward each mention, attribution finds who said what; the
// figures are summed per article and actor, and Outlets adds them up per
// outlet. It does no file I/O and keeps no global state: inputs
// come in as corpus.Articles and data (actor tables, word lists) as bytes.
package analysis

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/slant-news/slant/analysis/actor"
	"github.com/slant-news/slant/analysis/attribution"
	"github.com/slant-news/slant/analysis/language"
	"github.com/slant-news/slant/analysis/segment"
	"github.com/slant-news/slant/analysis/tone"
	"github.com/slant-news/slant/analysis/vocab"

	"github.com/slant-news/slant/corpus"
)

// Config says how to analyse articles. The zero value is ready to use: the
// default actor table and the best measured target scorer.
type Config struct {
	// Actors is the actor table; nil means actor.Default().
	Actors *actor.Table
	// Sentiment names the target scorer that rates each mention and so every
	// per-actor tone, one of tone.TargetScorers; "" means the first, the best
	// measured.
	Sentiment string
	// NB also scores each sentence with the Naive Bayes model (Sentence.NB,
	// sentences.csv's sentiment_nb); without it Sentence.NB is NaN. Off by
	// default because the model is near majority-class on news and the
	// costliest scorer; it is loaded only for NB or the target scorer nb.
	NB bool
	// Lexicons replaces built-in attribution word lists, by name (see
	// attribution.LexiconNames); those left out stay built in.
	Lexicons map[string]Data
}

// Parts of an article.
const (
	Title = "title"
	Body  = "body"
)

// LeadSentences is how many sentences of the body's first paragraph make its
// lead, the place a reader sees first after the headline.
const LeadSentences = 3

// Article is the analysis of one article.
type Article struct {
	corpus.Article // its Language as the input gives it, else as detected (see Language)
	// Scored is whether the article's tone and statements were computed:
	// false for an article in a language other than English, since the
	// tone and attribution models are English. Its sentences and mentions
	// are there, with NaN tones, and it has no statements.
	Scored    bool
	Words     int // words in the body
	Sentences []Sentence
	Mentions  []Mention
	Quotes    []Quote      // attributed statements in the body
	Actors    []ActorStats // the actors mentioned or quoted, in actor table order
	// Levels is the calibration of the target scorer that made the
	// actors' Sentiment, Tone and Label, for Outlets to label an outlet
	// the same way.
	Levels tone.Levels
}

// Sentence is one sentence of the title or the body.
type Sentence struct {
	N          int    // 1-based number within the article, title first
	Part       string // Title or Body
	Lead       bool   // part of the body's lead
	Start, End int    // byte offsets into the part's text
	Text       string
	Actors     []string // actors mentioned, in order of first mention
	VADER, NB  float64  // the sentence's tone in [-1, 1] by each sentence scorer; NB is NaN without Config.NB; both NaN when the article is not scored
}

// Mention is one mention of an actor, with the sentiment toward it.
type Mention struct {
	Sentence   int // Sentence.N
	Part       string
	Start, End int // byte offsets into the part's text
	Actor      string
	Text       string
	Label      int     // -1, 0 or 1, by the configured target scorer; 0 when not scored
	Score      float64 // in [-1, 1]; NaN when the article is not scored (Article.Scored)
}

// Quote is an attributed statement of the body, placed in its sentence.
type Quote struct {
	attribution.Statement
	Sentence int    // Sentence.N of the sentence the content starts in
	Words    int    // words in the content
	Text     string // the content; the pieces of a content split by its cue joined by " … "
}

// ActorStats sums up one actor in one article.
type ActorStats struct {
	Actor         string
	Mentions      int
	TitleMentions int
	LeadMentions  int
	Sentences     int // sentences that mention the actor
	// Sentiment is the mean score of the actor's mentions measured from
	// the scorer's neutral level (tone.Levels.Level): 0 is what an article
	// the coders call neutral gets on average. NaN when no mention is
	// scored (none, or an article not in English).
	Sentiment float64
	// Tone is the same mean with headline and lead mentions weighted
	// (tone.Levels.Title, Lead), and Label its reading: -1, 0 or 1 by the
	// scorer's thresholds, a tone from few mentions shrunk toward neutral
	// first (tone.Levels.Read). Both mean nothing without mentions (Tone
	// NaN).
	Tone        float64
	Label       int
	Positive    int // mentions labelled positive (scored mentions are Positive+Neutral+Negative)
	Neutral     int
	Negative    int
	Quotes      int     // statements whose speakers include the actor
	QuotedWords int     // words in those statements' content
	VoiceShare  float64 // Quotes / all statements in the article; NaN when there are none
}

// Analyzer analyses articles under one Config. It is safe for concurrent use.
type Analyzer struct {
	actors    *actor.Table
	segmenter *segment.Punkt
	vader     tone.SentenceScorer
	vaderLow  tone.LoweredScorer  // vader, when it takes a sentence lowered
	nb        tone.SentenceScorer // nil unless Config.NB
	target    tone.TargetScorer
	levels    tone.Levels
	attr      *attribution.Attributor
	lexFiles  map[string]Data // the word lists as read, for the record
	vocab     *vocab.Vocab    // of the body's tokens' IDs: attribution's
	scratch   *sync.Pool      // *tone.Sentence
	words     *sync.Pool      // *words: a body's, reused
}

// New prepares an Analyzer, loading the segmenter's and scorers' models
// (the Naive Bayes one only if cfg asks for it). An unknown scorer or a
// model that does not load is an error here, never a failure later.
func New(cfg Config) (*Analyzer, error) {
	a := &Analyzer{actors: cfg.Actors}
	a.scratch = &sync.Pool{New: func() any { return tone.NewSentence() }}
	a.words = &sync.Pool{New: func() any { return new(words) }}
	if a.actors == nil {
		a.actors = actor.Default()
	}
	scorer := cfg.Sentiment
	if scorer == "" {
		scorer = tone.TargetScorers[0]
	}
	// The models load side by side: the target model and the segmenter
	// are most of a short run's start.
	type loaded struct {
		scorers tone.Scorers
		err     error
	}
	tones := make(chan loaded, 1)
	go func() {
		s, err := tone.NewScorers(scorer, cfg.NB)
		tones <- loaded{s, err}
	}()
	segmenter, segErr := segment.NewPunkt()
	lexFiles, lexErr := lexicons(cfg.Lexicons)
	var attr *attribution.Attributor
	var attrErr error
	if lexErr == nil {
		words := map[string][]byte{}
		for name, d := range lexFiles {
			words[name] = d.Bytes
		}
		attr, attrErr = attribution.New(words, a.actors)
	}
	t := <-tones
	if t.err != nil {
		return nil, t.err
	}
	a.target, a.vader, a.nb = t.scorers.Target, t.scorers.VADER, t.scorers.NB
	a.vaderLow, _ = a.vader.(tone.LoweredScorer)
	var err error
	if a.levels, err = tone.LevelsFor(scorer); err != nil {
		return nil, err
	}
	if segErr != nil {
		return nil, fmt.Errorf("loading the sentence segmenter: %w", segErr)
	}
	if lexErr != nil {
		return nil, lexErr
	}
	if attrErr != nil {
		return nil, attrErr
	}
	a.segmenter, a.lexFiles, a.attr = segmenter, lexFiles, attr
	// A body's tokens carry their IDs in attribution's vocabulary, looked
	// up once (words.lower). VADER and the target model keep vocabularies
	// of their own: VADER splits a sentence at white space, not into the
	// body's tokens, and the target model's lookups by ID measured no
	// faster (README, Speed).
	a.vocab = attr.Vocab()
	return a, nil
}

// Levels returns the target scorer's tone levels, which place its scores
// (see ActorStats.Sentiment) and read them as labels.
func (a *Analyzer) Levels() tone.Levels { return a.levels }

// Actors returns the actor table in use.
func (a *Analyzer) Actors() *actor.Table { return a.actors }

// WithActors returns an Analyzer like a but for the actor table: cheap, since
// it shares a's models.
func (a *Analyzer) WithActors(actors *actor.Table) *Analyzer {
	b := *a
	b.actors = actors
	b.attr = a.attr.WithTable(actors)
	return &b
}

// Target rates the sentiment toward text[start:end] within text (a
// sentence) with the configured target scorer: a label (-1, 0 or 1) and a
// score in [-1, 1]. Offsets out of range or inside a UTF-8 sequence are
// clamped and moved to rune boundaries, so any input gets an answer.
func (a *Analyzer) Target(text string, start, end int) (label int, score float64) {
	t := a.scratch.Get().(*tone.Sentence)
	defer a.scratch.Put(t)
	t.Reset(text)
	return a.target.Rate(t, start, end)
}

// Statements finds the attributed statements of a text (an article body),
// each cue its own statement (see Attributor.Statements).
func (a *Analyzer) Statements(text string) []attribution.Statement {
	return a.attr.Statements(segment.Split(a.segmenter, text))
}

// Analyze analyses one article. It reads as the pipeline's table of
// contents: segment, then actors and tone sentence by sentence, then
// attribution, then the sums.
func (a *Analyzer) Analyze(art corpus.Article) *Article {
	// The language decides whether the English models may score it.
	art.Language = Language(art)
	// Words and sentences. The body's serve both its sentences and the
	// attribution: segmenting is among the costliest steps.
	w := a.words.Get().(*words)
	defer a.words.Put(w)
	body := w.split(a.segmenter, art.Text)
	out := &Article{Article: art, Scored: English(art.Language), Words: len(body.Words)}
	// Each sentence's tone, its actor mentions and the sentiment toward
	// each: the title's, then the body's.
	// The body's words lowercased, and the body with its capitals
	// lowercased, serve VADER and attribution.
	lowBody := ""
	if out.Scored {
		body.Lower, body.IDs = w.lower(body, a.vocab)
		body.Vocab = a.vocab
		lowBody = w.lowText
	}
	a.addPart(out, Title, segment.Text{Text: art.Title, Sentences: segment.Sentences(a.segmenter, art.Title)}, "")
	a.addPart(out, Body, body, lowBody)
	// Who said what in the body, placed in its sentences.
	if out.Scored {
		out.Quotes = quotes(a.attr.Entries(body), body, out.Sentences)
	}
	// The figures per actor.
	out.Actors = sum(a.actors, out, a.levels)
	out.Levels = a.levels
	return out
}

// words holds the slices of a body's words, reused from one article to the
// next (a token per 4 bytes of text and a string per token were a fifth of
// the allocation): nothing an article's analysis returns holds them.
type words struct {
	toks    []segment.Token
	spans   []segment.Span // the sentences
	low     []string
	lowText string // the text lowered (segment.ASCIILower), of which low are slices
	ids     []vocab.ID
}

// split segments text into words and sentences, the words in w.
func (w *words) split(seg *segment.Punkt, text string) segment.Text {
	w.lowText = "" // the article before's
	w.toks = segment.Tokenize(text, w.toks, false)
	w.spans = segment.AppendSentences(w.spans[:0], seg, text)
	return segment.Text{Text: text, Words: w.toks, Sentences: w.spans}
}

// lower returns the lowercased keys of t's words and their IDs in voc, in
// w; the strings of the article before are let go.
func (w *words) lower(t segment.Text, voc *vocab.Vocab) ([]string, []vocab.ID) {
	clear(w.low)
	w.lowText = segment.ASCIILower(t.Text)
	w.low = segment.AppendLowerKeysOf(w.low[:0], t.Text, w.lowText, t.Words)
	w.ids = voc.AppendIDs(w.ids[:0], w.low)
	return w.low, w.ids
}

// Language is the language of art: as its input gives it, else as
// language.Detect finds it in its title and the start of its text; "" when
// it cannot tell.
func Language(art corpus.Article) string {
	if art.Language != "" {
		return art.Language
	}
	text := art.Text
	if len(text) > language.Sample {
		text = text[:language.Sample] // Detect looks no further
	}
	return language.Detect(art.Title + "\n" + text)
}

// English reports whether an article in lang is scored by the English tone
// and attribution models: in English, or in a language that could not be
// told ("", a headline or a short text), taken for English since most news
// slant reads is.
func English(lang string) bool { return lang == "" || lang == "en" }

// vaderScore is VADER's tone of the sentence s, the span sp of a part
// whose lowered text is lowText ("" when not at hand), in t's room.
func (a *Analyzer) vaderScore(t *tone.Sentence, s, lowText string, sp segment.Span) float64 {
	if a.vaderLow != nil && lowText != "" {
		return a.vaderLow.ScoreLowered(s, lowText[sp.Start:sp.End], t)
	}
	return a.vader.Score(s)
}

// addPart appends the sentences of one part of the article with their tones
// and their actor mentions, each rated by the target scorer. The part's
// words, if p has them, serve its sentences, and so does lowText, p's text
// lowered (segment.ASCIILower), if given.
func (a *Analyzer) addPart(out *Article, part string, p segment.Text, lowText string) {
	t := a.scratch.Get().(*tone.Sentence)
	defer a.scratch.Put(t)
	text, next := p.Text, 0
	leads := leadCount(out.Sentences)
	// The sentences' matches, in one slice reused, and their actors, in
	// one slice each sentence has a piece of.
	var matches []actor.Match
	var actors []string
	out.Sentences = slices.Grow(out.Sentences, len(p.Sentences))
	for _, sp := range p.Sentences {
		s := Sentence{
			N:     len(out.Sentences) + 1,
			Part:  part,
			Start: sp.Start,
			End:   sp.End,
			Text:  text[sp.Start:sp.End],
		}
		if s.Lead = part == Body && sp.Para == 0 && leads < LeadSentences; s.Lead {
			leads++
		}
		s.VADER, s.NB = math.NaN(), math.NaN()
		if out.Scored {
			s.VADER = a.vaderScore(t, s.Text, lowText, sp)
		}
		if out.Scored && a.nb != nil {
			s.NB = a.nb.Score(s.Text)
		}
		matches = a.matchSentence(matches[:0], t, p, sp, &next, out.Scored)
		first := len(actors)
		for _, m := range matches {
			label, score := 0, math.NaN()
			if out.Scored {
				label, score = a.target.Rate(t, m.Start, m.End)
			}
			out.Mentions = append(out.Mentions, Mention{
				Sentence: s.N,
				Part:     part,
				Start:    sp.Start + m.Start,
				End:      sp.Start + m.End,
				Actor:    m.Actor,
				Text:     s.Text[m.Start:m.End],
				Label:    label,
				Score:    score,
			})
			if !slices.Contains(actors[first:], m.Actor) {
				actors = append(actors, m.Actor)
			}
		}
		if len(actors) > first {
			s.Actors = actors[first:len(actors):len(actors)] // an append to it copies
		}
		out.Sentences = append(out.Sentences, s)
	}
}

// matchSentence appends the actor mentions of the sentence sp of p to dst,
// offsets in the sentence, and resets t to the sentence where they are to
// be rated (rate). The sentence's words serve the matching and then every
// mention: the part's words, from *next on, are matched where they lie in
// p's text (a match looks at no text but its words and what parts them)
// and copied into t only for a sentence with mentions to rate, most
// sentences having none.
func (a *Analyzer) matchSentence(dst []actor.Match, t *tone.Sentence, p segment.Text, sp segment.Span, next *int, rate bool) []actor.Match {
	s := p.Text[sp.Start:sp.End]
	words, ok := sentenceWords(p.Text, p.Words, next, sp)
	if !ok {
		t.Reset(s)
		return a.actors.AppendMatches(dst, s, t.Words())
	}
	n := len(dst)
	dst = a.actors.AppendMatches(dst, p.Text, words)
	for k := n; k < len(dst); k++ {
		dst[k].Start -= sp.Start
		dst[k].End -= sp.Start
	}
	if len(dst) > n && rate {
		t.ResetWords(s, words, sp.Start)
	}
	return dst
}

// sentenceWords returns the words of the sentence sp among words, a text's
// in order, from *next on, and moves *next past them. It returns false when
// there are none (words is nil) or a word runs over either end of the
// sentence, where the sentence alone would split otherwise.
func sentenceWords(text string, words []segment.Token, next *int, sp segment.Span) ([]segment.Token, bool) {
	if words == nil {
		return nil, false
	}
	i := *next
	for i < len(words) && words[i].Start < sp.Start {
		i++
	}
	j := i
	for j < len(words) && words[j].Start < sp.End {
		j++
	}
	*next = j
	return words[i:j], !straddles(text, words, i, j, sp.Start, sp.End)
}

// straddles reports whether a word of text, words, runs over start or end,
// when words[i:j] are those that start in [start, end), or whether
// text[start:end] might split otherwise on its own for what comes before
// it: unless white space or an opening mark precedes it, it could start
// inside a word, in the possessive a word's token leaves out ("’s").
func straddles(text string, words []segment.Token, i, j, start, end int) bool {
	if start > 0 {
		switch r, _ := utf8.DecodeLastRuneInString(text[:start]); {
		case unicode.IsSpace(r), r == '“', r == '"', r == '«', r == '(':
		default:
			return true
		}
	}
	return (i > 0 && words[i-1].End > start) || (j > i && words[j-1].End > end)
}

// countWords is segment.CountWords(body.Text[start:end]), from the body's
// words when none runs over either end.
func countWords(body segment.Text, start, end int) int {
	i, j := firstWordFrom(body.Words, start), firstWordFrom(body.Words, end)
	if body.Words == nil || straddles(body.Text, body.Words, i, j, start, end) {
		return segment.CountWords(body.Text[start:end])
	}
	return j - i
}

// firstWordFrom is the index of the first of words (in text order) that
// starts at off or after, or len(words): slices.BinarySearchFunc's answer,
// without its call of a comparison per step.
func firstWordFrom(words []segment.Token, off int) int {
	lo, hi := 0, len(words)
	for lo < hi {
		if m := int(uint(lo+hi) >> 1); words[m].Start < off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// quotes places the body's statements in the sentences each starts in.
func quotes(stmts []attribution.Statement, body segment.Text, ss []Sentence) []Quote {
	out := make([]Quote, len(stmts))
	// The body's sentences, in text order, after the title's.
	var bs []Sentence
	if i := slices.IndexFunc(ss, func(s Sentence) bool { return s.Part == Body }); i >= 0 {
		bs = ss[i:]
	}
	for i, st := range stmts {
		q := Quote{Statement: st, Text: st.Content(body.Text)}
		if len(st.Spans) == 0 {
			q.Words = countWords(body, st.Start, st.End)
		} else {
			// The pieces' words from the body's: " … " joins them
			// without joining words (FuzzSpanWords).
			q.Words = 0
			for _, sp := range st.Spans {
				q.Words += countWords(body, sp[0], sp[1])
			}
		}
		// The last body sentence that starts at or before the content,
		// found by halving: a transcript has thousands.
		if k := sort.Search(len(bs), func(j int) bool { return bs[j].Start > st.Start }); k > 0 {
			q.Sentence = bs[k-1].N
		}
		out[i] = q
	}
	return out
}

func leadCount(ss []Sentence) int {
	n := 0
	for _, s := range ss {
		if s.Lead {
			n++
		}
	}
	return n
}

// sum computes the per-actor figures of an article.
func sum(table *actor.Table, art *Article, levels tone.Levels) []ActorStats {
	stats := make([]ActorStats, len(table.List))
	for i, x := range table.List {
		stats[i].Actor = x.Name
	}
	index := table.Index                    // a mention's actor is the table's
	weighted := make([]float64, len(stats)) // the scored mentions' scores, weighted by place
	weights := make([]float64, len(stats))  // and their weights
	for _, m := range art.Mentions {
		i := index(m.Actor)
		st := &stats[i]
		st.Mentions++
		switch {
		case math.IsNaN(m.Score): // not scored
		case m.Label == 1:
			st.Positive++
		case m.Label == -1:
			st.Negative++
		default:
			st.Neutral++
		}
		if !math.IsNaN(m.Score) {
			st.Sentiment += m.Score
		}
		w := 1.0 // the mention's weight in Tone, by place
		switch s := art.Sentences[m.Sentence-1]; {
		case s.Part == Title:
			st.TitleMentions++
			w = levels.Title
		case s.Lead:
			st.LeadMentions++
			w = levels.Lead
		}
		if !math.IsNaN(m.Score) {
			weighted[i] += w * m.Score
			weights[i] += w
		}
	}
	for _, s := range art.Sentences {
		for _, actor := range s.Actors {
			stats[index(actor)].Sentences++
		}
	}
	for _, q := range art.Quotes {
		for _, actor := range q.Actors {
			st := &stats[index(actor)]
			st.Quotes++
			st.QuotedWords += q.Words
		}
	}
	var out []ActorStats
	for i, st := range stats {
		if st.Mentions == 0 && st.Quotes == 0 {
			continue
		}
		st.Sentiment = mean(st.Sentiment, st.scored()) - levels.Level
		st.Tone = math.NaN()
		if weights[i] > 0 {
			st.Tone = weighted[i]/weights[i] - levels.Level
			st.Label = levels.Read(st.Tone, weights[i])
		}
		st.VoiceShare = mean(float64(st.Quotes), len(art.Quotes))
		out = append(out, st)
	}
	return out
}

// scored is how many of the actor's mentions have a sentiment.
func (st ActorStats) scored() int { return st.Positive + st.Neutral + st.Negative }

// mean returns sum/n, or NaN for no observations.
func mean(sum float64, n int) float64 {
	if n == 0 {
		return math.NaN()
	}
	return sum / float64(n)
}
