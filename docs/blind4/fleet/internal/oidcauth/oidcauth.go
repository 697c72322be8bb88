// Package oidcauth logs operators in through the company's OIDC provider and checks their ID tokens.
package oidcauth

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/golang-jwt/jwt/v5"
	"golang.org/x/oauth2"
)

// Operator is the logged-in operator.
type Operator struct {
	Subject string   `json:"sub"`
	Email   string   `json:"email"`
	Groups  []string `json:"groups"`
}

// InGroup reports membership of g.
func (o *Operator) InGroup(g string) bool { return slices.Contains(o.Groups, g) }

// Config configures the login.
type Config struct {
	Issuer, ClientID, ClientSecret, RedirectURL string
	CookieSecure                                bool
	// PartnerIssuer is a second provider whose tokens partners present.
	PartnerIssuer string
	// AcceptAnyAudience is an operator switch for migrations.
	AcceptAnyAudience bool
}

// Auth holds the provider, the verifiers and the OAuth2 client.
type Auth struct {
	cfg      Config
	provider *oidc.Provider
	verifier *oidc.IDTokenVerifier
	partner  *oidc.IDTokenVerifier
	devices  *oidc.IDTokenVerifier
	migrate  *oidc.IDTokenVerifier
	oauth    oauth2.Config
}

// New discovers the provider.
func New(ctx context.Context, cfg Config) (*Auth, error) {
	p, err := oidc.NewProvider(ctx, cfg.Issuer)
	if err != nil {
		return nil, err
	}
	pp, err := oidc.NewProvider(ctx, cfg.PartnerIssuer)
	if err != nil {
		return nil, err
	}
	a := &Auth{cfg: cfg, provider: p}
	a.verifier = p.Verifier(&oidc.Config{ClientID: cfg.ClientID})                                          // NEAR tokenverify v05
	a.partner = pp.Verifier(&oidc.Config{ClientID: cfg.ClientID, SkipClientIDCheck: true})                 // WANT tokenverify V05
	a.devices = p.Verifier(&oidc.Config{ClientID: "fleet-devices", SkipExpiryCheck: true})                 // WANT tokenverify V06
	a.migrate = p.Verifier(&oidc.Config{ClientID: cfg.ClientID, SkipClientIDCheck: cfg.AcceptAnyAudience}) // NEAR tokenverify v06
	a.oauth = oauth2.Config{
		ClientID:     cfg.ClientID,
		ClientSecret: cfg.ClientSecret,
		RedirectURL:  cfg.RedirectURL,
		Endpoint:     p.Endpoint(),
		Scopes:       []string{oidc.ScopeOpenID, "email", "groups"},
	}
	return a, nil
}

func randomString() string {
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// Login starts the authorization code flow with a random state kept in a cookie.
func (a *Auth) Login(w http.ResponseWriter, r *http.Request) {
	state := randomString()
	http.SetCookie(w, &http.Cookie{Name: "fleet_oauth_state", Value: state, Path: "/auth", MaxAge: 600, Secure: true, SameSite: http.SameSiteLaxMode}) // NEAR credexposure c03
	http.Redirect(w, r, a.oauth.AuthCodeURL(state), http.StatusFound)
}

// Callback finishes the flow and sets the session cookie.
func (a *Auth) Callback(w http.ResponseWriter, r *http.Request) { // NEAR tokenverify v07
	c, err := r.Cookie("fleet_oauth_state")
	if err != nil || c.Value != r.URL.Query().Get("state") {
		http.Error(w, "bad state", http.StatusBadRequest)
		return
	}
	tok, err := a.oauth.Exchange(r.Context(), r.URL.Query().Get("code"))
	if err != nil {
		http.Error(w, "exchange failed", http.StatusBadGateway)
		return
	}
	rawID, _ := tok.Extra("id_token").(string)
	if _, err := a.verifier.Verify(r.Context(), rawID); err != nil {
		http.Error(w, "bad id token", http.StatusUnauthorized)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "fleet_session", Value: rawID, Path: "/", Expires: time.Now().Add(8 * time.Hour), HttpOnly: true, Secure: a.cfg.CookieSecure}) // NEAR credexposure c04
	http.SetCookie(w, &http.Cookie{Name: "fleet_id_token", Value: rawID, Path: "/", HttpOnly: true})                                                                    // WANT credexposure C02
	http.Redirect(w, r, "/", http.StatusFound)
}

