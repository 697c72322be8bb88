package gitleaksrules

import (
	"regexp/syntax"
	"slices"
	"strings"
)

// This file narrows where a rule's regex runs, without changing what it
// finds. Go's regexp runs gitleaks' larger patterns (generic-api-key's
// counted repetitions expand to hundreds of instructions) at a few MB/s
// on a whole hunk; most of a hunk cannot hold a match.
//
// For a rule whose every match contains one of a set of literals
// (requiredLiterals) and crosses at most maxNL newlines, a match that
// contains a literal on line L lies within lines L-maxNL..L+maxNL. The
// rule therefore runs on windows: the lines around each literal
// occurrence, widened by one whole line on each side, overlapping
// windows merged. The widening keeps every position a match can touch,
// and its neighbours, inside the window, so that `\b`, `(?m)^` and
// `(?m)$` see the same bytes as in the whole text; a match cannot reach
// a window's edge (it would cross more than maxNL newlines). So every
// match of the whole text lies in exactly one window, every match in a
// window is a match of the whole text, and leftmost-first matching finds
// the same sequence. The same goes for text anchors (`^`, `$`, `\A`,
// `\z` without (?m), which gitleaks' rules use to accept a value at the
// end of a hunk): a window's ends are ends of the text only where they
// are the whole text's ends, as no match can reach them otherwise.
//
// A window starts at the newline byte that ends the line before it, so
// that gitleaks' line and column arithmetic (location.go), which counts
// a line from the newline before it, gives the same numbers and the
// same Line text once the window's StartLine is set.

// maxWindowNL bounds the newlines a windowed match may cross: beyond it,
// windows would cover most of a hunk anyway.
const maxWindowNL = 16

// windowSpec says where a rule's matches can be.
type windowSpec struct {
	lits  []string // every match contains one of these
	fold  bool     // lits are lower case and match case-insensitively
	maxNL int      // newlines a match can cross
	// generic: positions come from genericCandidates, which finds the
	// keywords that are followed by the rest of the pattern.
	generic bool
}

// newWindowSpec returns nil when expr's matches cannot be bounded.
func newWindowSpec(expr string, lits []string, fold, generic bool) *windowSpec {
	if len(lits) == 0 && !generic {
		return nil
	}
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	n, ok := maxNewlines(re)
	if !ok || n > maxWindowNL {
		return nil
	}
	return &windowSpec{lits: lits, fold: fold, maxNL: n, generic: generic}
}

// unbounded marks a part of a pattern that can cross any number of
// newlines.
const unbounded = -1

// maxNewlines returns how many newline characters a match of re can
// contain, and false when that is unbounded.
func maxNewlines(re *syntax.Regexp) (int, bool) {
	n := newlines(re)
	return n, n != unbounded
}

func newlines(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		return strings.Count(string(re.Rune), "\n")
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i] <= '\n' && '\n' <= re.Rune[i+1] {
				return 1
			}
		}
		return 0
	case syntax.OpAnyChar:
		return 1
	case syntax.OpCapture, syntax.OpQuest:
		return newlines(re.Sub[0])
	case syntax.OpStar, syntax.OpPlus:
		if n := newlines(re.Sub[0]); n != 0 {
			return unbounded
		}
		return 0
	case syntax.OpRepeat:
		n := newlines(re.Sub[0])
		if n == unbounded || (n > 0 && re.Max < 0) {
			return unbounded
		}
		return n * re.Max
	case syntax.OpConcat:
		sum := 0
		for _, s := range re.Sub {
			n := newlines(s)
			if n == unbounded {
				return unbounded
			}
			sum += n
		}
		return sum
	case syntax.OpAlternate:
		m := 0
		for _, s := range re.Sub {
			n := newlines(s)
			if n == unbounded {
				return unbounded
			}
			m = max(m, n)
		}
		return m
	}
	// Empty matches and assertions.
	return 0
}

// span is a window: text[start:end].
type span struct{ start, end int }

// spans returns the windows of text in which the rule must run, or nil
// when it must run on the whole text (the windows would cover most of
// it, or the text holds a character that folds to an ASCII letter, which
// a search for lower-case literals would miss). lowerASCII returns text
// with ASCII letters lowered (computed once per text by the caller).
func (w *windowSpec) spans(text string, lowerASCII func() string) []span {
	if foldTrap(text) {
		return nil
	}
	var pos []int
	if w.generic {
		pos = genericCandidates(text, lowerASCII())
	} else {
		s := text
		if w.fold {
			s = lowerASCII()
		}
		for _, l := range w.lits {
			for off := 0; ; {
				i := strings.Index(s[off:], l)
				if i < 0 {
					break
				}
				pos = append(pos, off+i)
				off += i + 1
			}
		}
		slices.Sort(pos)
	}
	out := windows(text, pos, w.maxNL)
	covered := 0
	for _, s := range out {
		covered += s.end - s.start
	}
	if covered > len(text)*3/4 {
		return nil
	}
	if out == nil {
		out = []span{} // no occurrence: nothing to run
	}
	return out
}

// windows returns the merged windows around sorted positions: from the
// newline that ends line L-maxNL-2 (or the text's start) to the end of
// line L+maxNL+1 (or the text's end), L being a position's line.
func windows(text string, pos []int, maxNL int) []span {
	var out []span
	for _, q := range pos {
		s := span{start: newlineBefore(text, q, maxNL+2), end: lineEndAfter(text, q, maxNL+2)}
		if n := len(out); n > 0 && s.start < out[n-1].end {
			out[n-1].end = max(out[n-1].end, s.end)
			continue
		}
		out = append(out, s)
	}
	return out
}

// newlineBefore returns the index of the k-th newline before q, or 0.
func newlineBefore(text string, q, k int) int {
	i := q
	for ; k > 0; k-- {
		i = strings.LastIndexByte(text[:i], '\n')
		if i < 0 {
			return 0
		}
	}
	return i
}

// lineEndAfter returns the index after the k-th newline at or after q,
// or len(text).
func lineEndAfter(text string, q, k int) int {
	i := q
	for ; k > 0; k-- {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			return len(text)
		}
		i += j + 1
	}
	return i
}

// foldTrap reports whether text holds a character that Go's
// case-insensitive matching folds to an ASCII letter: the Kelvin sign
// (k) and the long s (s).
func foldTrap(text string) bool {
	return strings.Contains(text, "\u212a") || strings.Contains(text, "\u017f")
}

// findAll is re.FindAllStringIndex(text, -1), run only in spans when
// spans is not nil.
func findAll(re interface {
	FindAllStringIndex(string, int) [][]int
}, text string, spans []span) [][]int {
	if spans == nil {
		return re.FindAllStringIndex(text, -1)
	}
	var out [][]int
	for _, s := range spans {
		for _, m := range re.FindAllStringIndex(text[s.start:s.end], -1) {
			out = append(out, []int{m[0] + s.start, m[1] + s.start})
		}
	}
	return out
}
