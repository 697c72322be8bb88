package gitleaksrules

import (
	"context"
	"regexp/syntax"
	"strings"
	"sync"
	"sync/atomic"

	ahocorasick "github.com/BobuSumisu/aho-corasick"
	"github.com/zricethezav/gitleaks/v8/config"
	"github.com/zricethezav/gitleaks/v8/detect"
	"github.com/zricethezav/gitleaks/v8/report"
	"github.com/zricethezav/gitleaks/v8/sources"
)

// perRule runs each rule through its own single-rule gitleaks detector,
// so that a rule can be skipped when a cheap test proves it cannot
// match: gitleaks' keyword prefilter (as gitleaks does it), then, per
// rule, a literal the rule's regex requires in every match (jwt needs
// ".ey", twilio needs "SK", vault needs "hvs." or "s.", …), then, for
// generic-api-key, the tail test of fast.go. Keywords such as "ey", "sk"
// and "s." occur in most source text, so gitleaks runs those regexes on
// nearly every fragment.
//
// A single-rule detector applies the global allowlists and the rule
// exactly as the full detector does; only gitleaks' final cross-rule
// dedup (generic vs specific on one line) differs, and preferSpecific
// does that by overlapping spans instead.
type perRule struct {
	// pre are the global OR-allowlists whose paths and commits are
	// checked once per fragment; the single-rule detectors get copies
	// without them (their regexes and stopwords still apply per finding).
	pre     []*config.Allowlist
	kws     []string // the rules' keywords, lower case
	trie    trie     // their Aho-Corasick automaton, built on first use
	byKw    [][]int  // keyword pattern index → rules
	rules   []ruleEntry
	always  []int // rules without keywords
	generic int   // index of generic-api-key, or -1
	// globals are the global allowlists the detectors keep (those not in
	// pre, and pre's regexes and stop words without its paths).
	globals []*config.Allowlist
	// pathRules are the rules with a path pattern; paths caches, per
	// path, the pre-allowlist verdict and which of them the path
	// matches: a history scan meets the same paths over and over, and
	// the default allowlist's path regex is large.
	pathRules []int
	paths     sync.Map // string → *pathInfo
}

// pathInfo is what the rule set decides from a path alone.
type pathInfo struct {
	allowed bool   // a global OR-allowlist skips the path
	match   []bool // per pathRules entry: the rule's path pattern matches
}

type ruleEntry struct {
	id   string
	rule config.Rule
	// det returns the rule's single-rule detector, built at first use:
	// most rules never run in a scan (their keywords do not occur), and
	// building all of them was a third of the rule set's start-up time.
	det  func() *detect.Detector
	lits []string // one of these must occur (nil: no requirement)
	fold bool     // lits are lower case, to be found in the lowered text
	// pathRule is the rule's index in perRule.pathRules, or -1: gitleaks
	// reports nothing for a rule with a path pattern that the fragment's
	// path does not match, at any decoding depth.
	pathRule int
	// win, when set, bounds where the rule's matches can be (window.go).
	win *windowSpec
}

