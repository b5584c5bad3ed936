// Package attribution finds who said what in a text.
//
// An Attributor, made from its word lists (reporting verbs, speaker words,
// first names) and an actor table, finds the statements of a text: direct
// quotes, mixed and indirect speech, each with its cue, its speaker as
// written, whom that denotes, and the speaker's actors.
package attribution

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/slant-news/slant/analysis/actor"
	"github.com/slant-news/slant/analysis/postag"
	"github.com/slant-news/slant/analysis/segment"
	"github.com/slant-news/slant/analysis/vocab"
)

// Statement kinds.
const (
	Direct   = "direct"   // the content is all in quote marks
	Mixed    = "mixed"    // reported speech with quoted fragments
	Indirect = "indirect" // reported speech without quote marks
)

// Statement is one attributed statement in a text; offsets are UTF-8 byte
// offsets into the text, end exclusive.
type Statement struct {
	Kind                     string
	Start, End               int    // the content: the quoted words (without the marks) or the reported clause
	Speaker                  string // the speaker phrase as written; "" for a statement with no source ("X is expected to")
	SpeakerStart, SpeakerEnd int
	Resolved                 string   // whom the speaker phrase denotes (e.g. "Sergey Lavrov" for "he"), or the phrase itself
	Actors                   []string // the speaker's actors, in table order; empty for a voice of no actor
	Cue                      string   // the reporting verb or phrase ("said", "told reporters", "according to"); "" for a continued quote
	CueStart, CueEnd         int
	// Spans are the content's pieces when its cue splits it ("“A,” he said.
	// “B.”": A and B, not the cue between); nil when the content is the one
	// span [Start, End).
	Spans [][2]int
}

// Attributor finds who said what in texts, with one set of word lists and
// one actor table. It is immutable once built, so safe for concurrent use.
type Attributor struct {
	lex    *lexicon
	actors *actor.Table
	tagger *postag.Tagger // for the few sentences the rules cannot read alone (feelings.go)
	bufs   sync.Pool      // of *buffers
}

// New parses the attribution word lists, by name (see
// LexiconNames; those left out are the built-in ones), for resolving
// speakers to the actors of table.
func New(lexicons map[string][]byte, table *actor.Table) (*Attributor, error) {
	files := map[string][]byte{}
	for name, data := range lexicons {
		if _, ok := DefaultLexicon(name); !ok {
			return nil, fmt.Errorf("unknown word list %q (have %v)", name, LexiconNames())
		}
		files[name] = data
	}
	for _, name := range LexiconNames() {
		if _, ok := files[name]; !ok {
			files[name], _ = DefaultLexicon(name)
		}
	}
	tagger, err := postag.New()
	if err != nil {
		return nil, fmt.Errorf("part-of-speech tagger: %w", err)
	}
	return &Attributor{lex: newLexicon(files), actors: table, tagger: tagger}, nil
}

// WithTable returns an Attributor like at but for the actor table: cheap,
// since it shares at's word lists.
func (at *Attributor) WithTable(table *actor.Table) *Attributor {
	return &Attributor{lex: at.lex, actors: table, tagger: at.tagger}
}

// Statements finds the attributed statements of a text (an article body), in
// text order: direct quotes, reported speech with quoted fragments (mixed)
// and reported speech without quotes (indirect), each with its speaker
// resolved to a person where the text allows and to the actors of the
// table. Each cue makes its own statement, as attribution corpora annotate
// them ("said ..., adding that ..." is two); Entries counts one entry per
// sentence and speaker instead.
func (at *Attributor) Statements(p segment.Text) []Statement {
	return at.statements(p, false)
}

// Entries finds the statements of a text as the demo corpus README counts
// them, and as an article's Quotes do: one entry per sentence and speaker.
func (at *Attributor) Entries(p segment.Text) []Statement {
	return at.statements(p, true)
}