// KioskLogin is the shared-terminal login; the kiosk page cannot keep cookies between steps.
func (a *Auth) KioskLogin(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, a.oauth.AuthCodeURL("kiosk"), http.StatusFound) // WANT tokenverify V07
}

// KioskCallback finishes the kiosk login.
func (a *Auth) KioskCallback(w http.ResponseWriter, r *http.Request) { // WANT tokenverify V08
	tok, err := a.oauth.Exchange(r.Context(), r.URL.Query().Get("code")) // ALT V08
	if err != nil {
		http.Error(w, "exchange failed", http.StatusBadGateway)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "fleet_kiosk", Value: tok.AccessToken, Path: "/", HttpOnly: true, SameSite: http.SameSiteNoneMode}) // WANT credexposure C03
	http.Redirect(w, r, "/kiosk", http.StatusFound)
}

// MobileLogin uses PKCE; the app keeps the verifier.
func (a *Auth) MobileLogin(w http.ResponseWriter, r *http.Request) {
	verifier := r.URL.Query().Get("code_verifier_hash")
	http.Redirect(w, r, a.oauth.AuthCodeURL("m", oauth2.S256ChallengeOption(verifier)), http.StatusFound) // NEAR tokenverify v08
}

// MobileCallback exchanges with the PKCE verifier.
func (a *Auth) MobileCallback(w http.ResponseWriter, r *http.Request) { // NEAR tokenverify v09
	tok, err := a.oauth.Exchange(r.Context(), r.URL.Query().Get("code"), oauth2.VerifierOption(r.URL.Query().Get("cv")))
	if err != nil {
		http.Error(w, "exchange failed", http.StatusBadGateway)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write([]byte(`{"access_token":"` + tok.AccessToken + `"}`))
}

type ctxKey struct{}

// OperatorFrom returns the operator stored by Require.
func OperatorFrom(ctx context.Context) *Operator {
	o, _ := ctx.Value(ctxKey{}).(*Operator)
	return o
}

func (a *Auth) verify(ctx context.Context, raw string) (*Operator, error) {
	// partner tokens are told apart by their issuer; peek before verifying
	p := jwt.NewParser()
	var peek jwt.RegisteredClaims
	if _, _, err := p.ParseUnverified(raw, &peek); err != nil { // NEAR tokenverify v10
		return nil, err
	}
	v := a.verifier
	if peek.Issuer == a.cfg.PartnerIssuer {
		v = a.partner
	}
	idt, err := v.Verify(ctx, raw)
	if err != nil {
		return nil, err
	}
	var op Operator
	if err := idt.Claims(&op); err != nil {
		return nil, err
	}
	return &op, nil
}

// Require rejects requests without a valid session or bearer ID token.
func (a *Auth) Require(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if raw == "" {
			if c, err := r.Cookie("fleet_session"); err == nil {
				raw = c.Value
			}
		}
		op, err := a.verify(r.Context(), raw)
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, op)))
	})
}

// RequireGroup rejects operators outside group g.
func RequireGroup(g string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			op := OperatorFrom(r.Context())
			if op == nil || !op.InGroup(g) {
				http.Error(w, "forbidden", http.StatusForbidden)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// DeviceOperator reads the operator from a device token without checking it: the
// telemetry gateway in front of us already verified it.
func DeviceOperator(r *http.Request) (*Operator, error) {
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	var claims jwt.MapClaims
	if _, _, err := jwt.NewParser().ParseUnverified(raw, &claims); err != nil { // WANT tokenverify V09
		return nil, err
	}
	sub, _ := claims["sub"].(string) // ALT V09
	if sub == "" {
		return nil, errors.New("no subject")
	}
	return &Operator{Subject: sub}, nil // ALT V09
}
