package gitleaksrules

import (
	"context"
	"encoding/base64"
	"slices"
	"strings"
	"sync"

	"github.com/zricethezav/gitleaks/v8/config"
	"github.com/zricethezav/gitleaks/v8/detect"
	"github.com/zricethezav/gitleaks/v8/regexp"
	"github.com/zricethezav/gitleaks/v8/report"
	"github.com/zricethezav/gitleaks/v8/sources"
)

// This file makes matching cheaper without changing what matches. Two
// costs dominate a history scan (measured on generated Go history):
// generic-api-key's regex, run on every hunk that mentions "key",
// "token", "auth"… (about half the time), and the decoder's search for
// encoded segments (about a quarter). Both are skipped when a cheap test
// proves they cannot produce anything for a fragment:
//
//   - generic-api-key can only match where one of its keywords is
//     followed by the rest of its pattern (an assignment and a value);
//     an anchored match of that tail at each keyword is cheap and exact
//     as a necessary condition.
//   - decoding only happens where the decoder's own patterns find text
//     that decodes to printable ASCII; the same test, done by hand on
//     maximal runs, says when it cannot.
//
// In either case the fragment goes to a detector built without the rule
// (or without decoding), which gives gitleaks' result exactly.

// genericTail is generic-api-key's pattern after its keyword group, as in
// gitleaks' default config, anchored.
var genericTail = regexp.MustCompile(`(?i)^(?:[ \t\w.-]{0,20})[\s'"]{0,3}(?:=|>|:{1,3}=|\|\||:|=>|\?=|,)[\x60'"\s=]{0,5}(?:[\w.=-]{10,150}|[a-z0-9][a-z0-9+/]{11,}={0,3})(?:[\x60'"\s;]|\\[nr]|$)`)

// genericKeywords are generic-api-key's keywords (its regex's keyword
// group, folded to lower case).
var genericKeywords = []string{"access", "api", "auth", "key", "credential", "creds", "passwd", "password", "secret", "token"}

// tailWindow bounds the text after a keyword the tail can use: 20 + 3 +
// 3 + 5 + 150 + 2 bytes for the bounded value; a longer base64 value
// still matches within the window, since "$" matches at its end.
const tailWindow = 260

// genericCandidate reports whether generic-api-key could match text.
func genericCandidate(text string) bool {
	if foldTrap(text) {
		return true
	}
	return hasCandidate(text, ToLowerASCII(text))
}

// genericTailLongest is genericTail matching leftmost-longest: its end
// is the furthest a match of the rule's tail can reach from a keyword.
var genericTailLongest = func() *regexp.Regexp {
	re := regexp.MustCompile(genericTail.String())
	re.Longest()
	return re
}()

// genericWindows returns byte windows that hold every match of
// generic-api-key in text, such that the pattern finds in each exactly
// the matches of the whole text within it (window.go's argument, for
// this pattern's shape). A match contains a candidate keyword (one
// followed by the rest of the pattern); it starts at most 50 bytes
// before it (the pattern before the keyword is [\w.-]{0,50}?, ASCII
// only once foldTrap is ruled out) and ends where the longest tail from
// it ends. Every match through a keyword in a window lies in that
// window, so no match is cut. The only assertion is the tail's final
// `$`, which a window's end could fake after a value ([\w.=+/-] bytes):
// a window therefore ends past the value run its reach falls in (and
// past a backslash there, the start of `\n`). It returns an empty,
// non-nil slice when text has no candidate. lower is
// ToLowerASCII(text).
func genericWindows(text, lower string) []span {
	type kwAt struct{ start, end int }
	var at []kwAt
	for _, kw := range genericKeywords {
		for off := 0; ; {
			i := strings.Index(lower[off:], kw)
			if i < 0 {
				break
			}
			at = append(at, kwAt{off + i, off + i + len(kw)})
			off += i + 1
		}
	}
	slices.SortFunc(at, func(a, b kwAt) int { return a.start - b.start })
	out := []span{}
	for _, k := range at {
		if !operatorNear(text, k.end) {
			continue
		}
		m := genericTailLongest.FindStringIndex(text[k.end:min(len(text), k.end+tailWindow)])
		if m == nil {
			continue
		}
		end := k.end + m[1]
		for end < len(text) && isValueByte(text[end-1]) {
			end++ // past a value run the window cut (a long base64 value)
		}
		if end < len(text) && text[end-1] == '\\' {
			end++
		}
		s := span{start: max(0, k.start-genericPrefix), end: end}
		if n := len(out); n > 0 && s.start <= out[n-1].end {
			out[n-1].end = max(out[n-1].end, s.end)
			continue
		}
		out = append(out, s)
	}
	return out
}

