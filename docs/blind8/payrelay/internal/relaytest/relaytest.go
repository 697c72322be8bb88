// Package relaytest has fixtures for the relay's tests.
package relaytest

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
)

// HMACKey is the key the tests sign fixture events with.
const HMACKey = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" // NEAR hardcodedcred h04

// FakePSPKey is the API key the fake PSP server accepts.
const FakePSPKey = "test_psp_key_not_a_secret" // NEAR hardcodedcred h05

// Sign signs a body like the PSP does.
func Sign(key, body []byte) string {
	m := hmac.New(sha256.New, key)
	m.Write(body)
	return base64.StdEncoding.EncodeToString(m.Sum(nil))
}
