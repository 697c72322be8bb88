package oidcskip

import (
	"context"

	"github.com/coreos/go-oidc/v3/oidc"
)

type Config struct{ Insecure bool }

// --- positives ---

func verifier(p *oidc.Provider, clientID string) *oidc.IDTokenVerifier {
	return p.Verifier(&oidc.Config{
		ClientID:                   clientID,
		InsecureSkipSignatureCheck: true, // want `oidc.Config sets InsecureSkipSignatureCheck: the verifier accepts ID tokens with any signature`
		SkipExpiryCheck:            true, // want `oidc.Config sets SkipExpiryCheck: the verifier accepts expired ID tokens`
	})
}

func anyClient(p *oidc.Provider) *oidc.IDTokenVerifier {
	return p.Verifier(&oidc.Config{SkipClientIDCheck: true, SkipIssuerCheck: true}) // want `sets SkipClientIDCheck` `sets SkipIssuerCheck`
}

func assigned(p *oidc.Provider, id string) *oidc.IDTokenVerifier {
	cfg := &oidc.Config{ClientID: id}
	cfg.SkipExpiryCheck = true // want `sets SkipExpiryCheck`
	return p.Verifier(cfg)
}

// --- near misses ---

// All checks on: silent.
func strict(p *oidc.Provider, id string) *oidc.IDTokenVerifier {
	return p.Verifier(&oidc.Config{ClientID: id, SupportedSigningAlgs: []string{"RS256"}})
}

// Explicitly false: silent.
func explicitFalse(p *oidc.Provider, id string) *oidc.IDTokenVerifier {
	return p.Verifier(&oidc.Config{ClientID: id, SkipExpiryCheck: false})
}

// Set from configuration (a development switch): silent.
func fromConfig(p *oidc.Provider, id string, c Config) *oidc.IDTokenVerifier {
	return p.Verifier(&oidc.Config{ClientID: id, InsecureSkipSignatureCheck: c.Insecure})
}

func verify(ctx context.Context, v *oidc.IDTokenVerifier, raw string) error {
	_, err := v.Verify(ctx, raw)
	return err
}
