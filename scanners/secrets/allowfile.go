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

// scannerAllowFile matches the allowlist files of other secret scanners.
var scannerAllowFile = regexp.MustCompile(`(?:^|/)(?:\.gitallowed|\.secretsignore)$`)

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
