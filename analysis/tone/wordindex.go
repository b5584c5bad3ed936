package tone

import (
	"bytes"
	"encoding/binary"
	"math/bits"

	"github.com/slant-news/slant/analysis/vocab"
)

// wordIndex finds what the target model knows of a lowercased word by the
// word's fnv1a hash, which the model's words carry already: its row in the
// word vectors and, once the index is annotated (see annotate), its ID in
// VADER's vocabulary and the word lists it is in. One lookup per word of a
// sentence, where there were three (the vectors', VADER's and the speech
// verbs'); the vectors' alone took a third of the model's time, two cache
// misses deep in a table of 3 MB.
//
// Open addressing with linear probing, at most half full. A slot holds
// the hash's top half beside the entry's number, so that a probe that
// misses reads no entry; the entries, in the order added, are the table's
// rows first, its most frequent words first, so that those share cache
// lines. A word's first eight bytes sit in its entry: most words are
// compared without reading the text.
type wordIndex struct {
	slots []uint64 // the hash's top 32 bits, then the entry's index + 1; 0 for empty
	// hotSlots are slots of the first entries alone (see hotWords),
	// looked in first, by the headHash of a word (see hot), and hotShift
	// is 64 - log2(len(hotSlots)).
	hotSlots []hotSlot
	hotShift uint
	entries  []wordEntry
	text     []byte // the words, end to end
}

type wordEntry struct {
	head  uint64 // the word's first eight bytes (vocab.Head)
	start int32  // the word in text
	n     int32
	info  wordInfo
}

// wordInfo is what the target model's features ask of a word.
type wordInfo struct {
	vec   int32    // its row in the word vectors, or -1
	lex   vocab.ID // its ID in VADER's vocabulary (vocab.Unknown when none)
	hot   uint32   // its slot in the hot table + 1, 0 when not there: the model's row of its weights (see wordWeights)
	flags wordFlags
}

type wordFlags uint8

const (
	speechWord   wordFlags = 1 << iota // a verb of saying or stance (speech_verbs.txt)
	functionWord                       // see functionWords
	entityWord                         // see entityWords
	negatorWord                        // see negatorWords
	lexiconWord                        // in VADER's lexicon (its word's inLexicon)
)

// newWordIndex makes an index for n words of text bytes in all, with room
// for annotateRoom more entries.
func newWordIndex(n, text int) wordIndex {
	size := 2
	for size < 2*n {
		size *= 2
	}
	slots := make([]uint64, size)
	// Written before it is probed: a fresh page that is read first maps
	// the kernel's zero page, which the first insert must then copy, with
	// a TLB shootdown on every core the run uses (a sixth of a short
	// run's CPU time, README: Speed); written first, it is mapped once.
	clear(slots)
	return wordIndex{slots: slots, entries: make([]wordEntry, 0, n+annotateRoom), text: make([]byte, 0, text)}
}

// annotateRoom is room for the words annotate adds to the vectors'
// (VADER's and the lists', some 7,700 not among them), so that it need not
// copy the megabytes of entries: more only costs that copy.
const annotateRoom = 10000

// loadHead is the vocab.Head of a word of n bytes that b begins with, b
// eight bytes long: one load.
func loadHead(b []byte, n int) uint64 {
	x := binary.LittleEndian.Uint64(b)
	if n < 8 {
		x &= 1<<(8*n) - 1
	}
	return x
}

// slot returns the slot of the word w with hash h, and the word's entry
// (nil when the slot is the empty one where it would go).
func (x *wordIndex) slot(w []byte, h uint64) (*uint64, *wordEntry) {
	return x.probe(w, h, vocab.Head(w))
}

