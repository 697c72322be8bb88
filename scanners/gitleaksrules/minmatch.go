package gitleaksrules

import "regexp/syntax"

// MinMatch is a lower bound, in bytes, on the length of any match of
// any of the set's rules with a pattern: no rule can match text shorter
// than this. A scan of binary data uses it to skip printable runs too
// short to hold a match (internal to the secrets scanner).
func (s *Set) MinMatch() int {
	s.minOnce.Do(func() {
		s.minMatch = -1
		for _, r := range s.cfg.Rules {
			if r.Regex == nil {
				continue
			}
			re, err := syntax.Parse(r.Regex.String(), syntax.Perl)
			if err != nil {
				// Compiled by gitleaks from this very string, so this
				// cannot happen; claim nothing if it does.
				s.minMatch = 0
				return
			}
			if n := minLen(re); s.minMatch < 0 || n < s.minMatch {
				s.minMatch = n
			}
		}
		if s.minMatch < 0 {
			s.minMatch = 0
		}
	})
	return s.minMatch
}

// minLen is a lower bound on the byte length of re's matches: every
// rune counts one byte (its UTF-8 form is at least that long), optional
// and zero-width parts nothing.
func minLen(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		return len(re.Rune)
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1
	case syntax.OpCapture, syntax.OpPlus:
		return minLen(re.Sub[0])
	case syntax.OpRepeat:
		return re.Min * minLen(re.Sub[0])
	case syntax.OpConcat:
		n := 0
		for _, sub := range re.Sub {
			n += minLen(sub)
		}
		return n
	case syntax.OpAlternate:
		n := -1
		for _, sub := range re.Sub {
			if m := minLen(sub); n < 0 || m < n {
				n = m
			}
		}
		return max(n, 0)
	}
	// OpStar, OpQuest, OpEmptyMatch, anchors and word boundaries match
	// the empty string; OpNoMatch matches nothing, and 0 is still a
	// lower bound.
	return 0
}
