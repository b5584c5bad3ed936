package attribution

// shortAnswer reports whether the word at token k, right after a verb of
// saying or thinking, is a short answer that ends its clause and stands
// for what was said: "75 percent said yes", "she said no, she would not",
// "he thinks so." ("so far", "so that" and "no one" open no answer).
func (d *doc) shortAnswer(c cue, k, l int) bool {
	if (c.kind != cueSpeech && c.kind != cueThought) || c.ing {
		return false
	}
	switch d.low[k] {
	case "yes", "no", "so":
	default:
		return false
	}
	return k+1 >= l || d.boundaryAfter(k)
}
