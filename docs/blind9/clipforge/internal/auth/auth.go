// Package auth verifies the bearer tokens issued by the clipforge identity service
// and mints the short-lived tokens the player and the upload widget use.
package auth

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

type Claims struct {
	jwt.RegisteredClaims
	Scope   string `json:"scope"`
	Channel string `json:"chn"`
}

func (c *Claims) HasScope(want string) bool {
	for _, s := range strings.Fields(c.Scope) {
		if s == want {
			return true
		}
	}
	return false
}

type ctxKey struct{}

func FromContext(ctx context.Context) (*Claims, bool) {
	c, ok := ctx.Value(ctxKey{}).(*Claims)
	return c, ok
}

type Verifier struct {
	secret   []byte
	audience string
	log      *slog.Logger
}

func NewVerifier(secret []byte, audience string, log *slog.Logger) *Verifier {
	return &Verifier{secret: secret, audience: audience, log: log}
}

func (v *Verifier) Parse(raw string) (*Claims, error) {
	claims := &Claims{}
	_, err := jwt.ParseWithClaims(raw, claims, func(t *jwt.Token) (any, error) { return v.secret, nil }, // NEAR tokenverify v03
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithAudience(v.audience), jwt.WithExpirationRequired())
	if err != nil {
		return nil, fmt.Errorf("parse bearer: %w", err)
	}
	return claims, nil
}

// Bearer returns the token of an Authorization: Bearer header.
func Bearer(r *http.Request) string {
	h := r.Header.Get("Authorization")
	if len(h) > 7 && strings.EqualFold(h[:7], "bearer ") {
		return strings.TrimSpace(h[7:])
	}
	return ""
}

// Authenticate rejects requests without a valid bearer token and stores the claims.
func (v *Verifier) Authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw := Bearer(r)
		if raw == "" {
			http.Error(w, "missing bearer token", http.StatusUnauthorized)
			return
		}
		claims, err := v.Parse(raw)
		if err != nil {
			v.log.Warn("rejected bearer token", "path", r.URL.Path, "token", raw, "err", err) // WANT tokenlog T03
			http.Error(w, "invalid token", http.StatusUnauthorized)
			return
		}
		v.log.Debug("authenticated", "sub", claims.Subject, "jti", claims.ID, "token_len", len(raw)) // NEAR tokenlog t05
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, claims)))
	})
}

// RequireScope must run after Authenticate.
func RequireScope(scope string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			c, ok := FromContext(r.Context())
			if !ok || !c.HasScope(scope) {
				http.Error(w, "insufficient scope", http.StatusForbidden)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// MintEmbedToken signs the token the iframe player sends with each segment request.
func MintEmbedToken(key []byte, playbackID string) (string, error) {
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": playbackID, "aud": "playback", "kind": "embed"}) // WANT tokenverify V03
	return tok.SignedString(key)
}

// MintUploadToken signs the token the browser upload widget uses for one channel.
func MintUploadToken(key []byte, channelID string, ttl time.Duration) (string, error) {
	now := time.Now()
	claims := jwt.RegisteredClaims{
		Subject:   channelID,
		Audience:  jwt.ClaimStrings{"upload"},
		IssuedAt:  jwt.NewNumericDate(now),
		ExpiresAt: jwt.NewNumericDate(now.Add(ttl)),
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key) // NEAR tokenverify v04
}
