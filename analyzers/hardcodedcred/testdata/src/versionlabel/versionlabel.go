// Package versionlabel keys HMACs with literals. A vendor app's
// published version ("2.19.0"), which its API also wants in an
// x-appversion header, is a label the client signs requests with, not
// a secret; anything else spelled in the source is a key.
package versionlabel

import (
	"crypto/hmac"
	"crypto/sha256"
)

const (
	// AppVersion is sent as x-appversion and keys the request signature.
	AppVersion = "2.19.0"
	clientKey  = "3e0b15f6c9c87fbd" // want `HMAC key passed to hmac.New is a string literal \(through const clientKey\)`
)

// Silent: the app version as the HMAC key, through a constant.
func signVersion(body []byte) []byte {
	h := hmac.New(sha256.New, []byte(AppVersion))
	h.Write(body)
	return h.Sum(nil)
}

// Silent: a version with a leading v and two parts.
func signShort(body []byte) []byte {
	h := hmac.New(sha256.New, []byte("v3.1"))
	h.Write(body)
	return h.Sum(nil)
}

// Near miss: a hex key.
func signHex(body []byte) []byte {
	h := hmac.New(sha256.New, []byte(clientKey)) // reported at the constant
	h.Write(body)
	return h.Sum(nil)
}

// Near miss: digits alone are a PIN-like key, not a version.
func signDigits(body []byte) []byte {
	h := hmac.New(sha256.New, []byte("12345678")) // want `HMAC key passed to hmac.New is a string literal`
	h.Write(body)
	return h.Sum(nil)
}

// Near miss: a version followed by a secret part.
func signSuffixed(body []byte) []byte {
	h := hmac.New(sha256.New, []byte("2.19.0-k9Qz2Lm7")) // want `HMAC key passed to hmac.New is a string literal`
	h.Write(body)
	return h.Sum(nil)
}

// Near miss: five dotted parts are no version number.
func signDotted(body []byte) []byte {
	h := hmac.New(sha256.New, []byte("17.4.92.3.55")) // want `HMAC key passed to hmac.New is a string literal`
	h.Write(body)
	return h.Sum(nil)
}
