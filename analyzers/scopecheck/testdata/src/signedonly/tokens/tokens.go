// Package tokens verifies tokens for the middlewares of package
// signedonly: one verifier names no caller (it returns only an error),
// one returns the claims, and one looks the token up in a store; two
// check an identity provider's token and return only an error.
package tokens

import (
	"context"
	"errors"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/golang-jwt/jwt/v5"
	"google.golang.org/api/idtoken"
)

func keyFunc(*jwt.Token) (interface{}, error) { return []byte("k"), nil }

// TokenService verifies requests signed by the control plane.
type TokenService interface {
	ValidateRequest(token string) error
}

type tokenService struct{}

// New returns the service.
func New() TokenService { return &tokenService{} }

// ValidateRequest checks the signature and says nothing about the
// caller.
func (ts *tokenService) ValidateRequest(token string) error {
	parsed, err := jwt.Parse(token, keyFunc)
	if err != nil {
		return err
	}
	if !parsed.Valid {
		return errors.New("invalid")
	}
	return nil
}

// Valid checks the signature and answers yes or no.
func Valid(token string) bool {
	_, err := jwt.Parse(token, keyFunc)
	return err == nil
}

// Claims checks the signature and returns the claims: the caller can
// read the subject.
func Claims(token string) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	_, err := jwt.ParseWithClaims(token, claims, keyFunc)
	return claims, err
}

var keys = map[string]string{}

// Lookup finds a user's API key in the store: one of many callers.
func Lookup(key string) error {
	if _, ok := keys[key]; !ok {
		return errors.New("unknown key")
	}
	return nil
}

var idp *oidc.IDTokenVerifier

// GoogleUser validates a Google-signed ID token and drops the payload:
// the signer is an identity provider issuing tokens to any of its
// users, so the check still identifies one of many callers.
func GoogleUser(ctx context.Context, raw string) error {
	_, err := idtoken.Validate(ctx, raw, "https://app.example.com")
	return err
}

// OIDCUser verifies an identity provider's ID token and drops it.
func OIDCUser(ctx context.Context, raw string) error {
	_, err := idp.Verify(ctx, raw)
	return err
}