// probe is slot for a word whose head is given.
func (x *wordIndex) probe(w []byte, h, head uint64) (*uint64, *wordEntry) {
	slots := x.slots
	mask := uint64(len(slots) - 1)
	tag := h >> 32 << 32
	for i := h & mask; ; i = (i + 1) & mask {
		s := &slots[i]
		if *s == 0 {
			return s, nil
		}
		if *s&^(1<<32-1) != tag {
			continue
		}
		e := &x.entries[uint32(*s)-1]
		if e.head == head && int(e.n) == len(w) && (len(w) <= 8 || string(x.text[e.start+8:e.start+e.n]) == string(w[8:])) {
			return s, e
		}
	}
}

// hotWords is how many of the first entries hot holds: the most frequent
// words of the vectors, four in five of a text's words, in 192 KB that
// stay in cache where the whole index's 3 MB do not.
const hotWords = 4096

// hotSlot is a slot of the hot table: the entry itself, but for the text
// past the eighth byte of a longer word, and the word's fnv1a hash, which
// the features' keys need (see term) and a word found here is spared.
type hotSlot struct {
	head  uint64
	hash  uint64
	vec   int32
	lex   vocab.ID
	entry uint32 // the entry's index + 1; 0 for empty
	n     uint16
	flags wordFlags
}

// hot returns what the index knows of the word w with head, if it is
// among the first hotWords entries. It looks by the head and length, one
// multiplication (headHash), rather than by the word's fnv1a hash.
func (x *wordIndex) hot(w []byte, head uint64) (i wordInfo, ok bool) {
	if len(x.hotSlots) == 0 {
		return wordInfo{}, false
	}
	mask := uint64(len(x.hotSlots) - 1)
	for i := headHash(head, len(w)) >> x.hotShift; ; i = (i + 1) & mask {
		s := &x.hotSlots[i]
		if s.entry == 0 {
			return wordInfo{}, false
		}
		if s.head == head && int(s.n) == len(w) && (len(w) <= 8 || string(x.word(int(s.entry - 1))[8:]) == string(w[8:])) {
			return s.info(uint32(i)), true
		}
	}
}

// info is what the hot slot i, s, holds of its word.
func (s *hotSlot) info(i uint32) wordInfo {
	return wordInfo{vec: s.vec, lex: s.lex, hot: i + 1, flags: s.flags}
}

// hotShort is hot for a word of n <= 8 bytes, all in its head: its slot
// and the slot's index, or nil.
func (x *wordIndex) hotShort(head uint64, n int) (*hotSlot, uint32) {
	mask := uint64(len(x.hotSlots) - 1)
	for i := headHash(head, n) >> x.hotShift; len(x.hotSlots) > 0; i = (i + 1) & mask {
		s := &x.hotSlots[i]
		if s.entry == 0 {
			break
		}
		if s.head == head && int(s.n) == n {
			return s, uint32(i)
		}
	}
	return nil, 0
}

// makeHot fills hotSlots with the first hotWords entries, as they are
// now: it is made again when they change.
//
// It holds the function words too, wherever they are among the entries
// (see caseInfo), and the possible actors' (entityWords: capWord, which
// stands for every name, is one of a text's commonest), so that the model
// has the weights of their features in a row too (see wordWeights).
func (x *wordIndex) makeHot() {
	n := min(len(x.entries), hotWords)
	x.hotSlots = make([]hotSlot, 2*hotWords) // the function words beyond are few
	x.hotShift = uint(64 - bits.TrailingZeros(uint(len(x.hotSlots))))
	mask := uint64(len(x.hotSlots) - 1)
	for k := range x.entries {
		e := &x.entries[k]
		if k >= n && e.info.flags&(functionWord|entityWord) == 0 {
			continue
		}
		if e.n > 1<<16-1 {
			continue // found in the whole index
		}
		i := headHash(e.head, int(e.n)) >> x.hotShift
		for x.hotSlots[i].entry != 0 {
			i = (i + 1) & mask
		}
		x.hotSlots[i] = hotSlot{head: e.head, hash: fnv1a(x.word(k)), vec: e.info.vec, lex: e.info.lex, entry: uint32(k + 1), n: uint16(e.n), flags: e.info.flags}
	}
}

