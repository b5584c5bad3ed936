package attribution

// timeAdverbial reports whether tokens [k, t) are only an adverbial of
// time ("long ago", "last week", "on Monday", "two years ago"), which may
// stand between a thought verb and its "that" ("realized years ago that
// ..."), where any other words make the "that" a relative pronoun ("could
// agree terms with Moscow that leave ...").
func (d *doc) timeAdverbial(k, t int) bool {
	if t <= k || t-k > 4 {
		return false
	}
	time := false
	for i := k; i < t; i++ {
		w := d.low[i]
		switch {
		case d.is(i, classTime|classTimeUnit) || w == "ago":
			time = true
		case d.is(i, classAdverbialPrep|classDeterminer) || w == "long" || w == "last" || isNumber(w) || d.is(i, classNumberWord):
		default:
			return false
		}
	}
	return time
}
