package secrets

import (
	"regexp"
	"strings"
)

// roleLocalIssuer is a client secret configured beside an issuer on
// localhost: the identity provider that issued it runs on the
// developer's machine (uptrace's commented Keycloak example,
// issuer_url: http://localhost:8080/realms/uptrace), so the secret
// opens nothing anywhere else. The redirect URL does not count: a real
// provider's client may redirect to localhost while developing.
const roleLocalIssuer = "a client secret of an identity provider on localhost (its issuer URL beside it)"

// localIssuerLine is a configuration line naming the identity provider
// at localhost: its issuer, provider, authorization or token URL.
var localIssuerLine = regexp.MustCompile(`(?i)^\s*(?:#+\s*|//\s*)?["']?(?:issuer(?:[_-]?url|[_-]?uri)?|provider[_-]?url|oidc[_-]?issuer|auth(?:orization)?[_-]?url|token[_-]?url)["']?\s*[:=]\s*["']?https?://(?:localhost|127\.0\.0\.1|\[::1\])(?:[:/"'\s]|$)`)

// localIssuerNear is the number of lines above and below the value
// searched for the issuer, within the same block.
const localIssuerNear = 12

// localIssuer reports whether the line at ls has an issuer on localhost
// among the lines around it at the same indent (the same mapping; a
// commented block keeps its comment marker and indent).
func localIssuer(text string, ls int) bool {
	le := strings.IndexByte(text[ls:], '\n')
	if le < 0 {
		le = len(text) - ls
	}
	line := text[ls : ls+le]
	indent := lineIndent(line)
	check := func(l string) (match, stop bool) {
		if strings.TrimSpace(l) == "" {
			return false, false
		}
		in := lineIndent(l)
		if len(in) < len(indent) {
			return false, true // the block ended
		}
		return in == indent && localIssuerLine.MatchString(l), false
	}
	// Above.
	for end, i := ls, 0; end > 0 && i < localIssuerNear; i++ {
		from := strings.LastIndexByte(text[:end-1], '\n') + 1
		m, stop := check(text[from : end-1])
		if m {
			return true
		}
		if stop {
			break
		}
		end = from
	}
	// Below.
	for from, i := ls+le+1, 0; from < len(text) && i < localIssuerNear; i++ {
		to := strings.IndexByte(text[from:], '\n')
		if to < 0 {
			to = len(text) - from
		}
		m, stop := check(text[from : from+to])
		if m {
			return true
		}
		if stop {
			break
		}
		from += to + 1
	}
	return false
}

// lineIndent is a line's leading run of spaces, tabs and comment
// markers with the spaces after them: "#     " for a commented YAML key.
func lineIndent(l string) string {
	i := 0
	for i < len(l) && (l[i] == ' ' || l[i] == '\t' || l[i] == '#' || (l[i] == '/' && i+1 < len(l) && l[i+1] == '/')) {
		if l[i] == '/' {
			i += 2
			continue
		}
		i++
	}
	return l[:i]
}
