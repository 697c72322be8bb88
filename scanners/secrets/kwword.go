package secrets

import (
	"context"
	"regexp"
	"strings"

	"github.com/authvet/authvet/internal/entropy"

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

// roleKeywordInBlob is a generic-api-key match whose credential word is
// inside a run of random text: gitleaks' keyword test is a substring
// test, and its pattern accepts a comma as the separator and newlines
// before the value, so in a Go slice of base64 lines (an embedded,
// gzipped OpenAPI document: `"…MapiCXy3ZW",\n\t"4mKx…",`) "api" inside
// one line's chunk makes the next line a value "assigned" to it. A name
// is not 24 characters of mixed-case letters and digits with the
// variety of random text.
const roleKeywordInBlob = "a value whose only credential-like name is the rule's keyword inside a run of random text (such as a line of an encoded blob), which names nothing"

// genericLead is generic-api-key's pattern between its keyword and its
// value (as genericTail in gitleaksrules), anchored at both ends.
var genericLead = regexp.MustCompile(`(?i)^(?:[ \t\w.-]{0,20})[\s'"]{0,3}(?:=|>|:{1,3}=|\|\||:|=>|\?=|,)[\x60'"\s=]{0,5}$`)

// genericKeywordWords are generic-api-key's keywords, in lower case.
var genericKeywordWords = []string{"access", "api", "auth", "key", "credential", "creds", "passwd", "password", "secret", "token"}

// keywordInBlob reports whether every keyword occurrence that can lead
// generic-api-key's pattern to the value at text[start:] sits inside a
// run of random text (randomRun), and there is one.
func keywordInBlob(text string, start int) bool {
	from := max(0, start-48)
	// Byte for byte: offsets in lower are offsets in text. (Unicode
	// lowering changes lengths: the window's cut through a multi-byte
	// character became a 3-byte replacement character and the offsets
	// ran past the match, a panic on open-im-server's history.)
	lower := gitleaksrules.ToLowerASCII(text[from:start])
	found := false
	for _, kw := range genericKeywordWords {
		for off := 0; ; {
			i := strings.Index(lower[off:], kw)
			if i < 0 {
				break
			}
			at := from + off + i
			off += i + 1
			if !genericLead.MatchString(text[at+len(kw) : start]) {
				continue
			}
			found = true
			if !randomRun(runAround(text, at, at+len(kw))) {
				return false
			}
		}
	}
	return found
}

// runAround widens text[i:j] to the run of base64 characters holding it.
func runAround(text string, i, j int) string {
	b64 := func(c byte) bool {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '+' || c == '/'
	}
	for i > 0 && b64(text[i-1]) {
		i--
	}
	for j < len(text) && b64(text[j]) {
		j++
	}
	return text[i:j]
}

// randomRun reports a run of 24 characters or more with upper and lower
// case letters, three digits or more and the variety of random text
// (Shannon entropy 4 bits a character or more), that is not an
// identifier: a chunk of base64, not a name.
func randomRun(s string) bool {
	if len(s) < 24 || !mixedCase(s) || looksLikeIdentifier(s) || camelWithDigits(s) {
		return false
	}
	digits := 0
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			digits++
		}
	}
	return digits >= 3 && entropy.Shannon(s) >= 4
}
