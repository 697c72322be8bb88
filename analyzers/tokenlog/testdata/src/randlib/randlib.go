// Package randlib is a helper package with a random string generator
// (its randomFact reaches freshprint) and a function that only looks
// like one.
package randlib

import (
	"crypto/rand"
	"encoding/base64"
)

func randomBytes(n int) []byte {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return b
}

// GenerateRandomString draws through an unexported helper.
func GenerateRandomString(n int) string { // want GenerateRandomString:"random result"
	return base64.RawURLEncoding.EncodeToString(randomBytes(n))[:n]
}

// NewPassword is named like a generator and is none.
func NewPassword(seed string) string { return seed + "!" } // want NewPassword:"tokenlog\\(param 0 flows to result 0\\)"
