package blindjwt

import (
	"context"
	"net/http"

	"github.com/coreos/go-oidc/v3/oidc"
)

type OIDC struct {
	provider *oidc.Provider
	clientID string
}

// A verifier with the client id. Near miss.
func (o *OIDC) Verify(ctx context.Context, raw string) (*oidc.IDToken, error) {
	v := o.provider.Verifier(&oidc.Config{ClientID: o.clientID})
	return v.Verify(ctx, raw)
}

// The expiry check skipped for a login ID token.
func (o *OIDC) Login(w http.ResponseWriter, r *http.Request) {
	v := o.provider.Verifier(&oidc.Config{ClientID: o.clientID, SkipExpiryCheck: true}) // want `SkipExpiryCheck|expir`
	tok, err := v.Verify(r.Context(), r.FormValue("id_token"))
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	_, _ = w.Write([]byte(tok.Subject))
}

// The signature check skipped on a remote key set.
func NewInsecure(ctx context.Context) *oidc.IDTokenVerifier {
	ks := oidc.NewRemoteKeySet(ctx, "https://issuer/keys")
	return oidc.NewVerifier("https://issuer", ks, &oidc.Config{ClientID: "app", InsecureSkipSignatureCheck: true}) // want `InsecureSkipSignatureCheck|signature`
}

// The audience check skipped with no audience check of its own, on a
// remote key set.
func NewAnyAudience(ctx context.Context) *oidc.IDTokenVerifier {
	ks := oidc.NewRemoteKeySet(ctx, "https://issuer/keys")
	// MISSED (recorded in docs/precision-verify.md): the package reads
	// tok.Audience in VerifyAudience, and the issuer/audience rule is
	// judged per package, so this verifier's skip is taken as checked.
	cfg := &oidc.Config{SkipClientIDCheck: true}
	return oidc.NewVerifier("https://issuer", ks, cfg)
}

// The audience check skipped and done by hand. Near miss.
func (o *OIDC) VerifyAudience(ctx context.Context, raw string) (*oidc.IDToken, error) {
	v := o.provider.Verifier(&oidc.Config{SkipClientIDCheck: true})
	tok, err := v.Verify(ctx, raw)
	if err != nil {
		return nil, err
	}
	for _, a := range tok.Audience {
		if a == o.clientID {
			return tok, nil
		}
	}
	return nil, context.Canceled
}
