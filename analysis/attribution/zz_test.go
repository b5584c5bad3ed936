package attribution

import "testing"

func TestZZ(t *testing.T) {
	a := newTest(t)
	for _, s := range []string{
		"Meanwhile, the official campaign account has been busy, re-tweeting several negative comments about the host's coverage.",
		"Speaking at a town hall event in Salem, New Hampshire, Mr. Brandt went after Bush, calling him “a total stiff.”",
		"Though he brushed off comments he made in 2005 about the deal as “locker room talk,” his critics aren’t buying it.",
		"GOP clubs at Harvard and Princeton made headlines when they declined to endorse Trump, citing his proposal to ban imports.",
		"However polls show high levels of voter discontent and in public remarks Trump already has called the election results into question.",
		"The Latest: Sanders declares ‘revolution,’ ignores losses.",
	} {
		t.Logf("%s\n%s", s, dumpStatements(s, a.Statements(s)))
	}
}
