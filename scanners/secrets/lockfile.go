package secrets

import "regexp"

// Checksums in dependency lock files.
//
// A package manager records in its lock file what it installed and the
// digest of each package (CocoaPods' SPEC CHECKSUMS and PODFILE
// CHECKSUM, a Cargo.lock checksum, a go.sum hash): hex digests of
// published code, under names that make gitleaks' generic rule fire.
// A value that is a hex digest (the length of an MD5, SHA-1, SHA-224,
// SHA-256, SHA-384 or SHA-512 digest) found only in lock files is rated
// low: a note, with the reason. A token in a lock file (a registry URL
// with credentials) is no digest and is judged as before, and so is the
// same digest anywhere else.

// lockFile matches the lock files of common package managers.
var lockFile = regexp.MustCompile(`(?i)(?:^|/)(?:[^/]+\.lock|[^/]+\.lockfile|package-lock\.json|npm-shrinkwrap\.json|pnpm-lock\.ya?ml|packages\.lock\.json|go\.sum)$`)

// digestLens are the hex lengths of common digests.
var digestLens = map[int]bool{32: true, 40: true, 56: true, 64: true, 96: true, 128: true}

// lockChecksum says why value, found at occs, is a lock file's
// checksum, or "".
func lockChecksum(value string, occs []occurrence) string {
	if !digestLens[len(value)] || len(occs) == 0 {
		return ""
	}
	for _, r := range value {
		if !('0' <= r && r <= '9' || 'a' <= r && r <= 'f' || 'A' <= r && r <= 'F') {
			return ""
		}
	}
	for _, o := range occs {
		if !lockFile.MatchString(o.path) {
			return ""
		}
	}
	return "a hex digest in a dependency lock file: the checksum of a package, not a key"
}
