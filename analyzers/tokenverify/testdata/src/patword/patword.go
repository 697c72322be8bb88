// Package patword: "pat" is the initialism of a personal access token
// only when it is spelled as one (githubPAT, GITHUB_PAT) or follows a
// word naming who issues such tokens (ghPat, gitlab_pat). Spelled as a
// word after anything else (rwPat, hostPat, url_pat) it is the common
// abbreviation of pattern: a DNS rewrite's domain pattern compared with
// its answer is no credential comparison.
package patword

type Rewrite struct {
	Domain string
	Answer string
}

type Config struct {
	GitHubPAT string
	ghPat     string
}

// Positives.

// CheckPAT compares a presented token with the configured GitHub PAT.
func (c *Config) CheckPAT(presented string) bool {
	return presented == c.GitHubPAT // want `compared with ==`
}

// CheckGhPat does the same with a forge-qualified name spelled as a word.
func (c *Config) CheckGhPat(presented string) bool {
	return presented == c.ghPat // want `compared with ==`
}

// Near misses.

// IsSelfRewrite reports a rewrite of a pattern onto itself.
func IsSelfRewrite(rw *Rewrite, host string) bool {
	rwPat := rw.Domain
	rwAns := rw.Answer
	return host == rwAns || rwPat == rwAns
}

// MatchesHost compares a host pattern with a host.
func MatchesHost(hostPat, host string) bool {
	return hostPat == host
}

// SamePattern compares two URL patterns.
func SamePattern(url_pat, other string) bool {
	return url_pat == other
}
