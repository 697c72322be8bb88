// Package keyformats recognises credentials in providers' issued formats
// (GitHub tokens, AWS access keys, Stripe keys, PEM private keys, …) in a
// string, with the provider-specific rules of gitleaks' default config.
//
// It is a leaf: it imports only the standard library. The rules are
// generated into rules_gen.go by scanners/genkeyformats from the gitleaks
// module authvet's secret scanner uses, so that the analyzers classify
// literals as the scanner does without linking gitleaks, viper and their
// dependencies into every go vet -vettool, golangci-lint and nogo build.
// A test checks that the generated file is up to date and that Classify
// agrees with the scanner's gitleaksrules.Classify.
//
// Matching follows gitleaks' detector (v8 detect.detectRule) for a
// fragment with no path, commit or decoding: keyword prefilter, regex,
// secret group, entropy, gitleaks:allow, global and rule allowlists.
// gitleaks' catch-all rules (generic-api-key) are not included: callers
// judge names and values themselves.
package keyformats

//go:generate go run ../../../scanners/genkeyformats -o rules_gen.go

import (
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/authvet/authvet/internal/entropy"
)

// Match is a credential found by Classify.
type Match struct {
	RuleID      string // gitleaks rule id, e.g. "stripe-access-token"
	Description string // the rule's short description
	Provider    string // the key's provider, e.g. "Stripe"; empty if unknown
	// Start and End are the byte offsets of the secret within the
	// classified string.
	Start, End int
}

// ruleSpec is one gitleaks rule as generated.
type ruleSpec struct {
	id, description, provider string
	regex                     string
	secretGroup               int
	entropy                   float64
	keywords                  []string // lower case
	allow                     []allowSpec
}

// allowSpec is a gitleaks allowlist, without its paths and commits.
type allowSpec struct {
	and       bool     // all checks must hold (else any)
	target    string   // what regex is matched against: "" (the secret), "match" or "line"
	regex     string   // empty: no regex check
	stopwords []string // lower case; empty: no stop-word check
}

// allow is a compiled allowSpec.
type allow struct {
	spec *allowSpec
	re   *regexp.Regexp
}

// compiled is a rule's regexes, compiled at the rule's first use: a
// process (go vet runs one per package) usually needs a handful.
type compiled struct {
	once  sync.Once
	re    *regexp.Regexp
	allow []allow
}

var (
	state = make([]compiled, len(rules))

	globalOnce     sync.Once
	globalCompiled []allow

	// index maps the first two bytes of every keyword to the keywords
	// that start with them (kwGroups[index[..]-1]); every keyword has at
	// least two bytes (checked in init).
	index    [1 << 16]uint16
	kwGroups [][]keyword
)

type keyword struct {
	word  string
	rules []int
}

func init() {
	byWord := map[string][]int{}
	var words []string
	for i := range rules {
		for _, k := range rules[i].keywords {
			if _, ok := byWord[k]; !ok {
				words = append(words, k)
			}
			byWord[k] = append(byWord[k], i)
		}
	}
	for _, w := range words {
		if len(w) < 2 {
			// The generator keeps gitleaks' keywords as they are; the
			// default config has none this short.
			panic("keyformats: keyword shorter than two bytes: " + w)
		}
		k := uint16(w[0])<<8 | uint16(w[1])
		if index[k] == 0 {
			kwGroups = append(kwGroups, nil)
			index[k] = uint16(len(kwGroups))
		}
		g := index[k] - 1
		kwGroups[g] = append(kwGroups[g], keyword{word: w, rules: byWord[w]})
	}
}

// minSecretLen is below the shortest secret any default rule accepts
// (gitleaks' shortest formats are around 10 characters), so shorter
// strings skip the rules without losing a match.
const minSecretLen = 8

// Classify returns the provider-specific credentials in s, ordered by
// position (start, end, then rule id). Keyword-gated rules need their
// keyword in s, so pass `name = "value"` to classify an assignment's
// value. It is safe for concurrent use.
func Classify(s string) []Match {
	if len(s) < minSecretLen {
		return nil
	}
	lower := strings.ToLower(s)
	var selected []bool
	for i := 0; i+1 < len(lower); i++ {
		g := index[uint16(lower[i])<<8|uint16(lower[i+1])]
		if g == 0 {
			continue
		}
		for _, kw := range kwGroups[g-1] {
			if strings.HasPrefix(lower[i:], kw.word) {
				if selected == nil {
					selected = make([]bool, len(rules))
				}
				for _, r := range kw.rules {
					selected[r] = true
				}
			}
		}
	}
	var out []Match
	for i, ok := range selected {
		if ok {
			out = detectRule(out, s, i)
		}
	}
	slices.SortFunc(out, func(a, b Match) int {
		switch {
		case a.Start != b.Start:
			return a.Start - b.Start
		case a.End != b.End:
			return a.End - b.End
		}
		return strings.Compare(a.RuleID, b.RuleID)
	})
	return out
}

