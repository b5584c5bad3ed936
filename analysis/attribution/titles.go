package attribution

// maxTitleWords bounds a quoted title inside an adverbial.
const maxTitleWords = 6

// titleInAdverbial returns the token after a short quoted title, in title
// case, that starts at token t inside an adverbial opening at the cue's
// first word after it, k ("conceded on WKBN's ”Morning Desk” on
// Sunday that ..."), or -1: such a quote names a show or a book, and the
// cue's "that" may follow it.
func (d *doc) titleInAdverbial(k, t, l int) int {
	q := d.tquote[t]
	if q < 0 || !d.is(k, classAdverbialPrep) || t == k {
		return -1
	}
	e := t
	for e < l && d.tquote[e] == q {
		if (!d.capitalized(e) && !d.is(e, classPreposition|classDeterminer)) || e-t >= maxTitleWords {
			return -1
		}
		e++
	}
	if e >= l {
		return -1
	}
	return e
}
