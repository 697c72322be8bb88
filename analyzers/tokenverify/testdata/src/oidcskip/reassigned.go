package oidcskip

import (
	"context"

	"github.com/coreos/go-oidc/v3/oidc"
)

// A variable that holds one verifier and later another: each Verify
// call belongs to the verifier last assigned before it.

// The signature first, every check off and the token thrown away, then
// the full checks on the same variable with the token kept (gatekeeper's
// VerifyToken): silent, nothing the first verification returns is
// believed.
func verifySignatureFirst(ctx context.Context, p *oidc.Provider, raw, clientID string) (*oidc.IDToken, error) {
	verifier := p.Verifier(&oidc.Config{
		ClientID:          clientID,
		SkipClientIDCheck: true,
		SkipIssuerCheck:   true,
		SkipExpiryCheck:   true,
	})
	if _, err := verifier.Verify(ctx, raw); err != nil {
		return nil, err
	}
	verifier = p.Verifier(&oidc.Config{ClientID: clientID})
	return verifier.Verify(ctx, raw)
}

// The strict verifier thrown away first, the relaxed one kept: reported.
func verifyStrictFirst(ctx context.Context, p *oidc.Provider, raw, clientID string) (*oidc.IDToken, error) {
	verifier := p.Verifier(&oidc.Config{ClientID: clientID})
	if _, err := verifier.Verify(ctx, raw); err != nil {
		return nil, err
	}
	verifier = p.Verifier(&oidc.Config{ClientID: clientID, SkipExpiryCheck: true}) // want `sets SkipExpiryCheck`
	return verifier.Verify(ctx, raw)
}

// The relaxed verifier's token kept before the variable is given a
// strict verifier: reported.
func verifyThenReplace(ctx context.Context, p *oidc.Provider, raw, clientID string) (*oidc.IDToken, error) {
	verifier := p.Verifier(&oidc.Config{ClientID: clientID, SkipExpiryCheck: true}) // want `sets SkipExpiryCheck`
	tok, err := verifier.Verify(ctx, raw)
	verifier = p.Verifier(&oidc.Config{ClientID: clientID})
	_, _ = verifier.Verify(ctx, raw)
	return tok, err
}

// One relaxed verifier, its token thrown away once and kept the second
// time: reported.
func verifyTwiceSame(ctx context.Context, p *oidc.Provider, raw, clientID string) (*oidc.IDToken, error) {
	verifier := p.Verifier(&oidc.Config{ClientID: clientID, SkipExpiryCheck: true}) // want `sets SkipExpiryCheck`
	if _, err := verifier.Verify(ctx, raw); err != nil {
		return nil, err
	}
	return verifier.Verify(ctx, raw)
}