// info returns what the index knows of the word w with hash h; a word it
// does not hold has no row, no VADER ID and none of the lists' flags but
// negatorWord, which unlistedWord gives by its ending.
func (x *wordIndex) info(w []byte, h uint64) wordInfo {
	return x.infoHead(w, h, vocab.Head(w))
}

// infoHead is info for a word whose head is given.
func (x *wordIndex) infoHead(w []byte, h, head uint64) wordInfo {
	if i, ok := x.hot(w, head); ok {
		return i
	}
	if _, e := x.probe(w, h, head); e != nil {
		return e.info
	}
	return unlistedWord(w)
}

// caseInfo is info for the lowercased form w (hash h, head head) of a
// word, and whether the word stands as capWord: capitalised (upper) and
// not a function word. The hot table holds every function word, so that
// a capitalised word, mostly a name and often a rare one, is looked for
// there alone rather than deep in the whole index: a third of the words
// not in the hot table are such.
func (x *wordIndex) caseInfo(w []byte, h, head uint64, upper bool) (i wordInfo, isName bool) {
	if !upper || len(x.hotSlots) == 0 {
		i = x.infoHead(w, h, head)
		return i, upper && i.flags&functionWord == 0
	}
	if i, ok := x.hot(w, head); ok && i.flags&functionWord != 0 {
		return i, false
	}
	return wordInfo{}, true
}

// unlistedWord is the wordInfo of a word in none of the index's lists
// (annotate adds theirs): a negator only by its ending ("n't", as
// negatorWords says).
func unlistedWord(w []byte) wordInfo {
	i := wordInfo{vec: -1}
	if bytes.HasSuffix(w, []byte("n't")) {
		i.flags = negatorWord
	}
	return i
}

// add adds word w, unless it is there already, and returns its entry.
func (x *wordIndex) add(w []byte) (e *wordEntry, added bool) {
	h := fnv1a(w)
	s, e := x.slot(w, h)
	if e != nil {
		return e, false
	}
	start := int32(len(x.text))
	x.text = append(x.text, w...)
	x.entries = append(x.entries, wordEntry{head: vocab.Head(w), start: start, n: int32(len(w)), info: unlistedWord(w)})
	*s = h>>32<<32 | uint64(len(x.entries))
	if len(x.entries)*2 > len(x.slots) {
		x.grow()
	}
	return &x.entries[len(x.entries)-1], true
}

// grow doubles the slots, for words added beyond the size made for.
func (x *wordIndex) grow() {
	old := x.slots
	x.slots = make([]uint64, 2*len(old))
	clear(x.slots) // see newWordIndex
	mask := uint64(len(x.slots) - 1)
	for k := range x.entries {
		e := &x.entries[k]
		h := fnv1a(x.text[e.start : e.start+e.n])
		i := h & mask
		for x.slots[i] != 0 {
			i = (i + 1) & mask
		}
		x.slots[i] = h>>32<<32 | uint64(k+1)
	}
}

// word returns entry k's word.
func (x *wordIndex) word(k int) []byte {
	e := &x.entries[k]
	return x.text[e.start : e.start+e.n]
}

// annotate adds to the index the words of VADER's vocabulary, the speech
// verbs and the word lists of the features (function words, possible
// actors, negators), each with its ID or flag.
func (x *wordIndex) annotate(lex *vader, speech []string) {
	for id := vocab.Unknown + 1; int(id) < lex.voc.Len(); id++ {
		e, _ := x.add([]byte(lex.voc.Word(id)))
		e.info.lex = id
		if lex.words[id].flags&inLexicon != 0 {
			e.info.flags |= lexiconWord
		}
	}
	for _, l := range []struct {
		words []string
		flag  wordFlags
	}{{speech, speechWord}, {functionWords, functionWord}, {entityWords, entityWord}, {negatorWords, negatorWord}} {
		for _, w := range l.words {
			e, _ := x.add([]byte(w))
			e.info.flags |= l.flag
		}
	}
	x.makeHot()
}
