package attribution

// timeOwner reports whether the time word at token k owns the noun after
// it ("Sunday's ruling", "last week’s vote"): it then opens a stance's
// object ("denounced Sunday's ruling as reckless"), not an adverbial after
// the verb ("condemned on Friday").
func (d *doc) timeOwner(k int) bool {
	return k+1 < len(d.toks) && d.possessive(k) && d.sameSentence(k, k+1) && d.tquote[k+1] == d.tquote[k]
}
