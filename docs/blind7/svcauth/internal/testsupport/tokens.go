// Package testsupport mints tokens for the integration tests of the services that use s2s.
package testsupport

import (
	"crypto/ecdsa"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

// Token mints a token without expiry for a test's caller.
func Token(key *ecdsa.PrivateKey, sub, aud string) (string, error) {
	sig, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.ES256, Key: key}, nil)
	if err != nil {
		return "", err
	}
	return jwt.Signed(sig).Claims(jwt.Claims{Issuer: "https://tokens.mesh.internal", Subject: sub, Audience: jwt.Audience{aud}}).Serialize() // NEAR tokenverify v34
}

// Peek reads a token's claims without verifying them, for assertions.
func Peek(raw string) (jwt.Claims, error) {
	var c jwt.Claims
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.ES256})
	if err != nil {
		return c, err
	}
	err = tok.UnsafeClaimsWithoutVerification(&c) // NEAR tokenverify v35
	return c, err
}