func (c *compiled) compile(r *ruleSpec) {
	c.once.Do(func() {
		c.re = regexp.MustCompile(r.regex)
		c.allow = compileAllow(r.allow)
	})
}

func compileAllow(specs []allowSpec) []allow {
	out := make([]allow, len(specs))
	for i := range specs {
		out[i].spec = &specs[i]
		if specs[i].regex != "" {
			out[i].re = regexp.MustCompile(specs[i].regex)
		}
	}
	return out
}

// detectRule is gitleaks' detectRule for one rule over raw (no path, no
// decoding), appending the matches to out.
func detectRule(out []Match, raw string, i int) []Match {
	r := &rules[i]
	c := &state[i]
	c.compile(r)
	for _, mi := range c.re.FindAllStringIndex(raw, -1) {
		match := strings.Trim(raw[mi[0]:mi[1]], "\n")
		end := mi[0] + len(match)
		line := lineOf(raw, mi[0], end)
		if strings.Contains(line, "gitleaks:allow") {
			continue
		}
		secret := match
		if groups := c.re.FindStringSubmatch(match); len(groups) >= 2 {
			if r.secretGroup > 0 {
				if len(groups) <= r.secretGroup {
					continue
				}
				secret = groups[r.secretGroup]
			} else {
				for _, g := range groups[1:] {
					if g != "" {
						secret = g
						break
					}
				}
			}
		}
		if r.entropy != 0 && entropy.Shannon(secret) <= r.entropy {
			continue
		}
		globalOnce.Do(func() { globalCompiled = compileAllow(globalAllow) })
		if allowed(globalCompiled, secret, match, line) || allowed(c.allow, secret, match, line) {
			continue
		}
		start, stop := offsets(raw, mi[0], match, secret)
		out = append(out, Match{RuleID: r.id, Description: r.description, Provider: r.provider, Start: start, End: stop})
	}
	return out
}

// offsets locates the secret in raw as the secret scanner does
// (gitleaksrules' toHit): within the match, which starts at ms unless
// gitleaks trimmed a newline off its front; the secret is normally the
// match's last part (after a key name), hence LastIndex.
func offsets(raw string, ms int, match, secret string) (int, int) {
	if !strings.HasPrefix(raw[ms:], match) {
		if i := strings.Index(raw, match); i >= 0 {
			ms = i
		}
	}
	me := min(ms+len(match), len(raw))
	if secret != "" {
		if i := strings.LastIndex(raw[ms:me], secret); i >= 0 {
			return ms + i, ms + i + len(secret)
		}
		if i := strings.Index(raw, secret); i >= 0 {
			return i, i + len(secret)
		}
	}
	return ms, me
}

// allowed is gitleaks' checkFindingAllowed for a fragment with no path
// or commit.
func allowed(as []allow, secret, match, line string) bool {
	for _, a := range as {
		target := secret
		switch a.spec.target {
		case "match":
			target = match
		case "line":
			target = line
		}
		re := a.re != nil && target != "" && a.re.MatchString(target)
		sw := stopword(a.spec.stopwords, secret)
		if a.spec.and {
			if (a.re == nil || re) && (len(a.spec.stopwords) == 0 || sw) {
				return true
			}
		} else if re || sw {
			return true
		}
	}
	return false
}

func stopword(words []string, s string) bool {
	if len(words) == 0 || s == "" {
		return false
	}
	s = strings.ToLower(s)
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// lineOf is the finding's line in gitleaks (detect.location): from the
// newline before the match (included) to the newline after its end, or
// the match's end if later.
func lineOf(raw string, start, end int) string {
	var nl []int
	for i := 0; i < len(raw); i++ {
		if raw[i] == '\n' {
			nl = append(nl, i)
		}
	}
	if len(nl) == 0 {
		nl = []int{len(raw)}
	}
	prev, lo, hi, set := 0, 0, 0, false
	for _, n := range nl {
		if prev <= start && start < n {
			set = true
			lo, hi = prev, n
		}
		if prev < end && end <= n {
			hi = n
		}
		prev = n
	}
	if !set {
		i := end
		for i < len(raw) && raw[i] != '\n' && raw[i] != '\r' {
			i++
		}
		hi = i
	}
	if end > hi {
		hi = end
	}
	return raw[lo:hi]
}
