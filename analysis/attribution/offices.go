package attribution

// An office between two capitalised runs: "Republican presidential
// nominee Donald Trump", "Presumptive Democratic presidential nominee
// Hillary Clinton". The first run qualifies the office, which describes
// the person the second names: the three are one speaker phrase.

// maxOfficeWords bounds the lowercase office words read between the runs.
const maxOfficeWords = 4

// pastOffice returns the end of the capitalised run that follows, before
// token i, the lowercase office of at most maxOfficeWords words ending in
// a [title] word that starts at token hi, the end of a capitalised run
// from token lo; hi itself when there is none. The phrase from lo stays
// within maxSpeakerWords, as every speaker phrase.
func (d *doc) pastOffice(lo, hi, i int) int {
	k := hi
	for k < i && k-hi < maxOfficeWords && !d.capitalized(k) && !d.boundaryAfter(k-1) && d.tquote[k] < 0 {
		k++
	}
	if k == hi || k >= i || k-lo >= maxSpeakerWords || !d.capitalized(k) || d.boundaryAfter(k-1) || !d.is(k-1, classTitle) {
		return hi
	}
	for k < i && k-lo < maxSpeakerWords && d.capitalized(k) && !d.boundaryAfter(k-1) {
		k++
	}
	return k
}
