// Package originval checks a redirect URI's origin against an
// allow-list through helpers that normalise it, known to importers
// through facts.
package originval

import (
	"net/url"
	"regexp"
	"strings"
)

func normalizeOrigin(raw string) string {
	raw = strings.TrimSpace(raw)
	if !strings.HasPrefix(raw, "http://") && !strings.HasPrefix(raw, "https://") {
		raw = "https://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	host := u.Hostname()
	port := u.Port()
	if port == "" || port == "443" || port == "80" {
		return host
	}
	return host + ":" + port
}

func originMatches(configured, candidate string) bool {
	pattern := normalizeOrigin(configured)
	if !strings.Contains(pattern, "*") {
		return pattern == candidate
	}
	expr := strings.ReplaceAll(regexp.QuoteMeta(pattern), `\*`, `[^.]*`)
	matched, err := regexp.MatchString("^"+expr+"$", candidate)
	return err == nil && matched
}

// IsValidRedirectURI reports whether uri's origin is allowed.
func IsValidRedirectURI(uri string, allowed []string, hostname string) bool {
	u, err := url.Parse(uri)
	if err != nil {
		return false
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return false
	}
	origins := allowed
	if len(origins) == 0 {
		origins = []string{"*"}
	}
	redirectOrigin := normalizeOrigin(uri)
	if len(origins) == 1 && origins[0] == "*" {
		return redirectOrigin == normalizeOrigin(hostname)
	}
	for _, o := range origins {
		if originMatches(o, redirectOrigin) {
			return true
		}
	}
	return false
}
