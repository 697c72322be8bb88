package api

import (
	"context"
	"log"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

type Claims struct {
	jwt.RegisteredClaims
	AccountID string   `json:"acct"`
	Scopes    []string `json:"scopes"`
	Roles     []string `json:"roles"`
}

type ctxKey int

const claimsKey ctxKey = 0

func claimsFrom(ctx context.Context) *Claims {
	c, _ := ctx.Value(claimsKey).(*Claims)
	return c
}

func (s *Server) keyFunc(t *jwt.Token) (any, error) { // ALT V13
	return []byte(s.cfg.JWTSecret), nil
}

func (s *Server) parse(raw string, opts ...jwt.ParserOption) (*Claims, error) {
	var c Claims
	if _, err := jwt.ParseWithClaims(raw, &c, s.keyFunc, opts...); err != nil { // WANT tokenverify V13
		return nil, err
	}
	return &c, nil
}

func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := r.Header.Get("Authorization")
		c, err := s.parse(strings.TrimPrefix(h, "Bearer "))
		if err != nil {
			log.Printf("auth: %v (authorization=%q)", err, h) // WANT tokenlog T20
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		log.Printf("auth: %s %s account=%s sub=%s", r.Method, r.URL.Path, c.AccountID, c.Subject) // NEAR tokenlog t23
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), claimsKey, c)))
	})
}

func requireRole(role string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if c := claimsFrom(r.Context()); c == nil || !slices.Contains(c.Roles, role) {
				http.Error(w, "forbidden", http.StatusForbidden)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

func hasScope(c *Claims, scope string) bool { return slices.Contains(c.Scopes, scope) }

// refresh trades a token, possibly expired, for a fresh one, so that SDKs
// that were offline for a while do not have to log in again.
func (s *Server) refresh(w http.ResponseWriter, r *http.Request) {
	c, err := s.parse(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "), jwt.WithoutClaimsValidation()) // WANT tokenverify V14
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	c.ExpiresAt = jwt.NewNumericDate(time.Now().Add(time.Hour))
	c.IssuedAt = jwt.NewNumericDate(time.Now())
	signed, err := jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString([]byte(s.cfg.JWTSecret))
	if err != nil {
		http.Error(w, "sign", http.StatusInternalServerError)
		return
	}
	writeJSON(w, map[string]string{"access_token": signed, "token_type": "Bearer"})
}
