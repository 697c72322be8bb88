package gitleaksrules

import (
	"math/rand"
	"slices"
	"strings"
	"testing"

	ahocorasick "github.com/BobuSumisu/aho-corasick"
)

// The short-text search of selectRules (each keyword in turn) selects
// the rules the Aho-Corasick automaton selects, on texts made of
// keywords, their fragments and overlaps, and random bytes.
func TestSelectRulesShortLong(t *testing.T) {
	p := Default().route.rules
	if p == nil {
		t.Fatal("the default set has no per-rule route")
	}
	// The automaton, built here: selectRules builds none for short
	// texts unless another test of the set built it already.
	built := p.trie.built.Load() != nil
	ref := ahocorasick.NewTrieBuilder().AddStrings(p.kws).Build()
	rnd := rand.New(rand.NewSource(1))
	piece := func() string {
		kw := p.kws[rnd.Intn(len(p.kws))]
		switch rnd.Intn(5) {
		case 0: // a prefix
			return kw[:rnd.Intn(len(kw)+1)]
		case 1: // a suffix
			return kw[rnd.Intn(len(kw)+1):]
		case 2: // random bytes
			b := make([]byte, rnd.Intn(6))
			for i := range b {
				b[i] = byte("abcdefghijklmnopqrstuvwxyz0123456789_-=.:\"' "[rnd.Intn(44)])
			}
			return string(b)
		default:
			return kw
		}
	}
	selected := 0
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for b.Len() < 1+rnd.Intn(shortText) {
			b.WriteString(piece())
		}
		text := b.String()
		if len(text) > shortText {
			text = text[:shortText]
		}
		short := p.selectRules(text)
		if !built && p.trie.built.Load() != nil {
			t.Fatal("the automaton was built for a short text")
		}
		var long []bool
		ref.Walk([]byte(text), func(end, n, pattern int64) bool {
			if long == nil {
				long = make([]bool, len(p.rules))
			}
			for _, i := range p.byKw[pattern] {
				long[i] = true
			}
			return true
		})
		if !slices.Equal(short, long) {
			t.Fatalf("%q: keyword by keyword selects %v, the automaton %v", text, short, long)
		}
		if short != nil {
			selected++
		}
	}
	if selected < 1000 {
		t.Errorf("only %d of the texts select a rule", selected)
	}
}
