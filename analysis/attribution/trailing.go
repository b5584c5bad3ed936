package attribution

// trailingEvidence reports whether the evidence verb c ("shows",
// "found"), whose speaker phrase runs from st's speaker to token hi, is a
// record's and closes the sentence after what it reports: "Most of the
// money came in March, new filings show.", "The vote is close, a new
// survey has found." contentBefore then takes the words before the comma as the
// record's, as it does for "..., he said."; a thought verb with any
// other subject takes none there (tried: "..., they believe." added eight
// statements for one lost).
func (d *doc) trailingEvidence(st *draft, c cue, hi int) bool {
	return c.j == c.i+1 && d.a.lex.evidence[d.low[c.i]] && d.recordHead(d.tokenAt(st.SpeakerStart), hi)
}
