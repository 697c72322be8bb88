package gitleaksrules

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/zricethezav/gitleaks/v8/config"
	"github.com/zricethezav/gitleaks/v8/detect/codec"
	"github.com/zricethezav/gitleaks/v8/report"
	"github.com/zricethezav/gitleaks/v8/sources"

	"github.com/authvet/authvet/internal/entropy"
)

// This file runs gitleaks' rules without its detector. gitleaks'
// DetectContext scans the whole text with every keyword-selected rule at
// depth 0, then decodes the text in place and scans all of it again at
// each further depth, keeping at depth > 0 only the matches that overlap
// a decoded segment; each rule's detectRule runs the rule's regex twice
// over the whole text. A fragment that needs decoding (large vendored
// files with base64 blobs) thus paid for the full, unfiltered detector
// several times over, and every rule paid for its regex twice.
//
// Here the per-rule route (perRule.detect, with its prefilters) runs
// depth 0, and the decoded passes use gitleaks' own codec package (the
// same decoder, overlap test, index mapping, tags and line) with the
// same per-rule prefilters applied to the decoded text. What detectRule
// does for a match is reproduced step by step in ruleFindings, at every
// depth; the equivalence tests compare the two on real code and on
// encoded secrets of every kind, nested ones included.

// detectDecoded returns what gitleaks' decoding passes, up to maxDepth,
// add to the depth-0 findings for f.
func (p *perRule) detectDecoded(ctx context.Context, f *sources.Fragment, pi *pathInfo, maxDepth int) []report.Finding {
	var (
		out  []report.Finding
		nl   [][]int // newline indices of f.Raw, computed at the first match
		segs []*codec.EncodedSegment
		raw  = f.Raw
		dec  = codec.NewDecoder()
	)
	for depth := 1; depth <= maxDepth; depth++ {
		if ctx.Err() != nil {
			break
		}
		raw, segs = dec.Decode(raw, segs)
		if len(segs) == 0 {
			break
		}
		lower := strings.ToLower(raw)
		selected := p.selectRules(lower)
		lowerASCII := lowerOnce(raw, lower)
		run := func(i int) {
			e := &p.rules[i]
			if e.rule.Regex == nil || (e.pathRule >= 0 && !pi.match[e.pathRule]) {
				// A path-only rule reports nothing once there are
				// segments, and a path rule needs its path.
				return
			}
			if e.lits != nil && !containsAny(raw, lower, e.lits, e.fold) {
				return
			}
			var spans []span
			if e.win != nil {
				spans = nearSegments(e.win.allSpans(raw, lowerASCII), segs)
				if spans != nil && len(spans) == 0 {
					return
				}
			}
			if spans == nil && i == p.generic && !genericCandidate(raw) {
				return
			}
			out = p.ruleFindings(out, f, raw, e, segs, spans, &nl)
		}
		for _, i := range p.always {
			run(i)
		}
		for i, ok := range selected {
			if ok {
				run(i)
			}
		}
	}
	return out
}

// maxSegmentChecks bounds the window-by-segment tests nearSegments
// makes for one rule at one depth (codec keeps the segments' positions
// to itself, so each test walks the segments).
const maxSegmentChecks = 1 << 16

// nearSegments keeps the windows that overlap a segment decoded at this
// depth. A decoding pass keeps only the matches that overlap such a
// segment (codec.SegmentsWithDecodedOverlap, in ruleFindings); every
// match of the text lies within one window (window.go), so a window
// overlapping none holds no match that would be kept, and the matches
// of the windows kept are found as in the whole text. nil (the whole
// text) stays nil, as do windows too many to test.
func nearSegments(spans []span, segs []*codec.EncodedSegment) []span {
	if spans == nil || len(spans)*len(segs) > maxSegmentChecks {
		return spans
	}
	out := []span{}
	for _, w := range spans {
		if len(codec.SegmentsWithDecodedOverlap(segs, w.start, w.end)) > 0 {
			out = append(out, w)
		}
	}
	return out
}

// selectRules marks the rules one of whose keywords occurs in lower, as
// gitleaks' keyword prefilter does; nil when none does. It uses the
// keywords' Aho-Corasick automaton, as gitleaks does, except on a short
// text while the automaton is not built yet, which is searched for each
// keyword in turn: both find every keyword that occurs
// (TestSelectRulesShortLong), and a run that sees only short texts (a
// lint's redaction of its findings' lines) never builds the automaton,
// while a scan builds it at its first long fragment and uses it from
// then on.
func (p *perRule) selectRules(lower string) []bool {
	var selected []bool
	mark := func(pattern int) {
		if selected == nil {
			selected = make([]bool, len(p.rules))
		}
		for _, i := range p.byKw[pattern] {
			selected[i] = true
		}
	}
	if len(lower) <= shortText && p.trie.built.Load() == nil {
		for k, kw := range p.kws {
			if strings.Contains(lower, kw) {
				mark(k)
			}
		}
		return selected
	}
	p.trie.get(p.kws).Walk([]byte(lower), func(end, n, pattern int64) bool {
		mark(int(pattern))
		return true
	})
	return selected
}

