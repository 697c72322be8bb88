package composed // want package:"analyzed"

// A project's own composing helper, chain(h, mw1, mw2), applies the
// middleware it is given to the handler. Each of them wraps the route as
// if the registration had nested the calls, so a chain of an
// authenticating and a logging middleware is authenticated and not
// authorized, and a chain with a role check is authorized.

import (
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

var signingKey = []byte("k")

type middleware func(http.Handler) http.Handler

func chain(h http.Handler, mws ...middleware) http.Handler {
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i](h)
	}
	return h
}

func authn(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if _, err := jwt.Parse(raw, func(*jwt.Token) (interface{}, error) { return signingKey, nil }); err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r)
	})
}

func requireRole(role string) middleware {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("X-Role") != role {
				http.Error(w, "forbidden", http.StatusForbidden)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

type server struct{ items map[string]int }

func (s *server) restock(w http.ResponseWriter, r *http.Request) {
	s.items[r.PathValue("id")]++
}

func (s *server) routes(mux *http.ServeMux) {
	mux.Handle("POST /items/{id}/restock", chain(http.HandlerFunc(s.restock), authn, logRequests))                 // want `route "POST /items/\{id\}/restock" is registered under authenticating middleware composed.authn`
	mux.Handle("POST /v2/items/{id}/restock", chain(http.HandlerFunc(s.restock), authn, requireRole("stock")))     // role required by the chain
	mux.Handle("POST /v3/items/{id}/restock", chain(http.HandlerFunc(s.restock), logRequests))                     // no authentication: public, not this rule's business
	mux.Handle("POST /v4/items/{id}/restock", chain(http.HandlerFunc(s.restock), logRequests, requireRole("ops"))) // role required, no token parsed
}
