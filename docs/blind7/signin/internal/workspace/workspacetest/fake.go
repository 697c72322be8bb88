// Package workspacetest fakes Google's calls for the handler tests.
package workspacetest

import (
	"context"

	"github.com/coreos/go-oidc/v3/oidc"
)

// Verifier accepts any token the tests sign with their throwaway key.
func Verifier(ctx context.Context) *oidc.IDTokenVerifier {
	ks := oidc.NewRemoteKeySet(ctx, "http://127.0.0.1:0/jwks")
	return oidc.NewVerifier("https://accounts.google.com", ks, &oidc.Config{InsecureSkipSignatureCheck: true, SkipClientIDCheck: true}) // NEAR tokenverify v09
}
