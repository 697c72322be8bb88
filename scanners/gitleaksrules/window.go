package gitleaksrules

import (
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
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
	// maxWidth bounds a match's length in bytes (-1: unbounded). It
	// allows windows of bytes where lines are too long for line windows
	// to leave anything out (minified code, data files).
	maxWidth int
	// generic: the windows are genericWindows', around the keywords
	// that are followed by the rest of the pattern.
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
	w := maxWidth(re)
	if w > maxWindowWidth || generic {
		w = unbounded // generic's positions are keywords, not literals
	}
	return &windowSpec{lits: lits, fold: fold, maxNL: n, maxWidth: w, generic: generic}
}

// unbounded marks a measure of a match (newlines, bytes) with no bound:
// a repeated part of the pattern can hold any number of them.
const unbounded = -1

// maxNewlines returns how many newline characters a match of re can
// contain, and false when that is unbounded.
func maxNewlines(re *syntax.Regexp) (int, bool) {
	n := matchMax(re, func(re *syntax.Regexp) int {
		switch re.Op {
		case syntax.OpLiteral:
			return strings.Count(string(re.Rune), "\n")
		case syntax.OpCharClass:
			for i := 0; i+1 < len(re.Rune); i += 2 {
				if re.Rune[i] <= '\n' && '\n' <= re.Rune[i+1] {
					return 1
				}
			}
		case syntax.OpAnyChar:
			return 1
		}
		return 0
	})
	return n, n != unbounded
}

// maxWidth returns the most bytes a match of re can span, or unbounded.
func maxWidth(re *syntax.Regexp) int {
	return matchMax(re, func(re *syntax.Regexp) int {
		switch re.Op {
		case syntax.OpLiteral:
			n := 0
			for _, r := range re.Rune {
				if re.Flags&syntax.FoldCase != 0 {
					n += maxFoldLen(r)
				} else {
					n += utf8.RuneLen(r)
				}
			}
			return n
		case syntax.OpCharClass:
			if len(re.Rune) == 0 {
				return 0
			}
			return runeLen(re.Rune[len(re.Rune)-1]) // ranges are sorted
		}
		return utf8.UTFMax // any character
	})
}

// matchMax returns the most of a measure that adds up along a match
// (newlines, bytes) a match of re can hold, or unbounded; leaf gives it
// for a literal, a character class or any character. Large values
// saturate at matchMaxCap.
func matchMax(re *syntax.Regexp, leaf func(*syntax.Regexp) int) int {
	switch re.Op {
	case syntax.OpLiteral, syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return leaf(re)
	case syntax.OpCapture, syntax.OpQuest:
		return matchMax(re.Sub[0], leaf)
	case syntax.OpStar, syntax.OpPlus:
		if matchMax(re.Sub[0], leaf) == 0 {
			return 0
		}
		return unbounded
	case syntax.OpRepeat:
		n := matchMax(re.Sub[0], leaf)
		if n == unbounded || (n > 0 && re.Max < 0) {
			return unbounded
		}
		return min(n*max(re.Max, 0), matchMaxCap)
	case syntax.OpConcat, syntax.OpAlternate:
		acc := 0
		for _, sub := range re.Sub {
			n := matchMax(sub, leaf)
			if n == unbounded {
				return unbounded
			}
			if re.Op == syntax.OpConcat {
				acc = min(acc+n, matchMaxCap)
			} else {
				acc = max(acc, n)
			}
		}
		return acc
	}
	return 0 // empty matches and assertions
}

const matchMaxCap = 1 << 20

// span is a window: text[start:end].
type span struct{ start, end int }

