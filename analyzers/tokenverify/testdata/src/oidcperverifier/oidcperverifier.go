// Package oidcperverifier is the fixture of oidclocal.go: a verifier
// with SkipClientIDCheck that is built and used in one function is
// judged by its own tokens. Another verifier's audience check in the
// package no longer covers it; one that leaves its function keeps the
// package-wide judgement.
package oidcperverifier

import (
	"context"
	"errors"
	"slices"

	"github.com/coreos/go-oidc/v3/oidc"
)

var allowed = []string{"web", "cli"}

// --- positives ---

// Its tokens' audience is never read; the check in Tenant below is
// another verifier's.
func Subject(ctx context.Context, p *oidc.Provider, raw string) (string, error) {
	v := p.Verifier(&oidc.Config{SkipClientIDCheck: true}) // want `oidc.Config sets SkipClientIDCheck`
	tok, err := v.Verify(ctx, raw)
	if err != nil {
		return "", err
	}
	return tok.Subject, nil
}

// Claims decoded without an aud field.
func Email(ctx context.Context, p *oidc.Provider, raw string) (string, error) {
	cfg := &oidc.Config{SkipClientIDCheck: true} // want `oidc.Config sets SkipClientIDCheck`
	v := p.Verifier(cfg)
	tok, err := v.Verify(ctx, raw)
	if err != nil {
		return "", err
	}
	var claims struct {
		Email string `json:"email"`
	}
	if err := tok.Claims(&claims); err != nil {
		return "", err
	}
	return claims.Email, nil
}

// --- near misses ---

// The audience of its own token is checked against an allow-list.
func Tenant(ctx context.Context, p *oidc.Provider, raw string) (string, error) {
	v := p.Verifier(&oidc.Config{SkipClientIDCheck: true})
	tok, err := v.Verify(ctx, raw)
	if err != nil {
		return "", err
	}
	for _, a := range tok.Audience {
		if slices.Contains(allowed, a) {
			return tok.Subject, nil
		}
	}
	return "", errors.New("audience not allowed")
}

// The aud claim decoded and checked.
func Decoded(ctx context.Context, p *oidc.Provider, raw string) (string, error) {
	v := p.Verifier(&oidc.Config{SkipClientIDCheck: true})
	tok, err := v.Verify(ctx, raw)
	if err != nil {
		return "", err
	}
	var claims struct {
		Sub string `json:"sub"`
		Aud string `json:"aud"`
	}
	if err := tok.Claims(&claims); err != nil || !slices.Contains(allowed, claims.Aud) {
		return "", errors.New("audience not allowed")
	}
	return claims.Sub, nil
}

// A verifier returned to callers: judged package-wide, where the
// audience is read.
func Verifier(p *oidc.Provider) *oidc.IDTokenVerifier {
	return p.Verifier(&oidc.Config{SkipClientIDCheck: true})
}
