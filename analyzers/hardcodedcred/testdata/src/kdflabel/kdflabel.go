// Package kdflabel keys HMACs with constants. Where the MAC is then fed
// a secret, the constant is a key-derivation label (the secret is the
// key material); where it is fed only public data, the constant is the
// key and is reported.
package kdflabel

import (
	"crypto/hmac"
	"crypto/sha256"
	"fmt"
	"io"
)

// Silent: a signing key derived from an access key and its secret.
func deriveSigningKey(accessKey, secret string) []byte {
	h := hmac.New(sha256.New, []byte("storage-iceberg-oauth"))
	h.Write([]byte(accessKey))
	h.Write([]byte{0})
	h.Write([]byte(secret))
	return h.Sum(nil)
}

type account struct {
	ID       string
	Password string
}

// Silent: the label keys a MAC written the account's password.
func passwordKey(a account) []byte {
	mac := hmac.New(sha256.New, []byte("export-key-v1"))
	io.WriteString(mac, a.Password)
	return mac.Sum(nil)
}

// Silent: fmt.Fprint into the MAC.
func sessionKey(clientSecret string) []byte {
	mac := hmac.New(sha256.New, []byte("session-key-derivation"))
	fmt.Fprint(mac, clientSecret)
	return mac.Sum(nil)
}

// Near miss: the constant keys a MAC over a public body.
func signBody(body []byte) []byte {
	h := hmac.New(sha256.New, []byte("f3c9a1d27be84e06")) // want `HMAC key passed to hmac.New is a string literal`
	h.Write(body)
	return h.Sum(nil)
}

// Near miss: fed a constant named like a secret, which is another label.
const secretLabel = "context"

func labelled(body []byte) []byte {
	h := hmac.New(sha256.New, []byte("8d2e7f1a90c4b36e")) // want `HMAC key passed to hmac.New is a string literal`
	h.Write([]byte(secretLabel))
	h.Write(body)
	return h.Sum(nil)
}

// Near miss: the secret is written to another MAC.
func other(secret string, body []byte) []byte {
	h := hmac.New(sha256.New, []byte("b71c0e5f2a9d4836")) // want `HMAC key passed to hmac.New is a string literal`
	h2 := hmac.New(sha256.New, []byte(secret))
	h2.Write(body)
	h.Write(body)
	return append(h.Sum(nil), h2.Sum(nil)...)
}