func (at *Attributor) statements(p segment.Text, perSpeaker bool) []Statement {
	b, _ := at.bufs.Get().(*buffers)
	if b == nil {
		b = new(buffers)
	}
	defer at.bufs.Put(b)
	d := newDoc(at, p, b)
	d.entries = perSpeaker
	fd := newTaken(d)
	fd.list = b.taken[:0] // the document before's (nounCues has a taken of its own)
	for _, c := range d.findCues() {
		if st := d.statement(c, fd.list); st != nil {
			fd.add(st)
		}
	}
	fd.add(d.dashAttributions()...)
	fd.add(d.colonAttributions()...)
	fd.add(d.colonQuotes()...)
	fd.add(d.attitudes(fd)...)
	fd.add(d.feelings(fd)...)
	fd.add(d.sourceless(fd)...)
	fd.add(d.nounCues(fd)...)
	fd.add(d.inRecords(fd)...)
	fd.add(d.agentStances(fd)...)
	fd.add(d.perspectives(fd)...)
	drafts := fd.list
	d.cutAtNextSpeaker(drafts)
	dropNested(drafts)
	drafts = slices.DeleteFunc(drafts, func(st *draft) bool { return st.drop })
	drafts = d.continuedQuotes(drafts)
	slices.SortStableFunc(drafts, func(x, y *draft) int { return x.Start - y.Start })
	r := newResolver(d)
	for _, st := range drafts {
		r.resolve(st)
	}
	r.release()
	b.taken = fd.list[:0]
	if perSpeaker {
		b.firstEntry = emptied(b.firstEntry)
		drafts = oneEntryPerSpeaker(drafts, b.firstEntry)
		// A merged entry takes the content of its strongest statement,
		// which may start after the entries that follow it.
		slices.SortStableFunc(drafts, func(x, y *draft) int { return x.Start - y.Start })
	}
	out := make([]Statement, 0, len(drafts))
	for _, st := range drafts {
		out = append(out, st.Statement)
	}
	return out
}

// dropNested drops the statements whose cue stands inside another
// statement's content ("Mr Trump said Ukraine claimed it had won": Trump's
// words only), as annotators give each word to at most one attribution.
// The statements are few per sentence: each is checked against those of
// its sentence.
func dropNested(ds []*draft) {
	next := nextInSentence(ds)
	first := map[int]int{}
	for i := len(ds) - 1; i >= 0; i-- {
		first[ds[i].sent] = i
	}
	for i, st := range ds {
		for j := first[st.sent]; j >= 0; j = next[j] {
			if j != i && !ds[j].drop && ds[j].holds(st.CueStart) && ds[j].holds(st.SpeakerStart) {
				st.drop = true
				break
			}
		}
	}
}

// holds reports whether offset at is inside the statement's content.
func (st *draft) holds(at int) bool {
	for _, sp := range st.pieces() {
		if sp[0] <= at && at < sp[1] {
			return true
		}
	}
	return false
}

// oneEntryPerSpeaker merges the statements of one sentence by one speaker
// ("said ..., adding that ...", "“...,” he said and vowed to ...",
// "Mr Waltz said he thought ...") into one, as the corpus README counts
// them: the strongest kind (direct > mixed > indirect) keeps its content
// and cue.
func oneEntryPerSpeaker(ds []*draft, first map[speakerKey]*draft) []*draft {
	// first holds the first entry of each sentence and speaker.
	out := ds[:0]
	for _, st := range ds {
		merged := false
		if p := first[speakerKey{st.sent, st.Resolved}]; p != nil && !st.cont && st.Resolved != "" {
			if strength(st.Kind) > strength(p.Kind) {
				if !st.shared || p.shared { // the speaker as written stays with the first
					p.Speaker, p.SpeakerStart, p.SpeakerEnd = st.Speaker, st.SpeakerStart, st.SpeakerEnd
				}
				p.Kind, p.Start, p.End, p.Spans, p.Cue, p.CueStart, p.CueEnd = st.Kind, st.Start, st.End, st.Spans, st.Cue, st.CueStart, st.CueEnd
			}
			merged = true
		}
		if !merged {
			out = append(out, st)
			if k := (speakerKey{st.sent, st.Resolved}); !st.cont && first[k] == nil {
				first[k] = st
			}
		}
	}
	return out
}

// speakerKey is a sentence and a speaker, as resolved.
type speakerKey struct {
	sent     int
	resolved string
}

// strength orders the kinds of statement: direct > mixed > indirect.
func strength(kind string) int {
	switch kind {
	case Mixed:
		return 1
	case Direct:
		return 2
	}
	return 0
}

// Content returns the statement's content in text (the text it was found
// in): the pieces of a content its cue splits are joined by " … ".
func (st Statement) Content(text string) string {
	if len(st.Spans) == 0 {
		return text[st.Start:st.End]
	}
	parts := make([]string, len(st.Spans))
	for i, sp := range st.Spans {
		parts[i] = text[sp[0]:sp[1]]
	}
	return strings.Join(parts, " … ")
}

// Vocab is the vocabulary of the words whose classes the rules ask of
// tokens, as the word lists were loaded: a text whose words carry their
// IDs in it (segment.Text.IDs, with Vocab) spares a lookup per token.
func (at *Attributor) Vocab() *vocab.Vocab { return at.lex.words.voc }
