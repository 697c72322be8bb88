package gitleaksrules

import (
	"context"
	"strings"

	"github.com/zricethezav/gitleaks/v8/detect"
	"github.com/zricethezav/gitleaks/v8/report"
	"github.com/zricethezav/gitleaks/v8/sources"
)

// GenericRuleID is gitleaks' catch-all rule. Specific rules win over it.
const GenericRuleID = "generic-api-key"

// Fragment is a piece of text to scan and where it comes from.
type Fragment struct {
	// Text is the content: a file, or the added lines of a diff hunk.
	Text string
	// Path is the slash-separated path of the file, used by path
	// allowlists and path rules; empty when the text has no file.
	Path string
	// Commit is the commit the text was added in, for commit allowlists.
	Commit string
	// Decode enables gitleaks' decoding of base64, hex, percent and
	// unicode-escaped values, up to DefaultMaxDecodeDepth levels.
	Decode bool
}

// Hit is one secret found in a Fragment. It holds the raw secret: callers
// must redact it (finding.Redact) before it leaves them.
type Hit struct {
	// RuleID is the gitleaks rule id (without the "secret/" prefix).
	RuleID string
	// Secret is the matched secret value (after decoding, if Decoded).
	Secret string
	// Start and End are byte offsets in Fragment.Text of the secret or,
	// for a decoded secret, of the encoded text it came from.
	Start, End int
	// Decoded reports that the secret was found after decoding.
	Decoded bool
	// PathOnly reports a rule that matches a file by its name alone
	// (e.g. a PKCS#12 file); Start and End are then zero.
	PathOnly bool
	// Entropy is the Shannon entropy of the secret.
	Entropy float64
	// Tags are the rule's tags plus gitleaks' decoding tags.
	Tags []string
}

// Detect runs the rule set over f and returns its hits in text order,
// with generic-api-key hits dropped where a specific rule matched
// overlapping bytes.
func (s *Set) Detect(ctx context.Context, f Fragment) []Hit {
	fs := s.route.detect(ctx, sources.Fragment{Raw: f.Text, FilePath: f.Path, CommitSHA: f.Commit}, f.Decode)
	return toHits(fs, f.Text)
}

// toHits converts gitleaks' findings for text into hits.
func toHits(fs []report.Finding, text string) []Hit {
	if len(fs) == 0 {
		return nil
	}
	var nl []int // offsets of '\n' in text, computed once
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			nl = append(nl, i)
		}
	}
	hits := make([]Hit, 0, len(fs))
	for i := range fs {
		hits = append(hits, toHit(&fs[i], text, nl))
	}
	return preferSpecific(hits)
}

// toHit converts a gitleaks finding, recovering byte offsets from its
// line and column. gitleaks' columns count from the previous newline
// byte on every line but the first, so the previous newline's offset
// plus the column gives the byte offset on all lines.
func toHit(gf *report.Finding, text string, nl []int) Hit {
	h := Hit{RuleID: gf.RuleID, Secret: gf.Secret, Entropy: float64(gf.Entropy), Tags: gf.Tags}
	for _, t := range gf.Tags {
		if strings.HasPrefix(t, "decoded:") {
			h.Decoded = true
		}
	}
	if strings.HasPrefix(gf.Match, "file detected: ") && gf.Secret == "" {
		h.PathOnly = true
		return h
	}
	prev := func(line int) int {
		if line <= 0 || len(nl) == 0 {
			return 0
		}
		if line > len(nl) {
			line = len(nl)
		}
		return nl[line-1]
	}
	ms := clamp(prev(gf.StartLine)+gf.StartColumn-1, len(text))
	me := clamp(prev(gf.EndLine)+gf.EndColumn, len(text))
	if me < ms {
		me = ms
	}
	if h.Decoded {
		h.Start, h.End = ms, me
		return h
	}
	if !strings.HasPrefix(text[ms:], gf.Match) {
		// The position arithmetic disagrees with the text (a match that
		// gitleaks trimmed of newlines); find the match itself.
		if i := strings.Index(text, gf.Match); i >= 0 {
			ms = i
		}
	}
	me = ms + len(gf.Match)
	if me > len(text) {
		me = len(text)
	}
	// The secret is a capture group of the match, normally its last
	// part (after the key name), hence LastIndex.
	if i := strings.LastIndex(text[ms:me], gf.Secret); i >= 0 && gf.Secret != "" {
		h.Start, h.End = ms+i, ms+i+len(gf.Secret)
	} else if i := strings.Index(text, gf.Secret); i >= 0 && gf.Secret != "" {
		h.Start, h.End = i, i+len(gf.Secret)
	} else {
		h.Start, h.End = ms, me
	}
	return h
}

