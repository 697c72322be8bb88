package secrets

import "regexp"

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
	return blockLine(text, ls, localIssuerNear, func(l string) int { return len(lineIndent(l)) }, localIssuerLine.MatchString)
}

// blockLine reports whether a line within near lines above or below the
// line at ls, at its depth in the same block (no line between them less
// deep), satisfies match.
func blockLine(text string, ls, near int, depth func(string) int, match func(string) bool) bool {
	want := depth(text[ls:])
	found := false
	visit := func(l string, _ int) bool {
		d := depth(l)
		if d < want {
			return true // the block ended
		}
		found = d == want && match(l)
		return found
	}
	linesAbove(text, ls, near, visit)
	if !found {
		linesBelow(text, ls, near, visit)
	}
	return found
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
