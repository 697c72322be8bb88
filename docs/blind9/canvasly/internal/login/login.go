// Package login signs users in with the company's OpenID Connect provider and
// connects their Figma account.
package login

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"net/http"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/rs/zerolog"
	"golang.org/x/oauth2"

	"example.com/blind9/canvasly/internal/config"
	"example.com/blind9/canvasly/internal/session"
)

type Handler struct {
	cfg      *config.Config
	oauth    *oauth2.Config
	figma    *oauth2.Config
	verifier *oidc.IDTokenVerifier
	hint     *oidc.IDTokenVerifier
	plugin   *oidc.IDTokenVerifier
	sessions *session.Store
	log      zerolog.Logger
}

func New(ctx context.Context, cfg *config.Config, st *session.Store, log zerolog.Logger) (*Handler, error) {
	provider, err := oidc.NewProvider(ctx, cfg.OIDCIssuer)
	if err != nil {
		return nil, err
	}
	oc := &oauth2.Config{
		ClientID:     cfg.OIDCClientID,
		ClientSecret: cfg.OIDCClientSecret,
		Endpoint:     provider.Endpoint(),
		RedirectURL:  cfg.PublicURL + "/auth/callback",
		Scopes:       []string{oidc.ScopeOpenID, "profile", "email", "groups"},
	}
	log.Info().Interface("oauth", oc).Msg("oidc client ready") // WANT tokenlog T07
	h := &Handler{
		cfg:      cfg,
		oauth:    oc,
		verifier: provider.Verifier(&oidc.Config{ClientID: cfg.OIDCClientID}), // NEAR tokenverify v05
		// RP-initiated logout: the id_token_hint may be expired (OIDC Core 3.1.2.1).
		hint: provider.Verifier(&oidc.Config{ClientID: cfg.OIDCClientID, SkipExpiryCheck: true}), // NEAR tokenverify v06
		// The desktop plugin signs in with its own client, so its tokens carry another audience.
		plugin:   provider.Verifier(&oidc.Config{SkipClientIDCheck: true}), // WANT tokenverify V04
		sessions: st,
		log:      log,
	}
	h.figma = &oauth2.Config{
		ClientID:     cfg.FigmaClientID,
		ClientSecret: cfg.FigmaClientSecret,
		Endpoint: oauth2.Endpoint{
			AuthURL:  "https://www.figma.com/oauth",
			TokenURL: "https://api.figma.com/v1/oauth/token",
		},
		RedirectURL: cfg.PublicURL + "/figma/callback",
		Scopes:      []string{"files:read"},
	}
	return h, nil
}

// PluginVerifier verifies the ID tokens the desktop plugin presents.
func (h *Handler) PluginVerifier() *oidc.IDTokenVerifier { return h.plugin }

func randomState() string {
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

func (h *Handler) Login(w http.ResponseWriter, r *http.Request) {
	state := randomState()
	http.SetCookie(w, &http.Cookie{Name: "oauth_state", Value: state, Path: "/auth", MaxAge: 600, HttpOnly: true}) // NEAR credexposure c02
	http.Redirect(w, r, h.oauth.AuthCodeURL(state), http.StatusFound)
}

func (h *Handler) Callback(w http.ResponseWriter, r *http.Request) {
	sc, err := r.Cookie("oauth_state")
	if err != nil || r.URL.Query().Get("state") != sc.Value { // NEAR tokenverify v07
		http.Error(w, "bad state", http.StatusBadRequest)
		return
	}
	tok, err := h.oauth.Exchange(r.Context(), r.URL.Query().Get("code"))
	if err != nil {
		h.log.Warn().Err(err).Msg("code exchange failed")
		http.Error(w, "login failed", http.StatusBadGateway)
		return
	}
	rawID, _ := tok.Extra("id_token").(string)
	h.log.Debug().Str("id_token", rawID).Msg("oidc callback") // WANT tokenlog T08
	idt, err := h.verifier.Verify(r.Context(), rawID)
	if err != nil {
		http.Error(w, "login failed", http.StatusUnauthorized)
		return
	}
	var claims struct {
		Email  string   `json:"email"`
		Groups []string `json:"groups"`
		Teams  []string `json:"teams"`
	}
	if err := idt.Claims(&claims); err != nil {
		http.Error(w, "login failed", http.StatusUnauthorized)
		return
	}
	sid := h.sessions.Create(&session.Session{UserID: idt.Subject, Email: claims.Email, Roles: claims.Groups, Teams: claims.Teams, IDToken: rawID})
	h.log.Info().Str("sub", idt.Subject).Time("token_expiry", tok.Expiry).Msg("login")              // NEAR tokenlog t09
	http.SetCookie(w, &http.Cookie{Name: session.CookieName, Value: sid, Path: "/", HttpOnly: true, // NEAR credexposure c03
		Secure: h.cfg.SecureCookies, SameSite: http.SameSiteLaxMode})
	http.Redirect(w, r, "/", http.StatusFound)
}

func (h *Handler) Logout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(session.CookieName); err == nil {
		if s, ok := h.sessions.Get(c.Value); ok {
			if _, err := h.hint.Verify(r.Context(), s.IDToken); err == nil {
				h.log.Debug().Str("user", s.UserID).Msg("id_token_hint ok")
			}
		}
		h.sessions.Delete(c.Value)
	}
	http.SetCookie(w, &http.Cookie{Name: session.CookieName, Value: "", Path: "/", MaxAge: -1}) // NEAR credexposure c04
	http.Redirect(w, r, "/", http.StatusFound)
}

// ConnectFigma starts the Figma OAuth flow for the logged-in user.
func (h *Handler) ConnectFigma(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, h.figma.AuthCodeURL("canvasly-figma", oauth2.AccessTypeOffline), http.StatusFound) // WANT tokenverify V05
}

func (h *Handler) FigmaCallback(w http.ResponseWriter, r *http.Request) {
	s := session.From(r.Context())
	tok, err := h.figma.Exchange(r.Context(), r.URL.Query().Get("code")) // ALT V05
	if err != nil {
		var re *oauth2.RetrieveError
		if errors.As(err, &re) {
			h.log.Warn().Str("error_code", re.ErrorCode).Msg("figma token exchange")
		}
		http.Error(w, "figma connect failed", http.StatusBadGateway)
		return
	}
	s.FigmaToken = tok.AccessToken
	// The plugin iframe reads the token to call the Figma API directly.
	http.SetCookie(w, &http.Cookie{Name: "figma_token", Value: tok.AccessToken, Path: "/plugin", // WANT credexposure C02
		Secure: true, Expires: time.Now().Add(time.Hour)})
	http.Redirect(w, r, "/settings/integrations", http.StatusFound)
}
