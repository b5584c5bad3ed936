package attribution

// shortAnswer reports whether the word at token k, right after a verb of
// saying or thinking, is a short answer that ends its clause and stands
// for what was said: "75 percent said yes", "she said no, she would not",
// "he thinks so.", "said as much on Thursday" ("so far", "so that",
// "no one" and "as much as" open no answer).
func (d *doc) shortAnswer(c cue, k, l int) bool {
	if (c.kind != cueSpeech && c.kind != cueThought) || c.ing {
		return false
	}
	switch d.low[k] {
	case "yes", "no", "so":
	case "as": // "said as much on Thursday"
		return k+1 < l && d.low[k+1] == "much" && !d.boundaryAfter(k) && (k+2 >= l || d.low[k+2] != "as")
	default:
		return false
	}
	return k+1 >= l || d.boundaryAfter(k)
}
