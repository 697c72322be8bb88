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

// roleLocalInstance is a key given beside the address of the instance it
// is for, when that address is the developer's own machine (weaviate's
// weaviate.conf.json: "development": {"external_instances": [{"url":
// "http://localhost:8070", "api_key": …, "api_token": …}]}): the key of a
// server that runs only there. Lowers name-matched values only
// (findings.go): a provider's own key format beside a local proxy's URL
// is that provider's key.
const roleLocalInstance = "the key of a server on the developer's machine (its localhost URL beside it)"

// localInstanceLine is a configuration line giving a server's address
// at localhost.
var localInstanceLine = regexp.MustCompile(`(?i)^\s*(?:#+\s*|//\s*)?["']?(?:url|uri|host|endpoint|server|address|addr|base[_-]?url|api[_-]?url|server[_-]?url)["']?\s*[:=]\s*["']?(?:https?|wss?)://(?:localhost|127\.0\.0\.1|\[::1\]|0\.0\.0\.0)(?:[:/"'\s]|$)`)

// localInstance reports whether the line at ls sits in a block that
// gives a server address at localhost, at its depth.
func localInstance(text string, ls int) bool {
	return blockLine(text, ls, localIssuerNear, depthOf, localInstanceLine.MatchString)
}
