package preflight // want package:"analyzed"

// CORS preflight routes: an OPTIONS registration behind authenticating
// middleware is no authenticated API (browsers send preflights without
// credentials). The same handlers under another method are reported.

import (
	"context"
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"
	"github.com/golang-jwt/jwt/v5"
)

type ctxKey struct{}

var key = []byte("k")

type Store struct{ rows map[string]string }

func (s *Store) Delete(id string) { delete(s.rows, id) } // want Delete:"work\\(deletes from s.rows\\)"

var store = &Store{}

func authn(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		tok, err := jwt.Parse(raw, func(*jwt.Token) (interface{}, error) { return key, nil })
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, tok)))
	})
}

// remove deletes the row the request names.
func remove(w http.ResponseWriter, r *http.Request) { store.Delete(r.PathValue("id")) }

func routes(mux *http.ServeMux) http.Handler {
	r := chi.NewRouter()
	r.Use(authn)
	r.Options("/rows/{id}", remove) // silent: an OPTIONS route answers preflights
	r.Delete("/rows/{id}", remove)  // want `route "/rows/{id}" is registered under authenticating middleware preflight.authn`
	r.Group(func(g chi.Router) {
		g.Use(authn)
		g.Options("/group/{id}", remove) // silent: a preflight route in a group
	})

	mux.Handle("OPTIONS /items/{id}", authn(http.HandlerFunc(remove))) // silent: a preflight pattern
	mux.Handle("DELETE /items/{id}", authn(http.HandlerFunc(remove)))  // want `route "DELETE /items/{id}" is registered under authenticating middleware preflight.authn`
	mux.Handle("/any/{id}", authn(http.HandlerFunc(remove)))           // want `route "/any/{id}" is registered under authenticating middleware preflight.authn`
	return r
}
