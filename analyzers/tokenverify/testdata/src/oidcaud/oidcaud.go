// Package oidcaud verifies access tokens for several clients: it skips
// go-oidc's client id check and checks the audience itself.
package oidcaud

import (
	"context"
	"errors"
	"slices"

	"github.com/coreos/go-oidc/v3/oidc"
)

var allowed = []string{"web", "cli"}

// Silent: the audience is checked below.
func verifier(p *oidc.Provider) *oidc.IDTokenVerifier {
	return p.Verifier(&oidc.Config{SkipClientIDCheck: true})
}

func verify(ctx context.Context, v *oidc.IDTokenVerifier, raw string) (*oidc.IDToken, error) {
	tok, err := v.Verify(ctx, raw)
	if err != nil {
		return nil, err
	}
	for _, aud := range tok.Audience {
		if slices.Contains(allowed, aud) {
			return tok, nil
		}
	}
	return nil, errors.New("audience not allowed")
}

// The issuer is not checked anywhere in this package.
func multiTenant(p *oidc.Provider) *oidc.IDTokenVerifier {
	return p.Verifier(&oidc.Config{ClientID: "web", SkipIssuerCheck: true}) // want `sets SkipIssuerCheck`
}