// shortText is the length up to which selectRules may look for each
// keyword in turn: a line or two (searching 128 bytes that way takes
// about 7 µs against the automaton's 1.7, and an automaton takes 8 MB).
const shortText = 256

// ruleFindings is gitleaks' detectRule (detect.go, v8.30.1) for one
// pass over raw, appending the findings to out: the plain text when segs
// is nil, else a decoding pass whose encoded segments are segs. The
// rule has a regex and, if it has a path pattern, the fragment's path
// matches it; rules with required rules or SkipReport never come here
// (newPerRule). The regex runs once, in spans when they are set
// (window.go; both kinds find the matches of the whole text), where
// detectRule runs it twice over the whole text; the matches' lines and
// columns are computed on the whole fragment, as detectRule does.
func (p *perRule) ruleFindings(out []report.Finding, f *sources.Fragment, raw string, e *ruleEntry, segs []*codec.EncodedSegment, spans []span, nl *[][]int) []report.Finding {
	r := &e.rule
	ruleChecked := false
	for _, mi := range findAll(r.Regex, raw, spans) {
		secret := strings.Trim(raw[mi[0]:mi[1]], "\n")
		var overlap []*codec.EncodedSegment
		if segs != nil {
			overlap = codec.SegmentsWithDecodedOverlap(segs, mi[0], mi[1])
			if len(overlap) == 0 {
				// gitleaks: already reported at a shallower depth.
				continue
			}
		}
		if !ruleChecked {
			// The rule's path and commit allowlists skip the fragment
			// before any match; checking them at the first candidate
			// gives the same result.
			if pathOrCommitAllowed(f, r.Allowlists) {
				return out
			}
			ruleChecked = true
		}
		tags := r.Tags
		currentLine := ""
		if segs != nil {
			mi = codec.AdjustMatchIndex(overlap, mi)
			metaTags := codec.Tags(overlap)
			currentLine = codec.CurrentLine(overlap, raw)
			tags = make([]string, 0, len(r.Tags)+len(metaTags))
			tags = append(append(tags, r.Tags...), metaTags...)
		} else {
			// gitleaks #1352: the match ends where the trimmed text does.
			mi[1] = mi[0] + len(secret)
		}
		if *nl == nil {
			*nl = newlineIndices(f.Raw)
		}
		loc := location(*nl, f.Raw, mi)
		if mi[1] > loc.endLineIndex {
			loc.endLineIndex = mi[1]
		}
		fd := report.Finding{
			Commit:      f.CommitSHA,
			RuleID:      r.RuleID,
			Description: r.Description,
			StartLine:   f.StartLine + loc.startLine,
			EndLine:     f.StartLine + loc.endLine,
			StartColumn: loc.startColumn,
			EndColumn:   loc.endColumn,
			Line:        lineAround(f.Raw, loc.startLineIndex, loc.endLineIndex, mi[0], mi[1]),
			Match:       secret,
			Secret:      secret,
			File:        f.FilePath,
			SymlinkFile: f.SymlinkFile,
			Tags:        tags,
		}
		if strings.Contains(fd.Line, "gitleaks:allow") {
			continue
		}
		if currentLine == "" {
			currentLine = fd.Line
		}
		if groups := r.Regex.FindStringSubmatch(fd.Secret); len(groups) >= 2 {
			if r.SecretGroup > 0 {
				if len(groups) <= r.SecretGroup {
					continue
				}
				fd.Secret = groups[r.SecretGroup]
			} else {
				for _, s := range groups[1:] {
					if len(s) > 0 {
						fd.Secret = s
						break
					}
				}
			}
		}
		e := entropy.Shannon(fd.Secret)
		fd.Entropy = float32(e)
		if r.Entropy != 0.0 && e <= r.Entropy {
			continue
		}
		if findingAllowed(&fd, f, currentLine, p.globals) || findingAllowed(&fd, f, currentLine, r.Allowlists) {
			continue
		}
		out = append(out, fd)
	}
	return out
}

// dropShadowed is gitleaks' final filter (utils.go) without redaction:
// a generic finding goes when a specific finding on the same line, in
// the same commit, has a secret containing its secret.
func dropShadowed(fs []report.Finding) []report.Finding {
	generic := false
	for i := range fs {
		if isGenericID(fs[i].RuleID) {
			generic = true
			break
		}
	}
	if !generic || len(fs) < 2 {
		return fs
	}
	var out []report.Finding
	for i := range fs {
		f := &fs[i]
		include := true
		if isGenericID(f.RuleID) {
			for j := range fs {
				o := &fs[j]
				if f.StartLine == o.StartLine && f.Commit == o.Commit && f.RuleID != o.RuleID &&
					strings.Contains(o.Secret, f.Secret) && !isGenericID(o.RuleID) {
					include = false
					break
				}
			}
		}
		if include {
			out = append(out, *f)
		}
	}
	return out
}

func isGenericID(id string) bool { return strings.Contains(strings.ToLower(id), "generic") }

