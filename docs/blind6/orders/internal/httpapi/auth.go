package httpapi

import (
	"context"
	"crypto/subtle"
	"net/http"
	"slices"
	"strings"

	"github.com/golang-jwt/jwt/v5"

	"example.com/blind6/orders/internal/service"
)

// Claims are the access-token claims issued by the company IdP.
type Claims struct {
	jwt.RegisteredClaims
	Scope         string   `json:"scope"`
	Roles         []string `json:"roles"`
	TenantID      string   `json:"tid"`
	EmailVerified bool     `json:"email_verified"`
}

func (c *Claims) HasScope(want string) bool {
	return slices.Contains(strings.Fields(c.Scope), want)
}

type claimsKey struct{}

func claimsFrom(r *http.Request) *Claims {
	c, _ := r.Context().Value(claimsKey{}).(*Claims)
	return c
}

func (s *Server) parse(raw string) (*Claims, error) {
	claims := &Claims{}
	_, err := jwt.ParseWithClaims(raw, claims, func(*jwt.Token) (any, error) { return s.verifyKey, nil },
		jwt.WithValidMethods([]string{"RS256"}), jwt.WithIssuer(s.issuer), jwt.WithExpirationRequired())
	if err != nil {
		return nil, err
	}
	return claims, nil
}

// authenticate rejects requests without a valid access token.
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok {
			http.Error(w, "missing bearer token", http.StatusUnauthorized)
			return
		}
		claims, err := s.parse(raw)
		if err != nil {
			http.Error(w, "invalid token", http.StatusUnauthorized)
			return
		}
		ctx := context.WithValue(r.Context(), claimsKey{}, claims)
		ctx = service.WithCaller(ctx, &service.Caller{Subject: claims.Subject, TenantID: claims.TenantID, Roles: claims.Roles})
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// requireScope rejects tokens without the given scope.
func (s *Server) requireScope(scope string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			c := claimsFrom(r)
			if c == nil || !c.HasScope(scope) {
				http.Error(w, "insufficient scope", http.StatusForbidden)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// adminOnly accepts the single operations token from the deployment configuration.
func (s *Server) adminOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok := r.Header.Get("X-Admin-Token")
		if tok == "" || subtle.ConstantTimeCompare([]byte(tok), []byte(s.adminToken)) != 1 {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// chain applies the middleware in order: the first one is the outermost.
func chain(h http.Handler, mws ...func(http.Handler) http.Handler) http.Handler {
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i](h)
	}
	return h
}
