package principal // want package:"analyzed"

// The caller travels in the request context; FromContext, in another
// package than the handlers, reads it back.

import (
	"context"
	"net/http"
)

type Principal struct {
	ID     string
	Fleets map[string]bool
}

// InFleet is a membership of the caller: asked about a resource.
func (p *Principal) InFleet(fleet string) bool { return p != nil && p.Fleets[fleet] } // want InFleet:"work\\(reads p.Fleets\\)"

// CheckPassword asks about what the caller presents.
func (p *Principal) CheckPassword(pw string) bool { return pw != "" && p.ID != "" }

type principalKey struct{}

func FromContext(ctx context.Context) *Principal { // want FromContext:"asks the caller"
	p, _ := ctx.Value(principalKey{}).(*Principal)
	return p
}

func WithPrincipal(ctx context.Context, p *Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

var sessions = map[string]*Principal{}

// Require authenticates the session cookie.
func Require(next http.Handler) http.Handler { // want Require:`authenticates\(lookup of the session cookie in sessions\)` Require:`middleware\(authn=true authz=false`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie("session")
		if err != nil {
			http.Error(w, "login required", http.StatusUnauthorized)
			return
		}
		p, ok := sessions[c.Value]
		if !ok {
			http.Error(w, "login required", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(WithPrincipal(r.Context(), p)))
	})
}
