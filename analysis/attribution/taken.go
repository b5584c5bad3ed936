package attribution

// taken holds the statements the passes have found so far, with an index of
// the words their cues and contents take and of the sentences their cues
// stand in, so that a later pass asks about a word in O(log n) rather than
// scanning every statement: on a long transcript with a statement in every
// sentence the scans made an article's analysis quadratic in its length.
type taken struct {
	d        *doc
	list     []*draft
	cues     fenwick // how many cues cover each token
	contents fenwick // how many content pieces cover each token
	cueSents []bool  // whether a cue starts in each sentence
}

func newTaken(d *doc) *taken {
	return &taken{d: d, cues: d.fenwick(), contents: d.fenwick(), cueSents: make([]bool, len(d.sents))}
}

// add records statements found by a pass.
func (fd *taken) add(sts ...*draft) {
	for _, st := range sts {
		fd.list = append(fd.list, st)
		fd.cover(fd.cues, st.CueStart, st.CueEnd)
		for _, sp := range st.pieces() {
			fd.cover(fd.contents, sp[0], sp[1])
		}
		if s := fd.d.sentenceAt(st.CueStart); s >= 0 {
			fd.cueSents[s] = true
		}
	}
}

// cover counts the tokens that start within the bytes [start, end) as
// covered once more.
func (fd *taken) cover(f fenwick, start, end int) {
	lo, hi := fd.d.tokenAt(start), fd.d.tokenAt(end)
	if lo < hi {
		f.add(lo, 1)
		f.add(hi, -1)
	}
}

// cueAt reports whether token i is part of the cue of a statement found.
func (fd *taken) cueAt(i int) bool { return fd.cues.sum(i) > 0 }

// contentAt reports whether token i is inside the content of a statement
// found: a stance the speaker reports of someone else ("Mr Sybiha said
// Ukraine had defended itself ...") is the speaker's claim, not a voice of
// its own.
func (fd *taken) contentAt(i int) bool { return fd.contents.sum(i) > 0 }

// cueInSentence reports whether a statement found has its cue in sentence s.
func (fd *taken) cueInSentence(s int) bool { return fd.cueSents[s] }

// fenwick is a binary indexed tree over token indices: adding v at i and
// -v at j counts the tokens i to j-1 once more, and sum(k) is the count at
// token k, each in O(log n).
type fenwick []int32

func (f fenwick) add(i int, v int32) {
	for i++; i < len(f); i += i & -i {
		f[i] += v
	}
}

func (f fenwick) sum(k int) int32 {
	var s int32
	for k++; k > 0; k -= k & -k {
		s += f[k]
	}
	return s
}
