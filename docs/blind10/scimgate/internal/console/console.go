// Package console serves the admin console's API: sign-in with scimgate's IdP (PKCE), the tenant
// employees' sign-in with their own IdP, and tenant administration.
package console

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/go-chi/chi/v5"
	"go.uber.org/zap"
	"golang.org/x/oauth2"

	"example.com/blind10/scimgate/internal/audit"
	"example.com/blind10/scimgate/internal/config"
	"example.com/blind10/scimgate/internal/tenants"
)

type Console struct {
	store    *tenants.Store
	oauth    *oauth2.Config
	verifier *oidc.IDTokenVerifier
	audit    *audit.Exporter
	log      *zap.SugaredLogger

	mu       sync.Mutex
	sessions map[string]*tenants.ConsoleUser
}

func New(ctx context.Context, cfg config.Config, st *tenants.Store, ex *audit.Exporter, log *zap.SugaredLogger) (*Console, error) {
	p, err := oidc.NewProvider(ctx, cfg.OIDCIssuer)
	if err != nil {
		return nil, err
	}
	return &Console{
		store: st,
		oauth: &oauth2.Config{ClientID: cfg.OIDCClientID, ClientSecret: cfg.OIDCClientSecret, Endpoint: p.Endpoint(),
			RedirectURL: cfg.OIDCRedirectURL, Scopes: []string{oidc.ScopeOpenID, "email", "profile"}},
		verifier: p.Verifier(&oidc.Config{ClientID: cfg.OIDCClientID}), // NEAR tokenverify v17
		audit:    ex,
		log:      log,
		sessions: map[string]*tenants.ConsoleUser{},
	}, nil
}

func randomString() string { b := make([]byte, 24); _, _ = rand.Read(b); return hex.EncodeToString(b) }

func (c *Console) startSession(w http.ResponseWriter, u *tenants.ConsoleUser) {
	sid := randomString()
	c.mu.Lock()
	c.sessions[sid] = u
	c.mu.Unlock()
	http.SetCookie(w, &http.Cookie{Name: "sg_session", Value: sid, Path: "/", HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode, MaxAge: 8 * 3600})
}

func (c *Console) login(w http.ResponseWriter, r *http.Request) {
	verifier := oauth2.GenerateVerifier()
	http.SetCookie(w, &http.Cookie{Name: "sg_pkce", Value: verifier, Path: "/auth", HttpOnly: true, Secure: true, MaxAge: 600})
	http.Redirect(w, r, c.oauth.AuthCodeURL(randomString(), oauth2.S256ChallengeOption(verifier)), http.StatusFound)
}

func (c *Console) callback(w http.ResponseWriter, r *http.Request) {
	pkce, err := r.Cookie("sg_pkce")
	if err != nil {
		http.Error(w, "login expired, start again", http.StatusBadRequest)
		return
	}
	tok, err := c.oauth.Exchange(r.Context(), r.URL.Query().Get("code"), oauth2.VerifierOption(pkce.Value)) // NEAR tokenverify v19
	if err != nil {
		http.Error(w, "login failed", http.StatusUnauthorized)
		return
	}
	c.log.Debugw("console token response", "token", tok) // WANT tokenlog T19
	rawID, _ := tok.Extra("id_token").(string)
	idTok, err := c.verifier.Verify(r.Context(), rawID)
	if err != nil {
		http.Error(w, "login failed", http.StatusUnauthorized)
		return
	}
	var claims struct {
		Email string `json:"email"`
	}
	_ = idTok.Claims(&claims)
	c.log.Infow("console login", "sub", idTok.Subject, "email", claims.Email, "id_token_expiry", idTok.Expiry) // NEAR tokenlog t15
	u, err := c.store.ConsoleUser(claims.Email)
	if err != nil {
		http.Error(w, "no console access for "+claims.Email, http.StatusForbidden)
		return
	}
	c.startSession(w, u)
	http.Redirect(w, r, "/", http.StatusFound)
}

// emailClaim is the claim ADFS puts the e-mail address in.
const emailClaim = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress" // NEAR plainhttp p09

// tenantVerifier checks ID tokens of a tenant's own IdP. Entra ID's multi-tenant endpoint issues
// tokens whose issuer names the customer's directory, so the issuer is checked by prefix below.
func tenantVerifier(ctx context.Context, sso tenants.SSOConfig) *oidc.IDTokenVerifier {
	oc := &oidc.Config{ClientID: sso.ClientID, SkipIssuerCheck: true} // NEAR tokenverify v18
	// Several customers' ADFS farms run with skewed clocks and their tokens arrive "expired".
	oc.SkipExpiryCheck = true // WANT tokenverify V15
	return oidc.NewVerifier(sso.Issuer, oidc.NewRemoteKeySet(ctx, sso.JWKSURL), oc)
}

// ssoCallback signs a tenant's employee in with the tenant's IdP (form_post of an ID token).
func (c *Console) ssoCallback(w http.ResponseWriter, r *http.Request) { // NEAR scopecheck s37
	tid := chi.URLParam(r, "tid")
	t, err := c.store.Tenant(tid)
	if err != nil || t.SSO.Issuer == "" {
		http.NotFound(w, r)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), 10*time.Second)
	defer cancel()
	idTok, err := tenantVerifier(ctx, t.SSO).Verify(ctx, r.FormValue("id_token"))
	if err != nil || !strings.HasPrefix(idTok.Issuer, t.SSO.Issuer) {
		http.Error(w, "sign-in failed", http.StatusUnauthorized)
		return
	}
	var claims map[string]any
	_ = idTok.Claims(&claims)
	email, _ := claims[emailClaim].(string)
	if email == "" {
		email, _ = claims["email"].(string)
	}
	u, err := c.store.ConsoleUser(strings.ToLower(email))
	if err != nil || !u.MemberOf(tid) {
		http.Error(w, "no access to this tenant", http.StatusForbidden)
		return
	}
	c.startSession(w, u)
	http.Redirect(w, r, "/t/"+tid, http.StatusFound)
}
