// Package authn resolves the session cookie or API token to a user.
package authn

import (
	"context"
	"net/http"
	"strings"
)

// User is the authenticated caller.
type User struct {
	ID      string
	Email   string
	IsAgent bool
	IsAdmin bool
	Scopes  []string
}

// Sessions looks sessions up by id.
type Sessions interface {
	Lookup(ctx context.Context, id string) (*User, error)
}

type key struct{}

// UserFrom returns the caller stored by the middleware.
func UserFrom(ctx context.Context) *User {
	u, _ := ctx.Value(key{}).(*User)
	return u
}

// Middleware holds the authentication middlewares.
type Middleware struct {
	Sessions Sessions
}

func (m *Middleware) lookup(r *http.Request) (*User, error) {
	if c, err := r.Cookie("sid"); err == nil {
		return m.Sessions.Lookup(r.Context(), c.Value)
	}
	tok, _ := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return m.Sessions.Lookup(r.Context(), tok)
}

// Required rejects requests without a valid session.
func (m *Middleware) Required(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u, err := m.lookup(r)
		if err != nil || u == nil {
			http.Error(w, "login required", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), key{}, u)))
	})
}

// Optional stores the user when the session is valid and lets everyone through.
func (m *Middleware) Optional(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if u, err := m.lookup(r); err == nil && u != nil {
			r = r.WithContext(context.WithValue(r.Context(), key{}, u))
		}
		next.ServeHTTP(w, r)
	})
}

// AgentsOnly rejects callers who are not support agents.
func AgentsOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if u := UserFrom(r.Context()); u == nil || !u.IsAgent {
			http.Error(w, "agents only", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// RequireScope rejects callers whose token lacks the scope.
func RequireScope(scope string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			u := UserFrom(r.Context())
			if u != nil {
				for _, s := range u.Scopes {
					if s == scope {
						next.ServeHTTP(w, r)
						return
					}
				}
			}
			http.Error(w, "insufficient scope", http.StatusForbidden)
		})
	}
}
