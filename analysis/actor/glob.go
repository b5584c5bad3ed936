package actor

import "unicode/utf8"

// globMatch reports whether s matches pat, where * stands for any run of
// bytes and ? for one rune (as utf8.DecodeRuneInString reads it where it
// stands), in time linear in s for a pattern.
//
// It is the greedy algorithm of rsc's glob (research.swtch.com/glob): the
// star-free pieces between stars are placed left to right, each where it
// ends first, and a piece that cannot be placed is never retried with the
// earlier pieces moved, since a star before it could have absorbed any
// text they gave up. Where it ends first, not where it starts first: a ?
// takes a whole rune, so a piece that starts inside a multibyte rune may
// end before one that starts at the rune.
func globMatch(pat, s string) bool {
	star := indexStar(pat)
	if star < 0 {
		end, ok := matchPiece(pat, s, 0)
		return ok && end == len(s)
	}
	at, ok := matchPiece(pat[:star], s, 0) // the piece before the first star is anchored
	if !ok {
		return false
	}
	pat = pat[star+1:]
	for {
		star = indexStar(pat)
		if star < 0 {
			return matchesAtEnd(pat, s, at)
		}
		if at, ok = firstEnd(pat[:star], s, at); !ok {
			return false
		}
		pat = pat[star+1:]
	}
}

func indexStar(pat string) int {
	for i := 0; i < len(pat); i++ {
		if pat[i] == '*' {
			return i
		}
	}
	return -1
}

// matchPiece matches the star-free piece at s[at:], returning where the
// match ends. Each byte of the piece takes one byte of s, each ? one rune;
// so a match spans at least len(piece) bytes and at most utf8.UTFMax times
// that.
func matchPiece(piece, s string, at int) (int, bool) {
	for i := 0; i < len(piece); i++ {
		if at >= len(s) {
			return 0, false
		}
		if piece[i] == '?' {
			_, n := utf8.DecodeRuneInString(s[at:])
			at += n
			continue
		}
		if s[at] != piece[i] {
			return 0, false
		}
		at++
	}
	return at, true
}

// firstEnd returns the first offset at which a match of piece that starts
// at or after offset from can end. Once a match ends at e, only starts
// before e-len(piece) can end sooner, at most a few runes on.
func firstEnd(piece, s string, from int) (int, bool) {
	best, found := 0, false
	for p := from; p <= len(s) && (!found || p < best-len(piece)); p++ {
		if end, ok := matchPiece(piece, s, p); ok && (!found || end < best) {
			best, found = end, true
		}
	}
	return best, found
}

// matchesAtEnd reports whether piece matches a suffix of s that starts at
// or after offset from. Such a suffix starts at most utf8.UTFMax bytes per
// byte of piece before the end.
func matchesAtEnd(piece, s string, from int) bool {
	for p := max(from, len(s)-utf8.UTFMax*len(piece)); p <= len(s)-len(piece); p++ {
		if end, ok := matchPiece(piece, s, p); ok && end == len(s) {
			return true
		}
	}
	return false
}
