// Package oidc: OpenID Connect ID tokens verified with keys fetched
// from the identity provider, with and without an audience check.
package oidc

import (
	"context"
	"crypto/rsa"
	"errors"
	"io"
	"net/http"
	"slices"

	jwt "github.com/golang-jwt/jwt/v5"
	"github.com/lestrrat-go/jwx/v2/jwk"
)

type scheme struct {
	jwksURL  string
	clientID string
	cache    *jwk.Cache
	claims   map[string]string // claims an operator requires
}

type idClaims struct {
	jwt.RegisteredClaims
	Email string `json:"email"`
}

func (s *scheme) keyfunc(ctx context.Context) jwt.Keyfunc {
	return func(t *jwt.Token) (any, error) {
		set, err := s.cache.Get(ctx, s.jwksURL)
		if err != nil {
			return nil, err
		}
		return set, nil
	}
}

// Positive: the provider's keys, no audience, claims used here.
func (s *scheme) Auth(ctx context.Context, raw string) (string, error) {
	c := &idClaims{}
	tok, err := jwt.ParseWithClaims(raw, c, s.keyfunc(ctx)) // want `jwt.ParseWithClaims verifies an OpenID Connect token with keys fetched from the identity provider, without checking its audience`
	if err != nil || !tok.Valid {
		return "", errors.New("invalid token")
	}
	for name, want := range s.claims {
		if got, _ := c.Subject, name; got != want {
			return "", errors.New("claim mismatch")
		}
	}
	return c.Email, nil
}

// Near miss: the audience is an option of the parse.
func (s *scheme) AuthWithAudience(ctx context.Context, raw string) (string, error) {
	c := &idClaims{}
	if _, err := jwt.ParseWithClaims(raw, c, s.keyfunc(ctx), jwt.WithAudience(s.clientID)); err != nil {
		return "", err
	}
	return c.Email, nil
}

// Near miss: the function compares the audience itself.
func (s *scheme) AuthReadsAudience(ctx context.Context, raw string) (string, error) {
	c := &idClaims{}
	if _, err := jwt.ParseWithClaims(raw, c, s.keyfunc(ctx)); err != nil {
		return "", err
	}
	if !slices.Contains(c.Audience, s.clientID) {
		return "", errors.New("token not issued to this client")
	}
	return c.Email, nil
}

func getKeysFromHTTP(u string) ([]byte, error) {
	res, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	return io.ReadAll(res.Body)
}

// IDTokenKeys reads the provider's key set, from a cache or its URL.
func IDTokenKeys(u string) ([]byte, error) { return getKeysFromHTTP(u) }

// VerifyIDToken returns the claims: its callers decide.
func VerifyIDToken(raw, keyURL string) (jwt.MapClaims, error) { // want VerifyIDToken:"ID token verified without audience by jwt.Parse"
	keys, err := IDTokenKeys(keyURL)
	if err != nil {
		return nil, err
	}
	tok, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) { return keys, nil }, jwt.WithValidMethods([]string{"RS256"}))
	if err != nil || !tok.Valid {
		return nil, errors.New("invalid token")
	}
	claims, ok := tok.Claims.(jwt.MapClaims)
	if !ok {
		return nil, errors.New("invalid token")
	}
	return claims, nil
}

// Near miss: a caller that checks the audience.
func VerifyLogoutToken(raw, keyURL, clientID string) error {
	claims, err := VerifyIDToken(raw, keyURL)
	if err != nil {
		return err
	}
	aud, err := claims.GetAudience()
	if err != nil || !slices.Contains(aud, clientID) {
		return errors.New("logout token audience mismatch")
	}
	return nil
}

// Positive: a caller that checks the subject only.
func checkSubject(raw, keyURL, sub string) bool {
	claims, err := VerifyIDToken(raw, keyURL) // want `VerifyIDToken verifies an OpenID Connect token with keys fetched from the identity provider and checks no audience, and this caller does not either`
	return err == nil && claims["sub"] == sub
}

// Near miss: a caller that hands the claims on decides nothing.
func claimsFor(raw, keyURL string) (jwt.MapClaims, error) {
	return VerifyIDToken(raw, keyURL)
}

// Near miss: keys the program holds (its own signing key) are not the
// provider's; its own tokens often carry no audience.
func (s *scheme) verifyOwnIDToken(raw string, key *rsa.PublicKey) (string, error) {
	c := &idClaims{}
	if _, err := jwt.ParseWithClaims(raw, c, func(*jwt.Token) (any, error) { return key, nil }); err != nil {
		return "", err
	}
	return c.Email, nil
}
