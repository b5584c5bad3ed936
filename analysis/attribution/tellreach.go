package attribution

// tellReach returns how far contentPastThat looks for the "that" of a
// tell verb whose addressee starts at token k: past the addressee and an
// adverbial of place and time after it ("told supporters at a rally in
// Akron on Monday that"), up to maxSpeakerWords words on.
func (d *doc) tellReach(k, l int) int {
	a := d.pastAddressee(k, l)
	if a <= k || a >= l || !d.placeOrTime(a) {
		return k + 7
	}
	return min(a+maxSpeakerWords, l)
}
