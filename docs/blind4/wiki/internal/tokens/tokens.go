// Package tokens checks the wiki's bearer tokens (RS256, go-jose v4).
package tokens

import (
	"crypto/rsa"
	"errors"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

// Claims are the wiki's token claims.
type Claims struct {
	jwt.Claims
	Roles []string `json:"roles"`
}

// Checker verifies tokens from the identity service.
type Checker struct {
	Key       *rsa.PublicKey
	LegacyKey *rsa.PublicKey
	Issuer    string
	Audience  string
}

var algs = []jose.SignatureAlgorithm{jose.RS256}

// Check verifies signature, issuer, audience and expiry.
func (c *Checker) Check(raw string) (*Claims, error) {
	tok, err := jwt.ParseSigned(raw, algs)
	if err != nil {
		return nil, err
	}
	var cl Claims
	if err := tok.Claims(c.Key, &cl); err != nil { // NEAR tokenverify v16
		return nil, err
	}
	if err := cl.Validate(jwt.Expected{Issuer: c.Issuer, AnyAudience: jwt.Audience{c.Audience}, Time: time.Now()}); err != nil {
		return nil, err
	}
	return &cl, nil
}

// CheckLegacy verifies the signature of the old service's tokens.
func (c *Checker) CheckLegacy(raw string) (*Claims, error) {
	tok, err := jwt.ParseSigned(raw, algs)
	if err != nil {
		return nil, err
	}
	var cl Claims
	if err := tok.Claims(c.LegacyKey, &cl); err != nil { // WANT tokenverify V15
		return nil, err
	}
	if cl.Subject == "" {
		return nil, errors.New("no subject")
	}
	return &cl, nil
}

// CheckAny picks the key by issuer, then verifies and validates.
func (c *Checker) CheckAny(raw string) (*Claims, error) {
	tok, err := jwt.ParseSigned(raw, algs)
	if err != nil {
		return nil, err
	}
	var peek jwt.Claims
	if err := tok.UnsafeClaimsWithoutVerification(&peek); err != nil { // NEAR tokenverify v17
		return nil, err
	}
	key := c.Key
	if peek.Issuer != c.Issuer {
		key = c.LegacyKey
	}
	var cl Claims
	if err := tok.Claims(key, &cl); err != nil {
		return nil, err
	}
	if err := cl.ValidateWithLeeway(jwt.Expected{Time: time.Now()}, time.Minute); err != nil {
		return nil, err
	}
	return &cl, nil
}

// RolesOf reads the roles of a token.
func RolesOf(raw string) []string {
	tok, err := jwt.ParseSigned(raw, algs)
	if err != nil {
		return nil
	}
	var cl Claims
	if err := tok.UnsafeClaimsWithoutVerification(&cl); err != nil { // ALT V16
		return nil
	}
	return cl.Roles // WANT tokenverify V16
}
