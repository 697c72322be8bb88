package audience // want package:"analyzed"

// Checking a token's audience is part of validating it: the audience
// names the API the token was issued for, and every caller of this API
// holds a token with that audience. It decides nothing about what one
// caller may do, so it is no authorization. Each positive has a near
// miss beside it that checks a scope, a role or an owner.

import (
	"context"
	"net/http"
	"slices"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

type claims struct {
	jwt.RegisteredClaims
	Scope string
	Roles []string
}

type ctxKey struct{}

var signingKey = []byte("k")

type verifier struct{ aud string }

// verify parses the bearer token, requiring this API's audience.
func (v *verifier) verify(r *http.Request) (*claims, error) {
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	c := &claims{}
	_, err := jwt.ParseWithClaims(raw, c, func(*jwt.Token) (interface{}, error) { return signingKey, nil }, jwt.WithAudience(v.aud))
	return c, err
}

// authenticate rejects requests without a valid token for this API.
func (v *verifier) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := v.verify(r)
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, c)))
	})
}

// audienceClaim checks the audience claim by hand.
func audienceClaim(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		c := &claims{}
		if _, err := jwt.ParseWithClaims(raw, c, func(*jwt.Token) (interface{}, error) { return signingKey, nil }); err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		if !slices.Contains(c.Audience, "inventory") {
			http.Error(w, "wrong audience", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, c)))
	})
}

func requireScope(scope string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, _ := r.Context().Value(ctxKey{}).(*claims)
		if c == nil || !slices.Contains(strings.Fields(c.Scope), scope) {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

type server struct {
	v     *verifier
	items map[string]string
}

func (s *server) deleteItem(w http.ResponseWriter, r *http.Request) {
	delete(s.items, r.PathValue("id"))
}

// purge checks the admin role itself.
func (s *server) purge(w http.ResponseWriter, r *http.Request) {
	c, _ := r.Context().Value(ctxKey{}).(*claims)
	if c == nil || !slices.Contains(c.Roles, "admin") {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	clear(s.items)
}

// renameOwn renames only the caller's own item.
func (s *server) renameOwn(w http.ResponseWriter, r *http.Request) {
	c, _ := r.Context().Value(ctxKey{}).(*claims)
	s.items[c.Subject] = r.URL.Query().Get("name")
}

// adjust validates the token itself, with the audience, and then
// changes any item.
func (s *server) adjust(w http.ResponseWriter, r *http.Request) { // want `handler server.adjust authenticates the caller`
	if _, err := s.v.verify(r); err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	s.items[r.PathValue("id")] = r.URL.Query().Get("v")
}

// adjustScoped validates the token itself and checks a scope.
func (s *server) adjustScoped(w http.ResponseWriter, r *http.Request) {
	c, err := s.v.verify(r)
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	if !slices.Contains(strings.Fields(c.Scope), "items:write") {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	s.items[r.PathValue("id")] = r.URL.Query().Get("v")
}

func (s *server) routes(mux *http.ServeMux) {
	authn := s.v.authenticate
	mux.Handle("DELETE /items/{id}", authn(http.HandlerFunc(s.deleteItem)))                                  // want `route "DELETE /items/\{id\}" is registered under authenticating middleware`
	mux.Handle("DELETE /v2/items/{id}", authn(requireScope("items:delete", http.HandlerFunc(s.deleteItem)))) // scope checked in middleware
	mux.Handle("POST /purge", authn(http.HandlerFunc(s.purge)))                                              // role checked in the handler
	mux.Handle("PUT /me/item", authn(http.HandlerFunc(s.renameOwn)))                                         // the caller's own item
	mux.Handle("DELETE /v3/items/{id}", audienceClaim(http.HandlerFunc(s.deleteItem)))                       // want `route "DELETE /v3/items/\{id\}" is registered under authenticating middleware`
	mux.Handle("POST /v3/purge", audienceClaim(http.HandlerFunc(s.purge)))                                   // role checked in the handler
	mux.HandleFunc("POST /items/{id}/adjust", s.adjust)
	mux.HandleFunc("POST /items/{id}/adjust-scoped", s.adjustScoped)
}
