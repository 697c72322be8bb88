// Package oidcfield: go-oidc verifiers stored in struct fields and used
// by other methods. A verifier whose every Verify call checks an
// id_token_hint may skip the expiry and client-id checks (OpenID Connect
// Core §3.1.2.1); one that also verifies login tokens may not.
package oidcfield

import (
	"context"
	"net/http"

	"github.com/coreos/go-oidc/v3/oidc"
)

type endpoint struct {
	login *oidc.IDTokenVerifier
	hint  *oidc.IDTokenVerifier
	mixed *oidc.IDTokenVerifier
	probe *oidc.IDTokenVerifier
	later *oidc.IDTokenVerifier
	hint2 *oidc.IDTokenVerifier
}

func newEndpoint(p *oidc.Provider, clientID string) *endpoint {
	e := &endpoint{
		login: p.Verifier(&oidc.Config{ClientID: clientID, SkipExpiryCheck: true}), // want `sets SkipExpiryCheck`
		hint:  p.Verifier(&oidc.Config{SkipClientIDCheck: true, SkipExpiryCheck: true}),
		mixed: p.Verifier(&oidc.Config{SkipClientIDCheck: true}), // want `sets SkipClientIDCheck`
		probe: p.Verifier(&oidc.Config{SkipClientIDCheck: true, SkipExpiryCheck: true}),
	}
	e.later = p.Verifier(&oidc.Config{ClientID: clientID, SkipExpiryCheck: true}) // want `sets SkipExpiryCheck`
	e.hint2 = p.Verifier(&oidc.Config{SkipExpiryCheck: true})
	return e
}

// Login tokens: the expiry matters.
func (e *endpoint) signIn(w http.ResponseWriter, r *http.Request) {
	tok, err := e.login.Verify(r.Context(), r.FormValue("id_token"))
	_, _ = tok, err
}

// The logout endpoint: the hint read from the request (silent).
func (e *endpoint) endSession(w http.ResponseWriter, r *http.Request) {
	tok, err := e.hint.Verify(r.Context(), r.URL.Query().Get("id_token_hint"))
	_, _ = tok, err
}

// The same verifier used for a hint and for a login token.
func (e *endpoint) mixedLogout(r *http.Request) {
	tok, err := e.mixed.Verify(r.Context(), r.FormValue("id_token_hint"))
	_, _ = tok, err
}

func (e *endpoint) mixedLogin(r *http.Request) {
	tok, err := e.mixed.Verify(r.Context(), r.FormValue("id_token"))
	_, _ = tok, err
}

// Only the error is looked at, to guess the token's type (silent).
func (e *endpoint) isIDToken(ctx context.Context, raw string) bool {
	_, err := e.probe.Verify(ctx, raw)
	return err == nil
}

// Assigned to a field, used for a login token.
func (e *endpoint) resume(ctx context.Context, raw string) (string, error) {
	tok, err := e.later.Verify(ctx, raw)
	if err != nil {
		return "", err
	}
	return tok.Subject, nil
}

// Assigned to a field, used with a variable holding the hint (silent).
func (e *endpoint) logoutHint(ctx context.Context, idTokenHint string) (string, error) {
	tok, err := e.hint2.Verify(ctx, idTokenHint)
	if err != nil {
		return "", err
	}
	return tok.Subject, nil
}
