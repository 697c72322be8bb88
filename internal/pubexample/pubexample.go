// Package pubexample recognises credential values that providers and
// specifications publish in their documentation: AWS's example secret
// key, Stripe's documented test keys, GitHub's documentation token, the
// RFC 6749 examples, jwt.io's sample token. Such a value grants nothing,
// wherever it is found. The secret scanner's triage and the
// hardcodedcred analyzer ask the same table.
//
// The values are stored as SHA-256 prefixes, so that this package holds
// no key-shaped text for a scanner to find.
package pubexample

import (
	"crypto/sha256"
	"encoding/hex"
)

var published = map[string]string{
	"6c96130f130ab0d6d158397e24d2bcc1": "RFC 6749's example access token",      // gitleaks:allow (a hash prefix, not a key)
	"00cf4c781dc37003f7c7dd7d4c9a6ef1": "RFC 6749's example refresh token",     // gitleaks:allow (a hash prefix, not a key)
	"a35b81a7d7927b70ec99270dd2362b88": "RFC 6749's example state value",       // gitleaks:allow (a hash prefix, not a key)
	"78314b11be2e581549ac1c4f616563fa": "AWS's documentation example key",      // gitleaks:allow (a hash prefix, not a key)
	"2cafc0970149a84f3b9e62eaf169f36f": "Stripe's documentation example key",   // gitleaks:allow (a hash prefix, not a key)
	"b1471f544ceeea31333bde7e1ecbaad6": "Stripe's documentation example key",   // gitleaks:allow (a hash prefix, not a key)
	"f2d6ca16515033e5dce14eba840b979d": "Stripe's documentation example key",   // gitleaks:allow (a hash prefix, not a key)
	"3543c50b0cb9cea8e55eb1f529b79f04": "GitHub's documentation example token", // gitleaks:allow (a hash prefix, not a key)
	"7f75367e7881255134e1375e723d1dea": "jwt.io's sample token",                // gitleaks:allow (a hash prefix, not a key)
}

// Lookup says which published example v is, if it is one.
func Lookup(v string) (why string, ok bool) {
	sum := sha256.Sum256([]byte(v))
	why, ok = published[hex.EncodeToString(sum[:])[:32]]
	return why, ok
}
