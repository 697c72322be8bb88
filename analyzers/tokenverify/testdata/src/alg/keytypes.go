package alg

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"errors"

	"github.com/golang-jwt/jwt/v5"
)

// Library-enforced safety: golang-jwt refuses a key of the wrong type
// for the header's algorithm (HS* needs []byte; RS*, PS* an
// *rsa.PublicKey; ES* an *ecdsa.PublicKey; EdDSA an ed25519.PublicKey),
// so a key function that can only return typed public keys cannot be
// steered into HMAC with the public key as secret.

var (
	ecKey  *ecdsa.PublicKey
	edKey  ed25519.PublicKey
	rsaPub *rsa.PublicKey
	hmacK  = []byte("k")
)

// --- near misses: only typed public keys ---

func ecdsaOnly(raw string) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) { return ecKey, nil })
	return err
}

func ed25519Only(raw string) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) { return edKey, nil })
	return err
}

// An interface variable that only ever holds public keys.
func typedViaInterface(raw string, useEC bool) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		var k any = rsaPub
		if useEC {
			k = ecKey
		}
		return k, nil
	})
	return err
}

// A map of typed public keys looked up by kid.
var publicKeys = map[string]any{"a": rsaPub, "b": ecKey}

func byKidTyped(raw string) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		kid, _ := t.Header["kid"].(string)
		k, ok := publicKeys[kid]
		if !ok {
			return nil, errors.New("unknown kid")
		}
		return k, nil
	})
	return err
}

// --- positives: a []byte can come out ---

// Mixed: an RSA key or an HMAC secret, chosen by the token's kid.
func mixedKeys(raw string) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) { // want `returns an HMAC`
		if t.Header["kid"] == "legacy" {
			return hmacK, nil
		}
		return rsaPub, nil
	})
	return err
}

// An interface variable that may hold a []byte.
func bytesViaInterface(raw string, legacy bool) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) { // want `returns an HMAC`
		var k any = rsaPub
		if legacy {
			k = hmacK
		}
		return k, nil
	})
	return err
}

// A map of interface values with a []byte among them.
var mixedKeySet = map[string]any{"a": rsaPub, "legacy": []byte("shared")}

func byKidMixed(raw string) error {
	_, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) { // want `returns an HMAC`
		kid, _ := t.Header["kid"].(string)
		return mixedKeySet[kid], nil
	})
	return err
}
