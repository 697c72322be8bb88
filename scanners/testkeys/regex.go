package testkeys

import (
	"fmt"
	"math/rand/v2"
	"regexp/syntax"
	"strings"
	"unicode"
)

// FromRegex returns a string that the regular expression expr matches,
// random in seed, for planting a sample of a secret rule whose format
// this package has no hand-written builder for. Characters are drawn
// from letters and digits where a class allows them, and never include
// quotes, backslashes or line breaks, so that the sample can sit in a Go
// string literal or comment. Repetitions take their minimum count (at
// least the count needed to be non-empty, for + and {n,}). A caller
// checks that the rule really reports the sample: keywords, entropy
// thresholds and allowlists are the rule's, not the regex's.
func FromRegex(expr string, seed uint64) (string, error) {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return "", fmt.Errorf("parsing %q: %w", expr, err)
	}
	g := &gen{r: rand.New(rand.NewPCG(seed, seed^0x51ed2701))}
	var b strings.Builder
	g.walk(&b, re.Simplify())
	return b.String(), nil
}

type gen struct{ r *rand.Rand }

func (g *gen) walk(b *strings.Builder, re *syntax.Regexp) {
	switch re.Op {
	case syntax.OpLiteral:
		for _, c := range re.Rune {
			b.WriteRune(c)
		}
	case syntax.OpCharClass:
		b.WriteRune(g.pick(re.Rune))
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		b.WriteByte(alnum[g.r.IntN(len(alnum))])
	case syntax.OpCapture:
		g.walk(b, re.Sub[0])
	case syntax.OpConcat:
		for _, s := range re.Sub {
			g.walk(b, s)
		}
	case syntax.OpAlternate:
		g.walk(b, re.Sub[g.r.IntN(len(re.Sub))])
	case syntax.OpPlus:
		g.walk(b, re.Sub[0])
	case syntax.OpRepeat:
		for i := 0; i < re.Min; i++ {
			g.walk(b, re.Sub[0])
		}
	}
	// Star, Quest, anchors, word boundaries and empty matches add nothing.
}

// pick draws a rune from a character class (pairs of lo, hi ranges),
// preferring letters and digits, then other printable ASCII that is safe
// in a Go string.
func (g *gen) pick(ranges []rune) rune {
	var good, ok []rune
	for i := 0; i+1 < len(ranges); i += 2 {
		for c := ranges[i]; c <= ranges[i+1] && c < 128; c++ {
			switch {
			case (unicode.IsLetter(c) || unicode.IsDigit(c)):
				good = append(good, c)
			case c == ' ' || (c > ' ' && c < 127 && !strings.ContainsRune("\"'`\\", c)):
				ok = append(ok, c)
			}
		}
	}
	switch {
	case len(good) > 0:
		return good[g.r.IntN(len(good))]
	case len(ok) > 0:
		return ok[g.r.IntN(len(ok))]
	case len(ranges) > 0:
		return ranges[0]
	}
	return 'x'
}
