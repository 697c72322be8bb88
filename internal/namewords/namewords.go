// Package namewords splits identifiers into words, for the analyzers'
// credential names (analyzers/internal/credname) and the secret
// scanner's names of values alike.
package namewords

import (
	"strings"
	"unicode"
)

// Split splits an identifier into lower-case words at case changes,
// digits-to-letters changes and separators: "clientSecretV2" → [client
// secret v2], "X-API-Key" → [x api key], "APIKey" → [api key].
func Split(name string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
			continue
		case unicode.IsUpper(r) && len(cur) > 0:
			prev := rs[i-1]
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || (unicode.IsUpper(prev) && nextLower) {
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	return words
}
