// Package splitlib is a helper package that imports no logger and no
// credential source: it only parses and digests strings its callers
// give it. Its summaries are what callers in other packages follow.
package splitlib

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strings"
)

// ParseBasicAuth splits a Basic Authorization header value.
func ParseBasicAuth(h string) (user, token string, found bool) { // want ParseBasicAuth:`param 0 flows to result 1`
	c, _ := base64.StdEncoding.DecodeString(strings.TrimPrefix(h, "Basic "))
	return strings.Cut(string(c), ":")
}

// Fingerprint is a digest of s.
func Fingerprint(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}
