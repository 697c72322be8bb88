// Package workspace receives calls from Google Chat and Workspace add-ons (a bearer ID token signed
// by Google) and handles RP-initiated logout.
package workspace

import (
	"context"
	"net/http"
	"strings"

	"github.com/coreos/go-oidc/v3/oidc"
)

// Endpoint verifies the calls Google makes to this app.
type Endpoint struct {
	chat   *oidc.IDTokenVerifier
	addon  *oidc.IDTokenVerifier
	hint   *oidc.IDTokenVerifier
	Handle func(w http.ResponseWriter, r *http.Request, email string)
	Logout func(w http.ResponseWriter, sub string)
}

// New builds the verifiers. projectNumber is the Chat app's audience; addonURL the add-on's.
func New(ctx context.Context, projectNumber, addonURL, ownIssuer string) (*Endpoint, error) {
	google, err := oidc.NewProvider(ctx, "https://accounts.google.com")
	if err != nil {
		return nil, err
	}
	own, err := oidc.NewProvider(ctx, ownIssuer)
	if err != nil {
		return nil, err
	}
	return &Endpoint{
		chat:  google.Verifier(&oidc.Config{ClientID: projectNumber}),                     // NEAR tokenverify v07
		addon: google.Verifier(&oidc.Config{SkipClientIDCheck: true}),                     // WANT tokenverify V07
		hint:  own.Verifier(&oidc.Config{SkipClientIDCheck: true, SkipExpiryCheck: true}), // NEAR tokenverify v08
	}, nil
}

func bearer(r *http.Request) string {
	return strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
}

// Chat handles an event from Google Chat.
func (e *Endpoint) Chat(w http.ResponseWriter, r *http.Request) {
	tok, err := e.chat.Verify(r.Context(), bearer(r))
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	var c struct {
		Email string `json:"email"`
	}
	_ = tok.Claims(&c)
	e.Handle(w, r, c.Email)
}

// Addon handles a Workspace add-on action; the service account that calls is in the email claim.
func (e *Endpoint) Addon(w http.ResponseWriter, r *http.Request) {
	tok, err := e.addon.Verify(r.Context(), bearer(r))
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	var c struct {
		Email string `json:"email"`
	}
	if err := tok.Claims(&c); err != nil || !strings.HasSuffix(c.Email, ".gserviceaccount.com") {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	e.Handle(w, r, c.Email)
}

// EndSession is the RP-initiated logout endpoint: id_token_hint names the session to end.
func (e *Endpoint) EndSession(w http.ResponseWriter, r *http.Request) {
	tok, err := e.hint.Verify(r.Context(), r.URL.Query().Get("id_token_hint"))
	if err != nil {
		http.Error(w, "bad hint", http.StatusBadRequest)
		return
	}
	e.Logout(w, tok.Subject)
}
