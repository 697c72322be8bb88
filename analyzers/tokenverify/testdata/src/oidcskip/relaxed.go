package oidcskip

import (
	"context"
	"net/http"

	"github.com/coreos/go-oidc/v3/oidc"
)

// Verifications the specifications relax (issue 15, class 3), each
// beside the same switch where nothing relaxes it.

// localKeys is the server's own signing key set: tokens verified with
// it were issued by this server.
type localKeys struct{}

func (localKeys) VerifySignature(ctx context.Context, jwt string) ([]byte, error) { return nil, nil }

// An id_token_hint may be expired and issued to any client (OpenID
// Connect Core §3.1.2.1): silent.
func validateIDTokenHint(ctx context.Context, issuer string, hint string) (*oidc.IDToken, error) {
	v := oidc.NewVerifier(issuer, &localKeys{}, &oidc.Config{SkipExpiryCheck: true, SkipClientIDCheck: true})
	return v.Verify(ctx, hint)
}

// The hint read from the request: silent.
func logout(r *http.Request, issuer string, ks oidc.KeySet) {
	cfg := &oidc.Config{SkipExpiryCheck: true}
	verifier := oidc.NewVerifier(issuer, ks, cfg)
	tok, err := verifier.Verify(r.Context(), r.FormValue("id_token_hint"))
	_, _ = tok, err
}

// The same switch on a login token is reported.
func login(r *http.Request, issuer string, ks oidc.KeySet) {
	cfg := &oidc.Config{SkipExpiryCheck: true} // want `sets SkipExpiryCheck`
	verifier := oidc.NewVerifier(issuer, ks, cfg)
	tok, err := verifier.Verify(r.Context(), r.FormValue("id_token"))
	_, _ = tok, err
}

// A server verifying a token it issued (its own key set) to any of its
// clients, as a userinfo endpoint does: silent.
func userinfo(ctx context.Context, issuer, raw string) (*oidc.IDToken, error) {
	verifier := oidc.NewVerifier(issuer, &localKeys{}, &oidc.Config{SkipClientIDCheck: true})
	return verifier.Verify(ctx, raw)
}

// The same with a provider's remote key set is reported: the token may
// have been issued to another client of that provider.
func remote(ctx context.Context, issuer, jwks, raw string) (*oidc.IDToken, error) {
	verifier := oidc.NewVerifier(issuer, oidc.NewRemoteKeySet(ctx, jwks), &oidc.Config{SkipClientIDCheck: true}) // want `sets SkipClientIDCheck`
	return verifier.Verify(ctx, raw)
}

// Expiry is never relaxed by the key set alone.
func ownExpired(ctx context.Context, issuer, raw string) (*oidc.IDToken, error) {
	verifier := oidc.NewVerifier(issuer, &localKeys{}, &oidc.Config{SkipExpiryCheck: true}) // want `sets SkipExpiryCheck`
	return verifier.Verify(ctx, raw)
}

// An unverified parse whose token is thrown away only guesses the
// token's type; the verified parse comes later: silent.
func guessTokenType(ctx context.Context, issuer, raw string) bool {
	verifierConfig := oidc.Config{
		SkipClientIDCheck:          true,
		SkipExpiryCheck:            true,
		SkipIssuerCheck:            true,
		InsecureSkipSignatureCheck: true,
	}
	verifier := oidc.NewVerifier(issuer, nil, &verifierConfig)
	if _, err := verifier.Verify(ctx, raw); err != nil {
		return false
	}
	return true
}

// The same parse whose token is used is reported.
func trustUnverified(ctx context.Context, issuer, raw string) string {
	verifier := oidc.NewVerifier(issuer, nil, &oidc.Config{InsecureSkipSignatureCheck: true}) // want `sets InsecureSkipSignatureCheck`
	tok, err := verifier.Verify(ctx, raw)
	if err != nil {
		return ""
	}
	return tok.Subject
}
