package secrets

import (
	"context"
	"strings"

	"github.com/authvet/authvet/scanners/gitleaksrules"
)

// roleKeywordInWord is a run of hex digits that a provider's rule
// matched only because its keyword occurs in the text inside a longer
// word. gitleaks' keyword prefilter is a substring test, and some rules'
// patterns accept bare hex (Sourcegraph's legacy tokens: any 40 hex
// digits, the shape of every SHA-1 and git commit id) with the keyword
// as their only evidence; "sourcegraph" inside "ResourceGraph" is none.
const roleKeywordInWord = "a run of hex digits whose only sign of being this provider's token is the rule's keyword inside another word (such as \"sourcegraph\" in \"ResourceGraph\")"

// keywordOnlyInWord reports whether hit h, of a rule with keywords and
// not generic-api-key, is bare hex (32 digits or more) and every
// occurrence of every keyword of its rule in text is inside a longer
// word: a letter or digit right before it. A keyword at the start of a
// word (sourcegraph.com, SOURCEGRAPH_TOKEN, src_sourcegraph) counts as
// evidence, as gitleaks intends.
func keywordOnlyInWord(set *gitleaksrules.Set, text string, h *gitleaksrules.Hit) bool {
	if set == nil || h.Decoded || gitleaksrules.IsGeneric(h.RuleID) || len(h.Secret) < 32 || !isHex(h.Secret) {
		return false
	}
	kws := set.RuleKeywords(h.RuleID)
	if len(kws) == 0 {
		return false
	}
	lower := strings.ToLower(text)
	for _, kw := range kws {
		kw = strings.ToLower(kw)
		if kw == "" {
			return false
		}
		for off := 0; ; {
			i := strings.Index(lower[off:], kw)
			if i < 0 {
				break
			}
			i += off
			if i == 0 || !isWordByte(lower[i-1]) {
				return false
			}
			off = i + 1
		}
	}
	return true
}

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9'
}

// genericOnLine reports whether generic-api-key matches secret on the
// line text[ls:le] of f, read alone (where the keyword that selected the
// provider's rule is not).
func genericOnLine(ctx context.Context, set *gitleaksrules.Set, f *fragment, ls, le int, secret string) bool {
	for _, h := range set.Detect(ctx, gitleaksrules.Fragment{Text: f.text[ls:le], Path: f.path}) {
		//authvet:ignore tokenverify/compare -- two matches of the scanner compared; no caller presents either
		if gitleaksrules.IsGeneric(h.RuleID) && h.Secret == secret {
			return true
		}
	}
	return false
}

// keywordRole judges hit h of fragment f, on the line text[ls:le], made
// into occurrence o: when the keyword that selected h's rule is no
// evidence (keywordOnlyInWord), it reports whether generic-api-key
// matches the value on its line (the value is then that rule's, under a
// credential-like name), and otherwise marks o roleKeywordInWord.
func keywordRole(ctx context.Context, set *gitleaksrules.Set, f *fragment, h *gitleaksrules.Hit, ls, le int, o *occurrence) (generic bool) {
	if !keywordOnlyInWord(set, f.text, h) {
		return false
	}
	if genericOnLine(ctx, set, f, ls, le, h.Secret) {
		return true
	}
	if o.role == "" || o.role == roleUnseen {
		o.role = roleKeywordInWord
	}
	return false
}
