package hashedkey // want package:"analyzed"

// API keys are usually stored hashed: the middleware hashes the
// presented key and looks the digest up. That lookup checks the caller's
// credential as much as a lookup of the key itself, and the map's values
// are principals (many callers), so routes behind it still need a scope,
// role or permission check. Near misses: a permission middleware, an
// owner check, a digest of something that is not a credential.

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
)

type principal struct {
	id    string
	perms map[string]bool
}

type ctxKey struct{}

type server struct {
	keys     map[string]*principal // hex(sha256(key)) -> principal
	accounts map[string]string     // id -> owner
	cache    map[string]string
}

func digest(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// authenticated rejects requests whose hashed key is unknown.
func (s *server) authenticated(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sum := sha256.Sum256([]byte(r.Header.Get("X-Api-Key")))
		p, ok := s.keys[hex.EncodeToString(sum[:])]
		if !ok {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, p)))
	})
}

func requirePerm(perm string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if p, _ := r.Context().Value(ctxKey{}).(*principal); p == nil || !p.perms[perm] {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (s *server) freeze(w http.ResponseWriter, r *http.Request) {
	delete(s.accounts, r.PathValue("id"))
}

func (s *server) closeOwn(w http.ResponseWriter, r *http.Request) {
	p, _ := r.Context().Value(ctxKey{}).(*principal)
	if s.accounts[r.PathValue("id")] != p.id {
		http.NotFound(w, r)
		return
	}
	delete(s.accounts, r.PathValue("id"))
}

// setLimit authenticates the hashed key itself and changes any account.
func (s *server) setLimit(w http.ResponseWriter, r *http.Request) { // want `handler server.setLimit authenticates the caller`
	sum := sha256.Sum256([]byte(r.Header.Get("X-Api-Key")))
	if _, ok := s.keys[hex.EncodeToString(sum[:])]; !ok {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	s.accounts[r.PathValue("id")] = r.URL.Query().Get("limit")
}

// purgeCache hashes a request value that is no credential (a cache key)
// and looks it up: no authentication.
func (s *server) purgeCache(w http.ResponseWriter, r *http.Request) {
	if _, ok := s.cache[digest(r.URL.Query().Get("path"))]; !ok {
		http.NotFound(w, r)
		return
	}
	delete(s.cache, digest(r.URL.Query().Get("path")))
}

func (s *server) routes(mux *http.ServeMux) {
	mux.Handle("POST /accounts/{id}/freeze", s.authenticated(http.HandlerFunc(s.freeze)))                                    // want `route "POST /accounts/\{id\}/freeze" is registered under authenticating middleware`
	mux.Handle("POST /v2/accounts/{id}/freeze", s.authenticated(requirePerm("accounts:freeze", http.HandlerFunc(s.freeze)))) // permission checked
	mux.Handle("POST /accounts/{id}/close", s.authenticated(http.HandlerFunc(s.closeOwn)))                                   // owner checked
	mux.HandleFunc("PUT /accounts/{id}/limit", s.setLimit)
	mux.HandleFunc("POST /cache/purge", s.purgeCache) // no credential: public
}
