// Package session mints and reads the signin service's own session tokens and cookies.
package session

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// Claims are the claims of a session token.
type Claims struct {
	UserID string   `json:"uid"`
	Roles  []string `json:"roles"`
	jwt.RegisteredClaims
}

// Manager issues session tokens signed with the service's HMAC key.
type Manager struct {
	key           []byte
	ttl           time.Duration
	SecureCookies bool // false only for local development over http://localhost
}

// NewManager returns a Manager.
func NewManager(key []byte, ttl time.Duration) *Manager {
	return &Manager{key: key, ttl: ttl, SecureCookies: true}
}

// Mint issues a short-lived session token.
func (m *Manager) Mint(userID string, roles []string) (string, error) {
	now := time.Now()
	claims := Claims{UserID: userID, Roles: roles, RegisteredClaims: jwt.RegisteredClaims{
		Subject:   userID,
		Issuer:    "signin",
		IssuedAt:  jwt.NewNumericDate(now),
		ExpiresAt: jwt.NewNumericDate(now.Add(m.ttl)),
	}}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(m.key) // NEAR tokenverify v01
}

// MintRemember issues the remember-me token kept by the browser between sessions.
func (m *Manager) MintRemember(userID string) (string, error) {
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"uid": userID, "typ": "remember", "iat": time.Now().Unix()}) // WANT tokenverify V01
	return tok.SignedString(m.key)
}

// Parse verifies a session token.
func (m *Manager) Parse(raw string) (*Claims, error) {
	var c Claims
	_, err := jwt.ParseWithClaims(raw, &c, func(t *jwt.Token) (any, error) { // NEAR tokenverify v02
		return m.key, nil
	}, jwt.WithValidMethods([]string{"HS256"}), jwt.WithIssuer("signin"), jwt.WithExpirationRequired())
	if err != nil {
		return nil, err
	}
	return &c, nil
}

// ParseRemember verifies a remember-me token and returns the user id.
func (m *Manager) ParseRemember(raw string) (string, error) {
	tok, err := jwt.Parse(raw, func(t *jwt.Token) (any, error) { // WANT tokenverify V02
		return m.key, nil
	})
	if err != nil {
		return "", err
	}
	mc, _ := tok.Claims.(jwt.MapClaims)
	uid, _ := mc["uid"].(string)
	if mc["typ"] != "remember" || uid == "" {
		return "", errors.New("not a remember-me token")
	}
	return uid, nil
}

// SetSession writes the session cookie.
func (m *Manager) SetSession(w http.ResponseWriter, tok string) {
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: tok, Path: "/", HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode}) // NEAR credexposure c01
}

// SetRemember writes the remember-me cookie (30 days).
func (m *Manager) SetRemember(w http.ResponseWriter, tok string) {
	http.SetCookie(w, &http.Cookie{Name: "remember_token", Value: tok, Path: "/", MaxAge: 30 * 24 * 3600, HttpOnly: true}) // WANT credexposure C01
}

// SetDevSession writes the session cookie with Secure decided by configuration.
func (m *Manager) SetDevSession(w http.ResponseWriter, tok string) {
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: tok, Path: "/", HttpOnly: true, Secure: m.SecureCookies}) // NEAR credexposure c02
}

// Clear deletes the session cookies.
func (m *Manager) Clear(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: "", Path: "/", MaxAge: -1})            // NEAR credexposure c03
	http.SetCookie(w, &http.Cookie{Name: "remember_token", Value: "", Path: "/", MaxAge: -1}) // NEAR credexposure c04
}

type ctxKey struct{}

// FromContext returns the session claims a middleware stored.
func FromContext(ctx context.Context) (*Claims, bool) {
	c, ok := ctx.Value(ctxKey{}).(*Claims)
	return c, ok
}

// Require accepts the session from the cookie or from an Authorization header (the mobile apps).
func (m *Manager) Require(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if raw == "" {
			if c, err := r.Cookie("sid"); err == nil {
				raw = c.Value
			}
		}
		claims, err := m.Parse(raw)
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, claims)))
	})
}

// RequireForDownloads is Require for the export download links, which the web app opens in a new tab.
func (m *Manager) RequireForDownloads(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if raw == "" {
			raw = r.URL.Query().Get("access_token") // WANT credexposure C02
		}
		claims, err := m.Parse(raw)
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, claims)))
	})
}
