package attribution

// participlePreps are the prepositions that a participle cue may follow
// in its clause, whose subject is then its speaker: "The mayor, after
// first claiming the audit was clean, resigned", "angered voters by
// calling the tax fair", "said, before adding that ...", "while
// insisting that ...". Not "for", whose participle is often the object's
// ("paid the council for backing the plan": the council's), nor "since"
// ("since taking office": an act). Tried with "for", "since" and "upon"
// too: 17 more statements, 3 more matched, and speaker accuracy lower.
var participlePreps = set("after before by while")

// participleAfterPrep reports whether the participle cue c follows the
// preposition at token k (past adverbs: "after first claiming") and its
// clause has a subject that names a speaker, which the cue then shares.
func (d *doc) participleAfterPrep(c cue, k, f int) bool {
	if !c.ing || !d.is(k, classParticiplePrep) {
		return false
	}
	lo, hi := d.subject(f, c.i)
	return hi > lo && d.plausibleSpeaker(lo, hi)
}

// likePhrase reports whether the words before a cue that end at token k
// are a comparison with "like" or "unlike" after "and", "but" or a comma
// ("Reyes chairs the panel and, like Varga, has spoken about
// rents"): no speaker, but an adjunct of the clause whose subject speaks.
func (d *doc) likePhrase(k, f int) bool {
	lo, hi := d.npBack(k, f)
	if hi <= lo {
		return false
	}
	at := lo - 1 // the "like" before the phrase, or its first word
	if d.low[lo] == "like" || d.low[lo] == "unlike" {
		at = lo
	}
	if at <= f || at+1 >= hi || (d.low[at] != "like" && d.low[at] != "unlike") {
		return false
	}
	b := at - 1
	return d.low[b] == "and" || d.low[b] == "but" || d.gapHas(b, ",")
}