// newPerRule returns nil when the config cannot be split by rule
// (composite rules need their required rules in the same detector).
func newPerRule(cfg config.Config, genericFast bool) *perRule {
	for _, r := range cfg.Rules {
		if len(r.RequiredRules) > 0 || r.SkipReport {
			return nil
		}
	}
	p := &perRule{generic: -1}
	globals, pre, ok := splitAllowlists(cfg)
	if !ok {
		return nil
	}
	p.pre, p.globals = pre, globals
	kwIndex := map[string]int{}
	var kws []string
	for _, id := range sortedIDs(cfg) {
		r := cfg.Rules[id]
		single := cfg
		single.Allowlists = globals
		single.Rules = map[string]config.Rule{id: r}
		single.OrderedRules = []string{id}
		// The keyword prefilter is applied to the whole fragment before
		// the detector runs (selectRules, as gitleaks does it), so the
		// detector itself goes without: it also runs on windows of the
		// fragment, which need not hold the keyword.
		single.Keywords = map[string]struct{}{}
		noKw := r
		noKw.Keywords = nil
		single.Rules = map[string]config.Rule{id: noKw}
		e := ruleEntry{id: id, rule: r, det: sync.OnceValue(func() *detect.Detector {
			return detect.NewDetectorContext(context.Background(), single)
		}), pathRule: -1}
		if r.Path != nil {
			e.pathRule = len(p.pathRules)
			p.pathRules = append(p.pathRules, len(p.rules))
		}
		generic := id == GenericRuleID && genericFast
		if r.Regex != nil {
			e.lits, e.fold = requiredLiterals(r.Regex.String())
			e.win = newWindowSpec(r.Regex.String(), e.lits, e.fold, generic)
		}
		i := len(p.rules)
		p.rules = append(p.rules, e)
		if generic {
			p.generic = i
		}
		if len(r.Keywords) == 0 {
			p.always = append(p.always, i)
			continue
		}
		for _, k := range r.Keywords {
			k = strings.ToLower(k)
			ki, ok := kwIndex[k]
			if !ok {
				ki = len(kws)
				kwIndex[k] = ki
				kws = append(kws, k)
				p.byKw = append(p.byKw, nil)
			}
			p.byKw[ki] = append(p.byKw[ki], i)
		}
	}
	p.kws = kws
	return p
}

// trie is the keywords' Aho-Corasick automaton, built on first use
// (selectRules): it takes some 8 MB, which redacting a lint's findings,
// short texts only, never needs.
type trie struct {
	once  sync.Once
	built atomic.Pointer[ahocorasick.Trie]
}

// get builds the automaton of kws, the first time.
func (t *trie) get(kws []string) *ahocorasick.Trie {
	t.once.Do(func() {
		t.built.Store(ahocorasick.NewTrieBuilder().AddStrings(kws).Build())
	})
	return t.built.Load()
}

// splitAllowlists separates the global OR-allowlists with paths or
// commits (pre: checked once per fragment, and per path only once) from
// the rest (globals: kept in the detectors). A pre allowlist's regexes
// and stop words stay in globals, without its paths and commits.
func splitAllowlists(cfg config.Config) (globals, pre []*config.Allowlist, ok bool) {
	for _, a := range cfg.Allowlists {
		if a.MatchCondition == config.AllowlistMatchAnd || (len(a.Paths) == 0 && len(a.Commits) == 0) {
			globals = append(globals, a)
			continue
		}
		pre = append(pre, a)
		if len(a.Regexes) > 0 || len(a.StopWords) > 0 {
			cp := &config.Allowlist{Description: a.Description, MatchCondition: a.MatchCondition,
				RegexTarget: a.RegexTarget, Regexes: a.Regexes, StopWords: append([]string(nil), a.StopWords...)}
			if err := cp.Validate(); err != nil {
				return nil, nil, false
			}
			globals = append(globals, cp)
		}
	}
	return globals, pre, true
}

// path returns what the rule set decides from f's path, computed once
// per path.
func (p *perRule) path(f *sources.Fragment) *pathInfo {
	key := f.FilePath
	if f.WindowsFilePath != "" {
		key += "\x00" + f.WindowsFilePath
	}
	if v, ok := p.paths.Load(key); ok {
		return v.(*pathInfo)
	}
	pi := &pathInfo{match: make([]bool, len(p.pathRules))}
	for _, a := range p.pre {
		if a.PathAllowed(f.FilePath) || (f.WindowsFilePath != "" && a.PathAllowed(f.WindowsFilePath)) {
			pi.allowed = true
		}
	}
	for k, i := range p.pathRules {
		r := p.rules[i].rule
		pi.match[k] = r.Path.MatchString(f.FilePath) || (f.WindowsFilePath != "" && r.Path.MatchString(f.WindowsFilePath))
	}
	v, _ := p.paths.LoadOrStore(key, pi)
	return v.(*pathInfo)
}

