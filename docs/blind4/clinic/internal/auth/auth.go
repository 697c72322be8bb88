// Package auth verifies and mints the clinic's access tokens (HS256, golang-jwt v5).
package auth

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// Claims are the clinic's access-token claims.
type Claims struct {
	jwt.RegisteredClaims
	Scope string   `json:"scope"`
	Roles []string `json:"roles"`
}

// HasScope reports whether the space-separated scope claim holds s.
func (c *Claims) HasScope(s string) bool { return slices.Contains(strings.Fields(c.Scope), s) }

// HasRole reports whether the caller has role r.
func (c *Claims) HasRole(r string) bool { return slices.Contains(c.Roles, r) }

// Verifier checks bearer tokens.
type Verifier struct {
	key    []byte
	issuer string
}

// NewVerifier returns a verifier for tokens signed with key.
func NewVerifier(key []byte, issuer string) *Verifier { return &Verifier{key: key, issuer: issuer} }

// Parse verifies raw and returns its claims.
func (v *Verifier) Parse(raw string) (*Claims, error) {
	c := &Claims{}
	_, err := jwt.ParseWithClaims(raw, c, func(t *jwt.Token) (any, error) { // NEAR tokenverify v01
		return v.key, nil
	}, jwt.WithValidMethods([]string{"HS256"}), jwt.WithIssuer(v.issuer), jwt.WithExpirationRequired())
	if err != nil {
		return nil, err
	}
	return c, nil
}

// ParseLegacy accepts the tokens the old portal minted (same key, no method pinning).
func (v *Verifier) ParseLegacy(raw string) (*Claims, error) {
	c := &Claims{}
	_, err := jwt.ParseWithClaims(raw, c, func(t *jwt.Token) (any, error) { // WANT tokenverify V01
		return v.key, nil
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

type ctxKey struct{}

// FromContext returns the claims stored by Authenticate.
func FromContext(ctx context.Context) *Claims {
	c, _ := ctx.Value(ctxKey{}).(*Claims)
	return c
}

// Bearer extracts the bearer token of r.
func Bearer(r *http.Request) (string, error) {
	h := r.Header.Get("Authorization")
	tok, ok := strings.CutPrefix(h, "Bearer ")
	if !ok || tok == "" {
		return "", errors.New("missing bearer token")
	}
	return tok, nil
}

// Authenticate rejects requests without a valid bearer token and stores the claims.
func (v *Verifier) Authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, err := Bearer(r)
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		c, err := v.Parse(raw)
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, c)))
	})
}

// RequireScope rejects callers whose token lacks scope.
func RequireScope(scope string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c := FromContext(r.Context())
		if c == nil || !c.HasScope(scope) {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Issue mints an access token for sub with the given scopes.
func (v *Verifier) Issue(sub string, scopes []string, roles []string) (string, error) {
	now := time.Now()
	c := Claims{
		RegisteredClaims: jwt.RegisteredClaims{
			Subject:   sub,
			Issuer:    v.issuer,
			IssuedAt:  jwt.NewNumericDate(now),
			ExpiresAt: jwt.NewNumericDate(now.Add(15 * time.Minute)),
		},
		Scope: strings.Join(scopes, " "),
		Roles: roles,
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(v.key) // NEAR tokenverify v02
}

// IssueRefresh mints the long-lived refresh token.
func (v *Verifier) IssueRefresh(sub string) (string, error) {
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub, "typ": "refresh", "iss": v.issuer}) // WANT tokenverify V02
	return t.SignedString(v.key)
}

// IssueDownload mints a one-file download link token; the expiry is set after the literal.
func (v *Verifier) IssueDownload(sub, file string) (string, error) {
	claims := jwt.MapClaims{"sub": sub, "file": file}
	claims["exp"] = time.Now().Add(5 * time.Minute).Unix()
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(v.key) // NEAR tokenverify v03
}
