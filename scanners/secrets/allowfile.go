package secrets

import "regexp"

// Values listed in another secret scanner's allowlist file.
//
// git-secrets reads `.gitallowed`, and other scanners a `.secretsignore`,
// a list of values (often AWS example key ids and test keys) the project
// has declared not secret so that those tools stop reporting them. The
// list repeats values found elsewhere in the repository; on its own lines
// they are the project's decision, not a leak. A value whose every
// occurrence is in such a file is rated low (a note, with the reason).
// The same value anywhere else keeps its level, so a real key that was
// allowlisted is still reported where it is used.

// scannerAllowFile matches the allowlist files of secret scanners:
// git-secrets' .gitallowed, a .secretsignore, and gitleaks' own config
// (.gitleaks.toml, gitleaks.toml), whose values sit in allowlist
// regexes and stopwords (lakeFS lists its old example key ids there).
var scannerAllowFile = regexp.MustCompile(`(?:^|/)(?:\.gitallowed|\.secretsignore|\.?gitleaks\.toml)$`)

// allowListed says why a value found at occs is only an allowlist
// entry, or "".
func allowListed(occs []occurrence) string {
	if len(occs) == 0 {
		return ""
	}
	for _, o := range occs {
		if !scannerAllowFile.MatchString(o.path) {
			return ""
		}
	}
	return "a value listed in a secret scanner's allowlist file (git-secrets' .gitallowed, .secretsignore): the project declared it no secret"
}

// Places in an allowlist are not uses. A value that a project lists in
// an allowlist file and also committed elsewhere is judged by the other
// places: the list is the project's decision about the value, not a
// place where it is used. So a key used in code years ago and listed in
// .gitleaks.toml since is a secret only in history (a warning, judged
// by where it was used), not a secret present at the tip in production
// code (an error), and a test key listed in .secretsignore and kept in
// a _test.go file is judged as the test key it is. The value stays
// reported; allowListed covers one found in allowlist files only.

// listedOnlyAtTip reports a group present at the scanned tip only in
// allowlist files while some place in history is not one.
func listedOnlyAtTip(g *group) bool {
	if !g.present {
		return false
	}
	n := 0
	for _, o := range g.here {
		if !scannerAllowFile.MatchString(o.path) {
			return false
		}
		n++
	}
	for _, o := range g.allowedHere {
		if !scannerAllowFile.MatchString(o.path) {
			return false
		}
		n++
	}
	for _, p := range g.headPaths {
		if !scannerAllowFile.MatchString(p) {
			return false
		}
		n++
	}
	return n > 0 && !allListed(g.occs)
}

// allListed reports places all in allowlist files (none is vacuous).
func allListed(os []occurrence) bool {
	for _, o := range os {
		if !scannerAllowFile.MatchString(o.path) {
			return false
		}
	}
	return true
}

// notListed drops the places in allowlist files, unless nothing else is
// left.
func notListed(os []occurrence) []occurrence {
	if allListed(os) {
		return os
	}
	out := make([]occurrence, 0, len(os))
	for _, o := range os {
		if !scannerAllowFile.MatchString(o.path) {
			out = append(out, o)
		}
	}
	return out
}
