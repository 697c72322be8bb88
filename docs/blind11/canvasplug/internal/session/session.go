// Package session signs users in with the design tool's identity provider (authorization code
// with PKCE) and keeps their server-side sessions.
package session

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"net/http"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"go.uber.org/zap"
	"golang.org/x/oauth2"
)

const cookieName = "cp_session"

// Session is a signed-in user, with the design tool's tokens for calls on their behalf.
type Session struct {
	ID           string
	UserID       string
	Email        string
	Staff        bool
	Teams        map[string]string // team id -> role
	AccessToken  string
	RefreshToken string
	Expiry       time.Time
	IDToken      string
}

type Manager struct {
	oauth      *oauth2.Config
	verifier   *oidc.IDTokenVerifier
	hintVerify *oidc.IDTokenVerifier
	endSession string
	log        *zap.Logger

	mu       sync.RWMutex
	sessions map[string]*Session
}

func New(ctx context.Context, issuer, clientID, clientSecret, publicURL string, log *zap.Logger) (*Manager, error) {
	p, err := oidc.NewProvider(ctx, issuer)
	if err != nil {
		return nil, err
	}
	var meta struct {
		EndSession string `json:"end_session_endpoint"`
	}
	_ = p.Claims(&meta)
	return &Manager{
		oauth: &oauth2.Config{
			ClientID: clientID, ClientSecret: clientSecret, Endpoint: p.Endpoint(),
			RedirectURL: publicURL + "/auth/callback",
			Scopes:      []string{oidc.ScopeOpenID, "email", "profile", "files:read", "comments:read"},
		},
		verifier: p.Verifier(&oidc.Config{ClientID: clientID}), // NEAR tokenverify v07
		// The id_token_hint sent at logout may have expired; the IdP only needs to know whose
		// session to end.
		hintVerify: p.Verifier(&oidc.Config{ClientID: clientID, SkipExpiryCheck: true}), // NEAR tokenverify v08
		endSession: meta.EndSession,
		log:        log,
		sessions:   map[string]*Session{},
	}, nil
}

func random(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

func setTemp(w http.ResponseWriter, name, v string) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: v, Path: "/auth", MaxAge: 600, HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode})
}

// Login starts the flow.
func (m *Manager) Login(w http.ResponseWriter, r *http.Request) {
	state, verifier := random(24), oauth2.GenerateVerifier()
	setTemp(w, "cp_state", state)
	setTemp(w, "cp_pkce", verifier)
	http.Redirect(w, r, m.oauth.AuthCodeURL(state, oauth2.S256ChallengeOption(verifier)), http.StatusFound)
}

// Callback finishes the flow and starts a session.
func (m *Manager) Callback(w http.ResponseWriter, r *http.Request) { // NEAR scopecheck s17
	st, err := r.Cookie("cp_state")
	if err != nil || r.URL.Query().Get("state") != st.Value { // NEAR tokenverify v09
		http.Error(w, "state mismatch", http.StatusBadRequest)
		return
	}
	pk, err := r.Cookie("cp_pkce")
	if err != nil {
		http.Error(w, "missing verifier", http.StatusBadRequest)
		return
	}
	tok, err := m.oauth.Exchange(r.Context(), r.URL.Query().Get("code"), oauth2.VerifierOption(pk.Value))
	if err != nil {
		m.log.Warn("code exchange failed", zap.Error(err))
		http.Error(w, "sign-in failed", http.StatusBadGateway)
		return
	}
	raw, _ := tok.Extra("id_token").(string)
	idt, err := m.verifier.Verify(r.Context(), raw)
	if err != nil {
		m.log.Warn("id token rejected", zap.Error(err))
		http.Error(w, "sign-in failed", http.StatusUnauthorized)
		return
	}
	var c struct {
		Email string            `json:"email"`
		Staff bool              `json:"canvasly_staff"`
		Teams map[string]string `json:"teams"`
	}
	if err := idt.Claims(&c); err != nil {
		http.Error(w, "sign-in failed", http.StatusUnauthorized)
		return
	}
	s := &Session{ID: random(32), UserID: idt.Subject, Email: c.Email, Staff: c.Staff, Teams: c.Teams,
		AccessToken: tok.AccessToken, RefreshToken: tok.RefreshToken, Expiry: tok.Expiry, IDToken: raw}
	m.mu.Lock()
	m.sessions[s.ID] = s
	m.mu.Unlock()
	m.log.Debug("session started", zap.Any("session", s)) // WANT tokenlog T08
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: s.ID, Path: "/", HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode})
	http.Redirect(w, r, "/", http.StatusFound)
}

// Logout ends the session here and at the IdP.
func (m *Manager) Logout(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie(cookieName)
	if err == nil {
		m.mu.Lock()
		s := m.sessions[c.Value]
		delete(m.sessions, c.Value)
		m.mu.Unlock()
		if s != nil {
			if _, err := m.hintVerify.Verify(r.Context(), s.IDToken); err == nil && m.endSession != "" {
				http.SetCookie(w, &http.Cookie{Name: cookieName, Path: "/", MaxAge: -1})
				http.Redirect(w, r, m.endSession+"?id_token_hint="+s.IDToken, http.StatusFound)
				return
			}
		}
	}
	http.SetCookie(w, &http.Cookie{Name: cookieName, Path: "/", MaxAge: -1})
	http.Redirect(w, r, "/", http.StatusFound)
}

type ctxKey struct{}

// From returns the session Require stored.
func From(ctx context.Context) *Session { return ctx.Value(ctxKey{}).(*Session) }

// Require rejects requests without a live session.
func (m *Manager) Require(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie(cookieName)
		if err != nil {
			http.Error(w, "sign in first", http.StatusUnauthorized)
			return
		}
		m.mu.RLock()
		s := m.sessions[c.Value]
		m.mu.RUnlock()
		if s == nil {
			http.Error(w, "session expired", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, s)))
	})
}

// RequireStaff lets only Canvasly staff through (plugin review).
func RequireStaff(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !From(r.Context()).Staff {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// RequireTeamRole lets through members of {teamID} with role.
func RequireTeamRole(role string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			team := r.PathValue("teamID")
			if team == "" {
				team = chiParam(r, "teamID")
			}
			if From(r.Context()).Teams[team] != role {
				http.Error(w, "forbidden", http.StatusForbidden)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// Token returns a valid design-tool access token for the session, refreshing it if needed.
func (m *Manager) Token(ctx context.Context, s *Session) (string, error) {
	if time.Until(s.Expiry) > time.Minute {
		return s.AccessToken, nil
	}
	src := m.oauth.TokenSource(ctx, &oauth2.Token{AccessToken: s.AccessToken, RefreshToken: s.RefreshToken, Expiry: s.Expiry})
	tok, err := src.Token()
	if err != nil {
		m.log.Warn("design token refresh failed", zap.String("user", s.UserID), zap.String("refresh_token", s.RefreshToken), zap.Error(err)) // WANT tokenlog T09
		return "", err
	}
	m.log.Debug("design token refreshed", zap.String("user", s.UserID), zap.String("token_type", tok.TokenType), zap.Time("expiry", tok.Expiry)) // NEAR tokenlog t09
	m.mu.Lock()
	s.AccessToken, s.RefreshToken, s.Expiry = tok.AccessToken, tok.RefreshToken, tok.Expiry
	m.mu.Unlock()
	return tok.AccessToken, nil
}
