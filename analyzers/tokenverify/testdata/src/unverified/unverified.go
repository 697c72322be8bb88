package unverified

import (
	"context"
	"errors"
	"log"
	"net/http"
	"strings"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	jwt3 "github.com/form3tech-oss/jwt-go"
	"github.com/golang-jwt/jwt/v5"
	"golang.org/x/oauth2"
)

type ctxKey struct{}

type UserClaims struct {
	jwt.RegisteredClaims
	Role  string `json:"role"`
	Email string `json:"email"`
}

// --- positives ---

// The role claim decides access.
func isAdmin(raw string) bool {
	tok, _, err := jwt.NewParser().ParseUnverified(raw, jwt.MapClaims{}) // want `claims of a token parsed with \(\*jwt.Parser\).ParseUnverified without verifying its signature decide a condition at line 33`
	if err != nil {
		return false
	}
	if claims, ok := tok.Claims.(jwt.MapClaims); ok && claims["role"] == "admin" {
		return true
	}
	return false
}

// The subject becomes the request's identity.
func middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		var claims UserClaims
		if _, _, err := new(jwt.Parser).ParseUnverified(raw, &claims); err != nil { // want `set the request identity`
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		ctx := context.WithValue(r.Context(), ctxKey{}, claims.Subject)
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// The claims are returned as the authentication result.
func Authenticate(raw string) (*UserClaims, error) {
	claims := &UserClaims{}
	_, _, err := jwt.NewParser().ParseUnverified(raw, claims) // want `are returned as the result`
	if err != nil {
		return nil, err
	}
	return claims, nil
}

// A user id derived from the claims is returned.
func userID(raw string) (string, error) {
	p := jwt3.Parser{}
	tok, _, err := p.ParseUnverified(raw, jwt3.MapClaims{}) // want `are returned as the result`
	if err != nil {
		return "", err
	}
	m := tok.Claims.(jwt3.MapClaims)
	sub, _ := m["sub"].(string)
	return "user:" + sub, nil
}

// --- near misses ---

// Routing: the issuer picks the verifier, which then verifies.
func verifyByIssuer(ctx context.Context, raw string, verifiers map[string]*oidc.IDTokenVerifier) (*oidc.IDToken, error) {
	tok, _, err := jwt.NewParser().ParseUnverified(raw, jwt.MapClaims{})
	if err != nil {
		return nil, err
	}
	iss, _ := tok.Claims.(jwt.MapClaims)["iss"].(string)
	v, ok := verifiers[iss]
	if !ok {
		return nil, errors.New("unknown issuer")
	}
	return v.Verify(ctx, raw)
}

// Routing by kid, then a verified parse in the same function.
func verifyByKid(raw string, keys map[string][]byte) (*jwt.Token, error) {
	tok, _, err := jwt.NewParser().ParseUnverified(raw, jwt.MapClaims{})
	if err != nil {
		return nil, err
	}
	kid, _ := tok.Header["kid"].(string)
	key := keys[kid]
	return jwt.Parse(raw, func(*jwt.Token) (any, error) { return key, nil }, jwt.WithValidMethods([]string{"HS256"}))
}

// Only the issuer is returned, for the caller to route on.
func issuerOf(raw string) (string, error) {
	var claims jwt.RegisteredClaims
	if _, _, err := jwt.NewParser().ParseUnverified(raw, &claims); err != nil {
		return "", err
	}
	return claims.Issuer, nil
}

// Freshness of a token a client holds: refresh when it is about to
// expire.
func needsRefresh(raw string) bool {
	var claims jwt.RegisteredClaims
	if _, _, err := jwt.NewParser().ParseUnverified(raw, &claims); err != nil {
		return true
	}
	return claims.ExpiresAt == nil || time.Until(claims.ExpiresAt.Time) < time.Minute
}

// Logging only.
func logSubject(raw string) {
	var claims UserClaims
	if _, _, err := jwt.NewParser().ParseUnverified(raw, &claims); err != nil {
		return
	}
	log.Printf("request from %s", claims.Subject)
}

// A client reading the ID token it got from the token endpoint over
// TLS, which OpenID Connect allows without a signature check.
func emailFromTokenResponse(tok *oauth2.Token) (string, error) {
	raw, _ := tok.Extra("id_token").(string)
	var claims UserClaims
	if _, _, err := jwt.NewParser().ParseUnverified(raw, &claims); err != nil {
		return "", err
	}
	return claims.Email, nil
}

// Verified by a function of this package given the same token.
func verifyToken(raw string) error { return nil }

func checked(raw string) (string, error) {
	var claims UserClaims
	if _, _, err := jwt.NewParser().ParseUnverified(raw, &claims); err != nil {
		return "", err
	}
	if err := verifyToken(raw); err != nil {
		return "", err
	}
	return claims.Subject, nil
}

// A wrapper whose name warns its callers: silent.
func ParseUnverifiedJWT(raw string) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	_, _, err := jwt.NewParser().ParseUnverified(raw, claims)
	return claims, err
}
