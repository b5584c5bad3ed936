package attribution

import "strings"

// contentAfter returns where the content after a cue starts, or -1: after a
// "that" within a few words ("said on Tuesday that", "told reporters
// that"), at a quote opened right after it ("He added: “..."), or at a
// clause that follows at once ("said his country would...").
func (d *doc) contentAfter(c cue, l int) int {
	k := c.j
	if k >= l {
		return -1
	}
	if q := d.quoteAt(d.toks[c.j-1].End); q >= 0 && (c.kind != cueThought || strings.ContainsAny(d.gap(c.j-1), ":,")) {
		return d.quotes[q].open // not "had found “common ground”": a thought verb's quoted object
	}
	for t := k; t < l && t < k+7; t++ {
		if d.tquote[t] >= 0 || (d.low[t] == "that" && t > k && (prepositions[d.low[t-1]] || d.low[t-1] == "so")) {
			break
		}
		if d.low[t] == "that" && c.kind == cueThought && t > k && !d.onlyAdverbs(k, t) {
			break // "could agree terms with Moscow that leave ...": a relative clause
		}
		if d.low[t] == "that" {
			if q := d.quoteAt(d.toks[t].End); q >= 0 {
				return d.quotes[q].open
			}
			if !d.boundaryAfter(t) || (strings.TrimSpace(d.gap(t)) == "," && t+1 < l) {
				return d.toks[t+1].Start // "said that, if its claims are true, ..."
			}
		}
		if t > k && adverbialPrepositions[d.low[k]] && strings.ContainsAny(d.gap(t), ",:") && t+1 < l { // a next word in the sentence
			if q := d.quoteAt(d.toks[t].End); q >= 0 {
				return d.quotes[q].open // "said in a statement: “...”"
			}
		}
		comma := strings.Contains(d.gap(t), ",") && !(t+1 < l && connectives[d.low[t+1]]) && !connectives[d.low[t]] // ", however, that"
		if (t > k && clauseWords[d.low[t]]) || comma || strings.ContainsAny(d.gap(t), ";:()—–“”\"«»") || (t > k && d.a.lex.verbs[d.low[t]] != 0) {
			break // the "that" of another clause or verb: "said X, adding that"
		}
	}
	if d.boundaryAfter(c.j - 1) {
		return -1
	}
	if adverbialPrepositions[d.low[k]] && c.kind != cueTell {
		// "said in an interview he would", "has said for weeks he's": an
		// adverbial, then a clause with a pronoun subject.
		for t := k + 1; t < l && t <= k+5 && !d.boundaryAfter(t-1); t++ {
			if w := bare(d.low[t]); isPronoun(w) && w != "it" && w != "you" {
				return d.toks[t].Start
			}
		}
		return -1
	}
	switch c.kind {
	case cueTell: // skip the addressee
		if objectPronouns[d.low[k]] {
			k++
		} else if lo, hi := d.npForward(k, l); hi > lo && hi-lo <= 4 {
			k = hi
		}
		if k >= l || (d.boundaryAfter(k-1) && !strings.Contains(d.gap(k-1), ",")) {
			return -1
		}
	case cueThought:
		// "she believes it will", "hopes his endorsement will give": a
		// clause of its own, not an object ("believes the report").
		if d.low[k] == "that" || k+1 >= l || d.boundaryAfter(k) || d.tquote[k] >= 0 {
			return -1
		}
		if personalPronouns[bare(d.low[k])] || ((determiners[d.low[k]] || d.capitalized(k)) && d.auxAhead(k+1, min(k+6, l))) {
			return d.toks[k].Start
		}
		return -1
	}
	if k >= l {
		return -1
	}
	w := bare(d.low[k])
	switch {
	case (personalPronouns[w] && !objectPronouns[w]) || w == "it" || w == "there":
	case c.kind == cueSpeech && !d.capitalized(k) && !prepositions[w] && !auxiliaries[w] && !clauseWords[w] && !objectPronouns[w] &&
		!strings.HasSuffix(w, "ly") && !d.a.lex.is(classTime, w) && d.a.lex.verbs[w] == 0 && !d.boundaryAfter(k):
		// a bare noun subject: "said surveys showed"
	case determiners[w] || w == "to" || w == "whether" || w == "if" || w == "how" || w == "why" || w == "what":
	case d.capitalized(k) && (!d.endsClause(k+1, l) || (k+1 < l && d.tquote[k+1] >= 0 && d.tquote[k] < 0)):
	default:
		return -1
	}
	if w == "to" && !d.a.lex.infinitive[d.low[c.i]] {
		return -1 // "continue to support": no speech act; "vowed to", "urged X to" are
	}
	return d.toks[k].Start
}

// contentEnd returns where a reported clause that starts at offset cs ends:
// at the sentence end (offset end, before token l), or before a clause the
// reporting verb does not govern: ", and he railed against ...", ",
// appearing to rely on ...", ", with Lewandowski taking to Twitter ...", or
// a dash before another verb ("... - said at a rally").
func (d *doc) contentEnd(cs, l, end int) int {
	for t := d.tokenAt(cs) + 1; t < l; t++ {
		if d.tquote[t] >= 0 {
			continue
		}
		g, w := d.gap(t-1), d.low[t]
		if isDash(g) && d.a.lex.verbs[w] != 0 {
			return d.toks[t-1].End
		}
		if w == "and" && t+1 < l && d.tquote[t+1] < 0 && !d.boundaryAfter(t) && strings.HasSuffix(d.low[t+1], "ed") && (d.a.lex.verbs[d.low[t+1]] == cueSpeech || d.a.lex.verbs[d.low[t+1]] == cueTell) {
			return d.toks[t-1].End // "said he was ''the perfect messenger'' and reiterated his claim": the speaker's next statement
		}
		if !strings.Contains(g, ",") || (d.tquote[t-1] >= 0 && !strings.ContainsAny(g, "”\"»") && !strings.Contains(g, "''")) {
			continue
		}
		switch {
		case (w == "and" || w == "but") && t+2 < l && subjectPronouns[d.low[t+1]] && !d.boundaryAfter(t+1) && d.low[t+2] != "that":
			return d.toks[t-1].End
		case strings.HasSuffix(w, "ing") && len(w) > 5 && !notParticiples[w] && !d.capitalized(t):
			return d.toks[t-1].End
		case w == "with" && t+1 < l && !determiners[d.low[t+1]]:
			return d.toks[t-1].End
		}
	}
	return end
}
