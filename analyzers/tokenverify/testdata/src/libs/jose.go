// Package libs holds the unverified and no-expiry cases of the JWT
// libraries beyond golang-jwt, as the shared table describes them.
package libs

import (
	"context"
	"errors"
	"net/http"
	"time"

	josev3 "github.com/go-jose/go-jose/v3/jwt"
	jose "github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
	josev2 "gopkg.in/square/go-jose.v2/jwt"
)

type ctxKey struct{}

type roleClaims struct {
	jwt.Claims
	Role string `json:"role"`
}

// --- go-jose positives ---

// The role of an unverified token decides access.
func joseAdmin(raw string) (bool, error) {
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.RS256})
	if err != nil {
		return false, err
	}
	var c roleClaims
	if err := tok.UnsafeClaimsWithoutVerification(&c); err != nil { // want `claims of a token parsed with \(\*jwt.JSONWebToken\).UnsafeClaimsWithoutVerification without verifying its signature are returned as the result at line 36; verify it with \(\*jwt.JSONWebToken\).Claims and the key first`
		return false, err
	}
	return c.Role == "admin", nil
}

// v2: the subject becomes the request identity.
func joseV2Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok, err := josev2.ParseSigned(r.Header.Get("Authorization"))
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		var c josev2.Claims
		_ = tok.UnsafeClaimsWithoutVerification(&c) // want `set the request identity`
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, c.Subject)))
	})
}

// Verified, but the expiry is never checked.
func joseNoValidate(raw string, key []byte) (string, error) {
	tok, err := josev3.ParseSigned(raw)
	if err != nil {
		return "", err
	}
	var c josev3.Claims
	if err := tok.Claims(key, &c); err != nil { // want `claims c verified with \(\*jwt.JSONWebToken\).Claims are never validated: go-jose checks the signature only`
		return "", err
	}
	return c.Subject, nil
}

func joseNoValidateEmbedded(raw string, key any) (string, error) {
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.ES256})
	if err != nil {
		return "", err
	}
	var c roleClaims
	if err := tok.Claims(key, &c); err != nil { // want `claims c verified with`
		return "", err
	}
	return c.Role, nil
}

// --- go-jose near misses ---

// Verified and validated: silent.
func joseValidated(raw string, key []byte) (string, error) {
	tok, err := josev3.ParseSigned(raw)
	if err != nil {
		return "", err
	}
	var c josev3.Claims
	if err := tok.Claims(key, &c); err != nil {
		return "", err
	}
	if err := c.ValidateWithLeeway(josev3.Expected{Time: time.Now()}, time.Minute); err != nil {
		return "", err
	}
	return c.Subject, nil
}

// Embedded claims validated through the embedded field: silent.
func joseValidatedEmbedded(raw string, key any) (string, error) {
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.ES256})
	if err != nil {
		return "", err
	}
	var c roleClaims
	if err := tok.Claims(key, &c); err != nil {
		return "", err
	}
	if err := c.Claims.Validate(jwt.Expected{Time: time.Now()}); err != nil {
		return "", err
	}
	return c.Role, nil
}

// The claims are handed to a helper that may validate them: silent.
func joseHandedOver(raw string, key any) error {
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.ES256})
	if err != nil {
		return err
	}
	var c jwt.Claims
	if err := tok.Claims(key, &c); err != nil {
		return err
	}
	return checkClaims(c)
}

func checkClaims(c jwt.Claims) error { return c.Validate(jwt.Expected{Time: time.Now()}) }

// The unverified issuer picks the key, then the token is verified:
// silent.
func joseRouting(raw string, keys map[string]any) (string, error) {
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.RS256})
	if err != nil {
		return "", err
	}
	var peek jwt.Claims
	if err := tok.UnsafeClaimsWithoutVerification(&peek); err != nil {
		return "", err
	}
	key, ok := keys[peek.Issuer]
	if !ok {
		return "", errors.New("unknown issuer")
	}
	var c jwt.Claims
	if err := tok.Claims(key, &c); err != nil {
		return "", err
	}
	if err := c.Validate(jwt.Expected{Issuer: peek.Issuer, Time: time.Now()}); err != nil {
		return "", err
	}
	return c.Subject, nil
}

// Unverified claims only logged: silent.
func joseLogOnly(raw string, logf func(string, ...any)) {
	tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.RS256})
	if err != nil {
		return
	}
	var c jwt.Claims
	_ = tok.UnsafeClaimsWithoutVerification(&c)
	logf("token for %s", c.Subject)
}
