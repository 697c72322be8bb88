// Package pickverifier holds functions that read a token's claims
// without verifying them to pick the verifier that will (silent), beside
// functions of the same shapes whose result is no verifier, or whose
// claims reach a caller that reads more than routing claims (reported).
package pickverifier

import (
	"context"
	"errors"

	"github.com/go-jose/go-jose/v3/jwt"
)

// Verifier checks a token: the shape the rule looks for.
type Verifier interface {
	AuthorizeSign(ctx context.Context, token string) error
	Name() string
}

// Logger takes the token but checks nothing: no verifier.
type Logger interface {
	LogToken(token string) error
}

type payload struct {
	jwt.Claims
	Email    string `json:"email"`
	TenantID string `json:"tid"`
	Role     string `json:"role"`
}

type registry struct {
	byID map[string]Verifier
	logs map[string]Logger
}

func (r *registry) load(id string) (Verifier, bool) {
	v, ok := r.byID[id]
	return v, ok
}

// Silent: whether an email is present picks the OIDC or the tenant
// verifier; the caller verifies the token with it.
func (r *registry) LoadByToken(tok *jwt.JSONWebToken) (Verifier, bool) {
	var p payload
	if err := tok.UnsafeClaimsWithoutVerification(&p); err != nil {
		return nil, false
	}
	if p.Email != "" {
		if v, ok := r.load(p.Audience[0]); ok {
			return v, ok
		}
	}
	return r.load(p.TenantID)
}

// Reported: the same routing, but what it returns only logs the token.
func (r *registry) LoggerByToken(tok *jwt.JSONWebToken) (Logger, bool) {
	var p payload
	if err := tok.UnsafeClaimsWithoutVerification(&p); err != nil { // want `claims of a token parsed with \(\*jwt.JSONWebToken\).UnsafeClaimsWithoutVerification without verifying its signature decide a condition`
		return nil, false
	}
	if p.Email != "" {
		return r.logs[p.Audience[0]], true
	}
	return r.logs[p.TenantID], true
}

// Reported: returns a verifier, but also a context carrying
// the unverified role.
func (r *registry) LoadAndTag(ctx context.Context, tok *jwt.JSONWebToken) (Verifier, context.Context, error) {
	var p payload
	if err := tok.UnsafeClaimsWithoutVerification(&p); err != nil { // want `claims of a token parsed with \(\*jwt.JSONWebToken\).UnsafeClaimsWithoutVerification without verifying its signature are returned as the result`
		return nil, ctx, err
	}
	ctx = context.WithValue(ctx, ctxKey{}, p.Role)
	v, _ := r.load(p.Issuer)
	return v, ctx, nil
}

type ctxKey struct{}

// Silent: returns the verifier and the claims; its only caller reads
// the issued-at time from them.
func (r *registry) verifierFromToken(raw string) (Verifier, *payload, error) {
	tok, err := jwt.ParseSigned(raw)
	if err != nil {
		return nil, nil, err
	}
	var p payload
	if err := tok.UnsafeClaimsWithoutVerification(&p); err != nil {
		return nil, nil, err
	}
	v, ok := r.LoadByToken(tok)
	if !ok {
		return nil, nil, errors.New("no verifier")
	}
	return v, &p, nil
}

func (r *registry) Authorize(ctx context.Context, raw string) error {
	v, p, err := r.verifierFromToken(raw)
	if err != nil {
		return err
	}
	if p.IssuedAt != nil && p.IssuedAt.Time().IsZero() {
		return errors.New("no iat")
	}
	return v.AuthorizeSign(ctx, raw)
}

// Reported: the same shape, but a caller reads the unverified role.
func (r *registry) roleAndVerifier(raw string) (Verifier, *payload, error) {
	tok, err := jwt.ParseSigned(raw)
	if err != nil {
		return nil, nil, err
	}
	var p payload
	if err := tok.UnsafeClaimsWithoutVerification(&p); err != nil { // want `claims of a token parsed with \(\*jwt.JSONWebToken\).UnsafeClaimsWithoutVerification without verifying its signature are returned as the result`
		return nil, nil, err
	}
	v, ok := r.LoadByToken(tok)
	if !ok {
		return nil, nil, errors.New("no verifier")
	}
	return v, &p, nil
}

func (r *registry) Admin(ctx context.Context, raw string) (bool, error) {
	v, p, err := r.roleAndVerifier(raw)
	if err != nil {
		return false, err
	}
	if p.Role == "admin" {
		return true, nil
	}
	return false, v.AuthorizeSign(ctx, raw)
}

// Reported: exported, so callers in other packages may read anything
// from the claims it returns.
func (r *registry) VerifierAndClaims(raw string) (Verifier, *payload, error) {
	tok, err := jwt.ParseSigned(raw)
	if err != nil {
		return nil, nil, err
	}
	var p payload
	if err := tok.UnsafeClaimsWithoutVerification(&p); err != nil { // want `claims of a token parsed with \(\*jwt.JSONWebToken\).UnsafeClaimsWithoutVerification without verifying its signature are returned as the result`
		return nil, nil, err
	}
	v, _ := r.load(p.Issuer)
	return v, &p, nil
}

// hmacVerifier is a concrete verifier: Verify on the pointer.
type hmacVerifier struct{ key []byte }

func (h *hmacVerifier) Verify(raw string) (*payload, error) { return nil, nil }

// Silent: a switch on a claim picks a concrete verifier (its method is
// on the pointer).
func pickByKind(tok *jwt.JSONWebToken, user, service hmacVerifier) (hmacVerifier, error) {
	var p payload
	if err := tok.UnsafeClaimsWithoutVerification(&p); err != nil {
		return hmacVerifier{}, err
	}
	switch p.Role {
	case "service":
		return service, nil
	}
	return user, nil
}

// Silent: returns the verifier and the claims; every caller drops the
// claims.
func (r *registry) verifierOnly(raw string) (Verifier, *payload, error) {
	tok, err := jwt.ParseSigned(raw)
	if err != nil {
		return nil, nil, err
	}
	var p payload
	if err := tok.UnsafeClaimsWithoutVerification(&p); err != nil {
		return nil, nil, err
	}
	v, _ := r.load(p.Role)
	return v, &p, nil
}

func (r *registry) Check(ctx context.Context, raw string) error {
	v, _, err := r.verifierOnly(raw)
	if err != nil {
		return err
	}
	return v.AuthorizeSign(ctx, raw)
}

// user is a stored account: it checks a password, not a token.
type user struct{ hash string }

func (u *user) VerifyPassword(password string) error { return nil }

// Reported: the user is looked up by the unverified subject and
// returned; checking a password is no token verifier.
func (r *registry) userFromToken(tok *jwt.JSONWebToken, find func(sub string) *user) (*user, error) {
	var p payload
	if err := tok.UnsafeClaimsWithoutVerification(&p); err != nil { // want `claims of a token parsed with \(\*jwt.JSONWebToken\).UnsafeClaimsWithoutVerification without verifying its signature are returned as the result`
		return nil, err
	}
	return find(p.Subject), nil
}