// genericPrefix is the longest text generic-api-key's pattern takes
// before its keyword.
const genericPrefix = 50

// isValueByte reports whether c can be part of generic-api-key's value.
func isValueByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '_' || c == '.' || c == '=' || c == '-' || c == '+' || c == '/'
}

// hasCandidate reports whether one of generic-api-key's keywords in
// text is followed by the rest of its pattern. lower is
// ToLowerASCII(text).
func hasCandidate(text, lower string) bool {
	for _, kw := range genericKeywords {
		for off := 0; ; {
			i := strings.Index(lower[off:], kw)
			if i < 0 {
				break
			}
			e := off + i + len(kw)
			if operatorNear(text, e) && genericTail.MatchString(text[e:min(len(text), e+tailWindow)]) {
				return true
			}
			off = off + i + 1
		}
	}
	return false
}

// operatorNear is the tail's cheap necessary condition: within the
// first 24 bytes after the keyword, past only [ \t\w.-] and [\s'"]
// bytes, there is an assignment operator's first byte.
func operatorNear(text string, e int) bool {
	for j := e; j < len(text) && j <= e+24; j++ {
		switch c := text[j]; {
		case c == '=' || c == '>' || c == ':' || c == '|' || c == '?' || c == ',':
			return true
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == '.' || c == '-' || c == '_' || c == '\'' || c == '"' ||
			'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9':
		default:
			return false
		}
	}
	return false
}

// ToLowerASCII lowers the ASCII letters of s and leaves every other
// byte, so that offsets in the result are offsets in s (strings.ToLower
// turns a stray byte of a cut UTF-8 character into three).
func ToLowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; 'A' <= c && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// needsDecode reports whether gitleaks' decoder could find a segment in
// text. It mirrors the decoder's patterns (percent, unicode, hex,
// base64) and its decode functions' acceptance tests; it errs only
// towards true.
func needsDecode(text string) bool {
	n := len(text)
	for i := 0; i < n; i++ {
		c := text[i]
		switch {
		case c == '%' && i+2 < n && isHex(text[i+1]) && isHex(text[i+2]):
			return true
		case c == '\\' && i+5 < n && (text[i+1] == 'u' || text[i+1] == 'U' || text[i+1] == '\\'):
			return true
		case c == 'U' && i+5 < n && text[i+1] == '+' && isHex(text[i+2]):
			return true
		case isB64(c):
			j := i
			for j < n && isB64(text[j]) {
				j++
			}
			if j-i >= 16 && runDecodes(text, i, j) {
				return true
			}
			i = j - 1
		}
	}
	return false
}

