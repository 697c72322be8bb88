// Package callerverify holds helpers given a token that do one step of
// a verification their caller finishes (a pre-check of unverified
// claims, a search for the key that verifies), beside helpers whose
// callers never verify the token, or that have no caller in the
// package.
package callerverify

import (
	"context"
	"errors"
	"time"

	"github.com/go-jose/go-jose/v3/jwt"
	jwt5 "github.com/golang-jwt/jwt/v5"
)

type keyStore interface {
	Keys(iss, sub string) []any
}

// JWT-bearer grant: pre-check, key search, then the real verification.

// Silent: every caller verifies the same token after this pre-check.
func preCheck(tok *jwt.JSONWebToken) error {
	var c jwt.Claims
	if err := tok.UnsafeClaimsWithoutVerification(&c); err != nil {
		return err
	}
	if c.Subject == "" {
		return errors.New("assertion has no subject")
	}
	return nil
}

// Silent: every caller verifies the same token after the key was found;
// the claims here are only a probe of which key verifies.
func findKey(tok *jwt.JSONWebToken, ks keyStore) (any, error) {
	var u jwt.Claims
	if err := tok.UnsafeClaimsWithoutVerification(&u); err != nil {
		return nil, err
	}
	var probe jwt.Claims
	for _, k := range ks.Keys(u.Issuer, u.Subject) {
		if err := tok.Claims(k, &probe); err == nil {
			return k, nil
		}
	}
	return nil, errors.New("no key")
}

func Grant(assertion string, ks keyStore) (string, error) {
	tok, err := jwt.ParseSigned(assertion)
	if err != nil {
		return "", err
	}
	if err := preCheck(tok); err != nil {
		return "", err
	}
	key, err := findKey(tok, ks)
	if err != nil {
		return "", err
	}
	var c jwt.Claims
	if err := tok.Claims(key, &c); err != nil {
		return "", err
	}
	if err := c.Validate(jwt.Expected{Time: time.Now()}); err != nil {
		return "", err
	}
	return c.Subject, nil
}

// The same helpers' shapes, with a caller that does not verify.

// Reported: its only caller trusts the result without verifying.
func subjectGate(tok *jwt.JSONWebToken) error {
	var c jwt.Claims
	if err := tok.UnsafeClaimsWithoutVerification(&c); err != nil { // want `claims of a token parsed with \(\*jwt.JSONWebToken\).UnsafeClaimsWithoutVerification without verifying its signature decide a condition`
		return err
	}
	if c.Subject != "admin" {
		return errors.New("forbidden")
	}
	return nil
}

func AdminOnly(raw string) error {
	tok, err := jwt.ParseSigned(raw)
	if err != nil {
		return err
	}
	return subjectGate(tok)
}

// Reported: one caller verifies, the other does not; every caller must.
func subjectOf(tok *jwt.JSONWebToken, key any) (string, error) {
	var c jwt.Claims
	if err := tok.Claims(key, &c); err != nil { // want `claims c verified with \(\*jwt.JSONWebToken\).Claims are never validated`
		return "", err
	}
	return c.Subject, nil
}

func Both(raw string, key any) (string, error) {
	tok, err := jwt.ParseSigned(raw)
	if err != nil {
		return "", err
	}
	sub, err := subjectOf(tok, key)
	if err != nil {
		return "", err
	}
	var c jwt.Claims
	if err := tok.Claims(key, &c); err != nil {
		return "", err
	}
	if err := c.Validate(jwt.Expected{Time: time.Now()}); err != nil {
		return "", err
	}
	return sub, nil
}

func Only(raw string, key any) (string, error) {
	tok, err := jwt.ParseSigned(raw)
	if err != nil {
		return "", err
	}
	return subjectOf(tok, key)
}

// Reported: the caller verifies a different token than the one the
// helper read.
func roleOf(raw string) (string, error) {
	claims := jwt5.MapClaims{}
	if _, _, err := jwt5.NewParser().ParseUnverified(raw, claims); err != nil { // want `decide a condition`
		return "", err
	}
	if claims["role"] != "admin" { // the decision the caller relies on
		return "", errors.New("forbidden")
	}
	return "admin", nil
}

func Other(ctx context.Context, raw, other string, kf jwt5.Keyfunc) error {
	if _, err := roleOf(raw); err != nil { // the helper above is reported at its parse
		return err
	}
	_, err := jwt5.Parse(other, kf)
	return err
}

// Silent: the raw string the helper read is verified by the caller
// after the routing check.
func tenantCheck(raw string) error {
	claims := jwt5.MapClaims{}
	if _, _, err := jwt5.NewParser().ParseUnverified(raw, claims); err != nil {
		return err
	}
	if claims["sub"] == "" {
		return errors.New("no subject")
	}
	return nil
}

func Same(raw string, kf jwt5.Keyfunc) error {
	if err := tenantCheck(raw); err != nil {
		return err
	}
	_, err := jwt5.Parse(raw, kf, jwt5.WithValidMethods([]string{"RS256"}))
	return err
}

// Reported: exported and never called in the package; its callers are
// not visible.
func ExportedPreCheck(tok *jwt.JSONWebToken) error {
	var c jwt.Claims
	if err := tok.UnsafeClaimsWithoutVerification(&c); err != nil { // want `decide a condition`
		return err
	}
	if c.Subject == "root" {
		return nil
	}
	return errors.New("not root")
}
