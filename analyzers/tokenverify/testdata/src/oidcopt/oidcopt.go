// Package oidcopt offers relaxed verifiers as options its callers choose.
package oidcopt

import (
	"context"

	"github.com/coreos/go-oidc/v3/oidc"
)

// InsecureOIDCConfigOption relaxes the verifier.
type InsecureOIDCConfigOption func(opt *oidc.Config)

// WithSkipExpiryCheck is for callers that verify old tokens on purpose:
// the skip is reported where they call it.
func WithSkipExpiryCheck() InsecureOIDCConfigOption { // want WithSkipExpiryCheck:`sets oidc.Config.SkipExpiryCheck`
	return func(c *oidc.Config) {
		c.SkipExpiryCheck = true
	}
}

// Verifier applies the options a caller passes.
func Verifier(p *oidc.Provider, clientID string, opts ...InsecureOIDCConfigOption) *oidc.IDTokenVerifier {
	cfg := &oidc.Config{ClientID: clientID}
	for _, o := range opts {
		o(cfg)
	}
	return p.Verifier(cfg)
}

// SkipIssuer is used by this package's own code: judged here.
func SkipIssuer() InsecureOIDCConfigOption {
	return func(c *oidc.Config) {
		c.InsecureSkipSignatureCheck = true // want `oidc.Config sets InsecureSkipSignatureCheck`
	}
}

// Near miss: a plainly named helper that skips is reported where it is.
func Lenient(c *oidc.Config) {
	c.SkipExpiryCheck = true // want `oidc.Config sets SkipExpiryCheck`
}

// Serve uses SkipIssuer in production.
func Serve(ctx context.Context, p *oidc.Provider, raw string) error {
	_, err := Verifier(p, "app", SkipIssuer()).Verify(ctx, raw)
	return err
}