// newlineIndices is gitleaks' newLineRegexp.FindAllStringIndex(raw, -1).
func newlineIndices(raw string) [][]int {
	var out [][]int
	for i := 0; i < len(raw); i++ {
		if raw[i] == '\n' {
			out = append(out, []int{i, i + 1})
		}
	}
	if out == nil {
		// FindAllStringIndex returns nil on no match; location treats
		// nil and empty alike, but nl == nil means "not computed yet".
		out = [][]int{}
	}
	return out
}

// loc is gitleaks' detect.Location.
type loc struct {
	startLine, endLine, startColumn, endColumn, startLineIndex, endLineIndex int
}

// location is gitleaks' detect.location (location.go, v8.30.1).
func location(newlineIndices [][]int, raw string, matchIndex []int) loc {
	var (
		prevNewLine int
		l           loc
		lineSet     bool
		lineNum     int
	)
	start, end := matchIndex[0], matchIndex[1]
	if len(newlineIndices) == 0 {
		newlineIndices = [][]int{{len(raw), len(raw) + 1}}
	}
	for n, pair := range newlineIndices {
		lineNum = n
		nb := pair[0]
		if prevNewLine <= start && start < nb {
			lineSet = true
			l.startLine, l.endLine = n, n
			l.startColumn = (start - prevNewLine) + 1
			l.startLineIndex = prevNewLine
			l.endLineIndex = nb
		}
		if prevNewLine < end && end <= nb {
			l.endLine = n
			l.endColumn = end - prevNewLine
			l.endLineIndex = nb
		}
		prevNewLine = pair[0]
	}
	if !lineSet {
		l.startColumn = (start - prevNewLine) + 1
		l.endColumn = end - prevNewLine
		l.startLine = lineNum + 1
		l.endLine = lineNum + 1
		i := 0
		for end+i < len(raw) {
			if raw[end+i] == '\n' || raw[end+i] == '\r' {
				break
			}
			i++
		}
		l.endLineIndex = end + i
	}
	return l
}

// pathOrCommitAllowed is gitleaks' checkCommitOrPathAllowed.
func pathOrCommitAllowed(f *sources.Fragment, allowlists []*config.Allowlist) bool {
	if f.FilePath == "" && f.CommitSHA == "" {
		return false
	}
	for _, a := range allowlists {
		commitAllowed, _ := a.CommitAllowed(f.CommitSHA)
		pathAllowed := a.PathAllowed(f.FilePath) || (f.WindowsFilePath != "" && a.PathAllowed(f.WindowsFilePath))
		if a.MatchCondition == config.AllowlistMatchAnd {
			if len(a.Regexes) > 0 || len(a.StopWords) > 0 {
				continue // checked per finding
			}
			ok := true
			if len(a.Commits) > 0 {
				ok = ok && commitAllowed
			}
			if len(a.Paths) > 0 {
				ok = ok && pathAllowed
			}
			if ok {
				return true
			}
		} else if commitAllowed || pathAllowed {
			return true
		}
	}
	return false
}

// findingAllowed is gitleaks' checkFindingAllowed.
func findingAllowed(fd *report.Finding, f *sources.Fragment, currentLine string, allowlists []*config.Allowlist) bool {
	for _, a := range allowlists {
		target := fd.Secret
		switch a.RegexTarget {
		case "match":
			target = fd.Match
		case "line":
			target = currentLine
		}
		regexAllowed := a.RegexAllowed(target)
		stop, _ := a.ContainsStopWord(fd.Secret)
		if a.MatchCondition == config.AllowlistMatchAnd {
			ok := true
			if len(a.Commits) > 0 {
				c, _ := a.CommitAllowed(f.CommitSHA)
				ok = ok && c
			}
			if len(a.Paths) > 0 {
				ok = ok && (a.PathAllowed(f.FilePath) || (f.WindowsFilePath != "" && a.PathAllowed(f.WindowsFilePath)))
			}
			if len(a.Regexes) > 0 {
				ok = ok && regexAllowed
			}
			if len(a.StopWords) > 0 {
				ok = ok && stop
			}
			if ok {
				return true
			}
		} else if regexAllowed || stop {
			return true
		}
	}
	return false
}

// lineWindow bounds the part of a long line kept around a match.
const lineWindow = 4096

// lineAround is text[ls:le], the line of the match text[ms:me], cut to
// lineWindow bytes on each side of the match when it is longer: a
// minified or generated one-line file holds thousands of candidate
// matches, and every one reads its line again (the allowlists' line
// regexes, the gitleaks:allow marker, redaction), which made the scan
// quadratic in the line's length. The cut falls on UTF-8 boundaries.
func lineAround(text string, ls, le, ms, me int) string {
	ls, le = Window(text, ls, le, ms, me, lineWindow)
	return text[ls:le]
}

// Window cuts the line text[ls:le] to at most n bytes before ms and n
// bytes after me (ls <= ms <= me <= le), on UTF-8 boundaries.
func Window(text string, ls, le, ms, me, n int) (int, int) {
	if ms-ls > n {
		ls = ms - n
		for ls < ms && !utf8.RuneStart(text[ls]) {
			ls++
		}
	}
	if le-me > n {
		le = me + n
		for le > me && !utf8.RuneStart(text[le]) {
			le--
		}
	}
	return ls, le
}
