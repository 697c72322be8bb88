// Package api serves the webapp's JSON API for scripts (gorilla/mux).
package api

import (
	"net/http"

	"github.com/gorilla/mux"
)

// Keys checks personal access tokens.
type Keys interface {
	Owner(token string) (string, error)
}

// API serves /api.
type API struct {
	K Keys
}

// Register installs the routes.
func (a *API) Register(r *mux.Router) {
	r.Handle("/api/items", a.auth(http.HandlerFunc(a.items))).Methods(http.MethodGet)
	r.Handle("/api/feed.ics", a.authHeaderOnly(http.HandlerFunc(a.items))).Methods(http.MethodGet)
}

// auth takes the personal access token from X-Api-Key or, for curl users, from a form value.
func (a *API) auth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := r.Header.Get("X-Api-Key")
		if key == "" {
			key = r.FormValue("api_key") // WANT credexposure C26
		}
		if _, err := a.K.Owner(key); err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// authHeaderOnly takes the token from the header only; the query carries the calendar's filters.
func (a *API) authHeaderOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := a.K.Owner(r.Header.Get("X-Api-Key")); err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		if r.URL.Query().Get("cursor") != "" { // NEAR credexposure c31
			w.Header().Set("X-Paged", "1")
		}
		next.ServeHTTP(w, r)
	})
}

func (a *API) items(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("[]"))
}