// spans returns the windows of text in which the rule must run, or nil
// when it must run on the whole text (the windows would cover most of
// it, or the text holds a character that folds to an ASCII letter, which
// a search for lower-case literals would miss). Line windows come first;
// where they would cover most of the text and a match's length is
// bounded, byte windows (byBytes), which start and end mid-line. Both
// find the matches of the whole text; ruleFindings computes lines and
// columns on the whole fragment, so either feeds it (gitleaks' own
// detector, run on a window, would need whole lines). generic-api-key
// has its own byte windows (genericWindows). lowerASCII returns text
// with ASCII letters lowered (computed once per text by the caller).
func (w *windowSpec) spans(text string, lowerASCII func() string) (spans []span, byBytes bool) {
	if foldTrap(text) {
		return nil, false
	}
	if w.generic {
		return genericWindows(text, lowerASCII()), true
	}
	pos := w.positions(text, lowerASCII)
	if len(pos) == 0 {
		return []span{}, false // no occurrence: nothing to run
	}
	if out := windows(text, pos, w.maxNL); covered(out) <= len(text)*3/4 {
		return out, false
	}
	if w.maxWidth < 0 {
		return nil, false
	}
	if out := byteWindows(text, pos, w.maxWidth); covered(out) <= len(text)*3/4 {
		return out, true
	}
	return nil, false
}

// positions returns the sorted offsets of the literals' occurrences in
// text.
func (w *windowSpec) positions(text string, lowerASCII func() string) []int {
	s := text
	if w.fold {
		s = lowerASCII()
	}
	var pos []int
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
	return pos
}

// allSpans is spans without the fallback to the whole text where the
// windows would cover most of it: a decoding pass keeps only the windows
// near a decoded segment (nearSegments), which leaves little however
// much the windows cover. It is nil only where spans must run on the
// whole text for exactness (a fold trap).
func (w *windowSpec) allSpans(text string, lowerASCII func() string) []span {
	if foldTrap(text) {
		return nil
	}
	if w.generic {
		return genericWindows(text, lowerASCII())
	}
	pos := w.positions(text, lowerASCII)
	if len(pos) == 0 {
		return []span{}
	}
	out := windows(text, pos, w.maxNL)
	if w.maxWidth >= 0 {
		if b := byteWindows(text, pos, w.maxWidth); covered(b) < covered(out) {
			out = b
		}
	}
	return out
}

func covered(spans []span) int {
	n := 0
	for _, s := range spans {
		n += s.end - s.start
	}
	return n
}

// bytePad widens byte windows by a whole UTF-8 character on each side,
// so that assertions at a match's edges see the same neighbours.
const bytePad = 4

// byteWindows returns the merged windows around sorted positions of
// literals for matches at most width bytes long: a match that contains
// the literal at q lies within q-width..q+width.
func byteWindows(text string, pos []int, width int) []span {
	var out []span
	for _, q := range pos {
		s := span{start: max(0, q-width-bytePad), end: min(len(text), q+width+bytePad)}
		if n := len(out); n > 0 && s.start <= out[n-1].end {
			out[n-1].end = max(out[n-1].end, s.end)
			continue
		}
		out = append(out, s)
	}
	return out
}

// maxWindowWidth bounds the match length byte windows are used for.
const maxWindowWidth = 4096

// runeLen is utf8.RuneLen, with the invalid runes a class may end with
// counted as the widest.
func runeLen(r rune) int {
	if n := utf8.RuneLen(r); n > 0 {
		return n
	}
	return utf8.UTFMax
}

// maxFoldLen is the widest encoding among the runes r folds to.
func maxFoldLen(r rune) int {
	n := runeLen(r)
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		n = max(n, runeLen(f))
	}
	return n
}

// windows returns the merged windows around sorted positions: from the
// newline that ends line L-maxNL-2 (or the text's start) to the end of
// line L+maxNL+1 (or the text's end), L being a position's line.
func windows(text string, pos []int, maxNL int) []span {
	var out []span
	prev := -1
	for _, q := range pos {
		// Positions on one line have one window: computing it again
		// would scan the line again, which on a megabyte-long line (a
		// minified file, an encoded blob) made this quadratic.
		if prev >= 0 && strings.IndexByte(text[prev:q], '\n') < 0 {
			continue
		}
		prev = q
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

// lowerOnce returns a function giving text with ASCII letters lowered:
// lower itself (strings.ToLower of text) when text is ASCII, as it
// mostly is, else a copy made at the first call.
func lowerOnce(text, lower string) func() string {
	if isASCII(text) {
		return func() string { return lower }
	}
	return sync.OnceValue(func() string { return ToLowerASCII(text) })
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