func clamp(i, n int) int {
	if i < 0 {
		return 0
	}
	if i > n {
		return n
	}
	return i
}

// IsGeneric reports whether a gitleaks rule id names a catch-all rule
// rather than a provider's key format.
func IsGeneric(ruleID string) bool {
	return strings.Contains(strings.ToLower(ruleID), "generic")
}

// preferSpecific drops generic hits whose span overlaps a specific hit's,
// and sorts hits by position.
func preferSpecific(hits []Hit) []Hit {
	out := hits[:0]
	for i, h := range hits {
		if IsGeneric(h.RuleID) && !h.PathOnly {
			shadowed := false
			for j, o := range hits {
				if i != j && !IsGeneric(o.RuleID) && !o.PathOnly && o.Start < h.End && h.Start < o.End {
					shadowed = true
					break
				}
			}
			if shadowed {
				continue
			}
		}
		out = append(out, h)
	}
	sortHits(out)
	return out
}

func sortHits(hs []Hit) {
	// Insertion sort: a fragment yields a handful of hits.
	for i := 1; i < len(hs); i++ {
		for j := i; j > 0 && less(&hs[j], &hs[j-1]); j-- {
			hs[j], hs[j-1] = hs[j-1], hs[j]
		}
	}
}

func less(a, b *Hit) bool {
	if a.Start != b.Start {
		return a.Start < b.Start
	}
	if a.End != b.End {
		return a.End < b.End
	}
	return a.RuleID < b.RuleID
}

// Match is a secret found by Classify.
type Match struct {
	RuleID      string // gitleaks rule id, e.g. "stripe-access-token"
	Description string // the rule's short description
	Provider    string // the key's provider, e.g. "Stripe"; empty if unknown
	// Start and End are the byte offsets of the secret within the
	// classified string.
	Start, End int
}

// Classify runs the default rules over s, without decoding. Keyword-gated
// rules (generic-api-key and many provider rules) need their keyword in s,
// so pass `name = "value"` to classify an assignment's value.
func Classify(s string) []Match { return Default().Classify(s) }

// Classify runs the set's rules over s, without decoding.
func (set *Set) Classify(s string) []Match {
	if len(s) < minSecretLen {
		return nil
	}
	hits := set.Detect(context.Background(), Fragment{Text: s})
	if len(hits) == 0 {
		return nil
	}
	ms := make([]Match, 0, len(hits))
	for _, h := range hits {
		if h.PathOnly {
			continue
		}
		r := set.rule(h.RuleID)
		m := Match{RuleID: h.RuleID, Start: h.Start, End: h.End}
		if r != nil {
			m.Description = r.Short
		}
		if p := providerFor(h.RuleID); p != nil {
			m.Provider = p.Name
		}
		ms = append(ms, m)
	}
	return ms
}

// minSecretLen is below the shortest secret any default rule accepts
// (gitleaks' shortest formats are around 10 characters), so shorter
// strings skip the detector without losing a match.
const minSecretLen = 8

// detectIn runs d over f. It is the one place authvet names
// detect.Fragment, which gitleaks v8 marks deprecated ("replaced with
// sources.Fragment in v9") yet still takes as the parameter of
// Detector.DetectContext: the only per-fragment entry point with no state
// (DetectSource, the non-deprecated one, appends every finding to the
// detector and applies its ignore and baseline lists, so it cannot serve
// concurrent scans of many fragments). Everything else uses
// sources.Fragment, so moving to v9 changes this line only;
// TestGitleaksVersionPinned fails on an upgrade to make someone look.
func detectIn(ctx context.Context, d *detect.Detector, f sources.Fragment) []report.Finding {
	//lint:ignore SA1019 no non-deprecated per-fragment entry point in gitleaks v8 (see above)
	return d.DetectContext(ctx, detect.Fragment(f))
}