// allowed reports whether a global allowlist skips the whole fragment
// (by its path or commit), as gitleaks' detector would.
func (p *perRule) allowed(f *sources.Fragment, pi *pathInfo) bool {
	if f.FilePath == "" && f.CommitSHA == "" {
		return false
	}
	if pi.allowed {
		return true
	}
	for _, a := range p.pre {
		if len(a.Commits) > 0 {
			if ok, _ := a.CommitAllowed(f.CommitSHA); ok {
				return true
			}
		}
	}
	return false
}

func sortedIDs(cfg config.Config) []string {
	ids := make([]string, 0, len(cfg.Rules))
	ids = append(ids, cfg.OrderedRules...)
	seen := map[string]bool{}
	for _, id := range ids {
		seen[id] = true
	}
	for id := range cfg.Rules {
		if !seen[id] {
			ids = append(ids, id)
		}
	}
	return ids
}

// detect runs the rules that can match f. The caller has checked the
// global pre allowlists (allowed) and passes the path's verdicts.
func (p *perRule) detect(ctx context.Context, f sources.Fragment, pi *pathInfo) []report.Finding {
	lower := strings.ToLower(f.Raw)
	selected := p.selectRules(lower)
	lowerASCII := lowerOnce(f.Raw, lower)
	var (
		out []report.Finding
		nl  [][]int // newline indices of f.Raw, computed at the first match
	)
	run := func(i int) {
		e := &p.rules[i]
		if e.pathRule >= 0 && !pi.match[e.pathRule] {
			return
		}
		if e.rule.Regex == nil {
			// A path-only rule: gitleaks reports the file.
			out = append(out, detectIn(ctx, e.det(), f)...)
			return
		}
		if e.lits != nil && !containsAny(f.Raw, lower, e.lits, e.fold) {
			return
		}
		var spans []span
		if e.win != nil {
			if spans, _ = e.win.spans(f.Raw, lowerASCII); spans != nil && len(spans) == 0 {
				return
			}
		}
		if spans == nil && i == p.generic && !genericCandidate(f.Raw) {
			return
		}
		out = p.ruleFindings(out, &f, f.Raw, e, nil, spans, &nl)
	}
	for _, i := range p.always {
		run(i)
	}
	for i, ok := range selected {
		if ok {
			run(i)
		}
	}
	return out
}

func containsAny(raw, lower string, lits []string, fold bool) bool {
	s := raw
	if fold {
		s = lower
	}
	for _, l := range lits {
		if strings.Contains(s, l) {
			return true
		}
	}
	return false
}

// requiredLiterals returns literals one of which every match of expr
// contains, and whether they are to be matched case-insensitively (then
// they are lower case). It returns nil when it finds no useful set.
func requiredLiterals(expr string) ([]string, bool) {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil, false
	}
	l := reqLits(re)
	if l == nil || l.minLen() < 2 {
		return nil, false
	}
	if l.fold {
		for i, s := range l.alts {
			l.alts[i] = strings.ToLower(s)
		}
	}
	return l.alts, l.fold
}

type litSet struct {
	alts []string
	fold bool
}

func (l *litSet) minLen() int {
	m := -1
	for _, a := range l.alts {
		if m < 0 || len(a) < m {
			m = len(a)
		}
	}
	return m
}

// reqLits computes a literal set for re: every match of re contains one
// of the set's strings.
func reqLits(re *syntax.Regexp) *litSet {
	switch re.Op {
	case syntax.OpLiteral:
		s := string(re.Rune)
		if !isASCII(s) {
			return nil
		}
		return &litSet{alts: []string{s}, fold: re.Flags&syntax.FoldCase != 0}
	case syntax.OpCapture, syntax.OpPlus:
		return reqLits(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return reqLits(re.Sub[0])
		}
	case syntax.OpConcat:
		var best *litSet
		for _, sub := range re.Sub {
			if l := reqLits(sub); l != nil && (best == nil || l.minLen() > best.minLen()) {
				best = l
			}
		}
		return best
	case syntax.OpAlternate:
		out := &litSet{}
		for _, sub := range re.Sub {
			l := reqLits(sub)
			if l == nil {
				return nil
			}
			out.alts = append(out.alts, l.alts...)
			out.fold = out.fold || l.fold
		}
		if len(out.alts) > 16 {
			return nil
		}
		return out
	}
	return nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
