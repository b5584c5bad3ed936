package attribution

import "strings"

// Quoted complements that quotedComplement does not reach: the object of
// "called" holds a relative clause ("called [the storm that hit the coast]
// “a disaster”"), or a short aside set off by commas stands between the
// object and the quote ("calling [him], at one point, “a fraud”").

// maxAsideWords bounds the aside before a quoted complement.
const maxAsideWords = 4

// farQuotedComplement reports whether a quote is the complement of the
// object that starts at token k, past a relative clause with no verb of
// saying in it or a short aside between commas.
func (d *doc) farQuotedComplement(k, l int) bool {
	relative := false
	for t := k + 1; t < l && t < k+2*maxSpeakerWords; t++ {
		if d.tquote[t] >= 0 {
			return relative && !d.gapHas(t-1, ",;:()")
		}
		if d.boundaryAfter(t - 1) {
			return d.asideBeforeQuote(t, l)
		}
		switch w := d.low[t]; {
		case d.verb(t) != 0:
			return false // another verb's quote
		case (w == "that" || w == "which" || w == "who") && !d.is(t-1, classPreposition|classDeterminer):
			relative = true
		case d.is(t, classClauseWord):
			return false
		}
	}
	return false
}

// asideBeforeQuote reports whether tokens from t, after a comma, are a
// short aside that a comma closes right before a quote: ", at one
// point, “...”".
func (d *doc) asideBeforeQuote(t, l int) bool {
	if !d.gapHas(t-1, ",") || d.tquote[t] >= 0 || !d.is(t, classPreposition) {
		return false
	}
	for e := t; e < l && e < t+maxAsideWords; e++ {
		if d.tquote[e] >= 0 || d.verb(e) != 0 {
			return false
		}
		if d.boundaryAfter(e) {
			return strings.HasPrefix(strings.TrimSpace(d.gap(e)), ",") && e+1 < l && d.tquote[e+1] >= 0
		}
	}
	return false
}
