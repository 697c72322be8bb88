// Package maclib computes MACs and digests for other packages (go-zero's
// core/codec).
package maclib

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"io"
)

// Hmac returns the HMAC of body under key.
func Hmac(key []byte, body string) []byte { // want Hmac:"HMAC result"
	h := hmac.New(sha256.New, key)
	io.WriteString(h, body)
	return h.Sum(nil)
}

// HmacBase64 returns it base64-encoded.
func HmacBase64(key []byte, body string) string { // want HmacBase64:"HMAC result"
	return base64.StdEncoding.EncodeToString(Hmac(key, body))
}

// Sha256Hex is an unkeyed digest.
func Sha256Hex(body string) string { // want Sha256Hex:"digest result"
	sum := sha256.Sum256([]byte(body))
	return hex.EncodeToString(sum[:])
}
