package api // want package:"analyzed"

// Package api registers routes behind the middleware fields of httpx.

import (
	"net/http"

	"example.com/tunnel/httpx"
)

type Store struct{ rows map[string]string }

func (s *Store) Drop(name string) { delete(s.rows, name) } // want Drop:"work"

var store = &Store{}

func drop(w http.ResponseWriter, r *http.Request) { store.Drop(r.URL.Query().Get("name")) }

func Routes(h *httpx.Helper) {
	admin := h.Router.PathPrefix("/api").Subrouter()
	admin.Use(h.AuthMiddleware) // the one configured account: the access decision
	admin.HandleFunc("/api/proxies", drop).Methods("DELETE")

	users := h.Router.PathPrefix("/u").Subrouter()
	users.Use(h.UserMiddleware)
	users.HandleFunc("/u/proxies", drop).Methods("DELETE") // want `route "/u/proxies" is registered under authenticating middleware UserMiddleware`

	either := h.Router.PathPrefix("/e").Subrouter()
	either.Use(h.AnyMiddleware)
	either.HandleFunc("/e/proxies", drop).Methods("DELETE") // want `route "/e/proxies" is registered under authenticating middleware AnyMiddleware`

	tok := h.Router.PathPrefix("/t").Subrouter()
	tok.Use(h.TokenAuthMiddleware)                       // no value in sight: judged by its name
	tok.HandleFunc("/t/proxies", drop).Methods("DELETE") // want `route "/t/proxies" is registered under authenticating middleware TokenAuthMiddleware`
}
