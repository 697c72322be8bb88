// Package oidcoptuse verifies tokens with another package's options.
package oidcoptuse

import (
	"context"

	"github.com/coreos/go-oidc/v3/oidc"

	"oidcopt"
)

// Check accepts expired ID tokens: reported at the call.
func Check(ctx context.Context, p *oidc.Provider, raw string) error {
	_, err := oidcopt.Verifier(p, "app", oidcopt.WithSkipExpiryCheck()).Verify(ctx, raw) // want `WithSkipExpiryCheck sets oidc.Config SkipExpiryCheck: the verifier accepts expired ID tokens`
	return err
}

// Near miss: the strict verifier.
func Strict(ctx context.Context, p *oidc.Provider, raw string) error {
	_, err := oidcopt.Verifier(p, "app").Verify(ctx, raw)
	return err
}