// runDecodes applies the decoder's view of one maximal run
// text[i:j] of [\w/+-]: a leading hex run of 32 or more is a hex
// segment, and the rest (16 or more, with up to two '=') is base64.
func runDecodes(text string, i, j int) bool {
	h := i
	for h < j && isHex(text[h]) {
		h++
	}
	if h-i >= 32 {
		if hexPrintable(text[i:h]) {
			return true
		}
		i = h
		if j-i < 16 {
			return false
		}
	}
	e := j
	for k := 0; k < 2 && e < len(text) && text[e] == '='; k++ {
		e++
	}
	// Any '=' count the regex might take (0 to 2) is tried.
	for end := j; end <= e; end++ {
		if base64Printable(text[i:end]) {
			return true
		}
	}
	return false
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func isB64(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '/' || c == '+' || c == '-'
}

func printable(b byte) bool { return '\x08' < b && b < '\x7f' }

func hexPrintable(s string) bool {
	if len(s)%2 != 0 || !strings.ContainsAny(s, "0123456789") {
		return false
	}
	for k := 0; k < len(s); k += 2 {
		v := unhex(s[k])<<4 | unhex(s[k+1])
		if !printable(v) {
			return false
		}
	}
	return true
}

func unhex(c byte) byte {
	switch {
	case '0' <= c && c <= '9':
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

func base64Printable(s string) bool {
	if !strings.ContainsAny(s, "0123456789+/-_") {
		return false
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(s); err == nil {
			ok := true
			for _, c := range b {
				if !printable(c) {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// router holds the detectors a Set chooses from per fragment.
type router struct {
	// detectors returns the full detectors, det[decode][generic].
	detectors func() [2][2]*detect.Detector
	// rules, when the config allows it, runs rules one by one with
	// per-rule prefilters (engine.go).
	rules *perRule
	// genericFast is set when the set's generic-api-key is gitleaks'
	// default one, so that genericCandidate describes it.
	genericFast bool
}

func newRouter(cfg config.Config, defaultGeneric string) *router {
	r := &router{}
	gr, ok := cfg.Rules[GenericRuleID]
	r.genericFast = ok && gr.Regex != nil && gr.Regex.String() == defaultGeneric && gr.Path == nil && len(gr.RequiredRules) == 0 && !gr.SkipReport
	without := cfg
	if r.genericFast {
		without = withoutRule(cfg, GenericRuleID)
	}
	r.rules = newPerRule(cfg, r.genericFast)
	// The full detectors serve only configs the per-rule route cannot
	// split (and the equivalence tests); building them costs about as
	// much as all the per-rule detectors, so it waits until needed.
	r.detectors = sync.OnceValue(func() (det [2][2]*detect.Detector) {
		for dec := 0; dec < 2; dec++ {
			for gen := 0; gen < 2; gen++ {
				c := cfg
				if gen == 0 {
					c = without
				}
				if r.rules != nil {
					// detect checks the path and commit allowlists once
					// per fragment (and per path once) before any
					// detector runs.
					c.Allowlists = r.rules.globals
				}
				d := detect.NewDetectorContext(context.Background(), c)
				if dec == 1 {
					d.MaxDecodeDepth = DefaultMaxDecodeDepth
				}
				det[dec][gen] = d
			}
		}
		return det
	})
	return r
}

// withoutRule copies cfg without one rule (and without keywords only it
// had).
func withoutRule(cfg config.Config, id string) config.Config {
	c := cfg
	c.Rules = make(map[string]config.Rule, len(cfg.Rules))
	c.Keywords = map[string]struct{}{}
	for rid, r := range cfg.Rules {
		if rid == id {
			continue
		}
		c.Rules[rid] = r
		for _, k := range r.Keywords {
			c.Keywords[strings.ToLower(k)] = struct{}{}
		}
	}
	c.OrderedRules = nil
	for _, rid := range cfg.OrderedRules {
		if rid != id {
			c.OrderedRules = append(c.OrderedRules, rid)
		}
	}
	return c
}

// detect runs the rules over a fragment, by the cheapest exact route.
func (r *router) detect(ctx context.Context, f sources.Fragment, decode bool) []report.Finding {
	if r.rules != nil {
		pi := r.rules.path(&f)
		if r.rules.allowed(&f, pi) {
			return nil
		}
		// Once the path verdicts are cached, running the rules one by
		// one behind their prefilters beats one full detector call even
		// on short texts (measured on real histories).
		out := r.rules.detect(ctx, f, pi)
		if decode && needsDecode(f.Raw) {
			// Depth 0 is as without decoding; only the decoding passes
			// remain (decode.go).
			out = append(out, r.rules.detectDecoded(ctx, &f, pi, DefaultMaxDecodeDepth)...)
		}
		// The single-rule detectors cannot apply gitleaks' cross-rule
		// dedup; it is applied here to the union, as the full detector
		// applies it to the same findings.
		return dropShadowed(out)
	}
	if decode && needsDecode(f.Raw) {
		return detectIn(ctx, r.detectors()[1][1], f)
	}
	return detectIn(ctx, r.pick(f.Raw, false), f)
}

// pick returns the detector for a fragment.
func (r *router) pick(text string, decode bool) *detect.Detector {
	dec, gen := 0, 1
	if decode && needsDecode(text) {
		dec = 1
	}
	// Decoded text can hold what the raw text does not, so the generic
	// test applies only when nothing will be decoded.
	if r.genericFast && dec == 0 && !genericCandidate(text) {
		gen = 0
	}
	return r.detectors()[dec][gen]
}
