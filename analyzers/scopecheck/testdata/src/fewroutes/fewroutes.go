package fewroutes // want package:"analyzed"

// This package has a handful of routes behind a login: too few to call the silence a design.

import (
	"context"
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

type ctxKey struct{}

var secret = []byte("s")

type store struct{ rows map[string]string }

func (s *store) Put(k, v string) { s.rows[k] = v } // want Put:"work"

var db = &store{}

// authn validates the session token and stores its claims.
func authn(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		tok, err := jwt.Parse(raw, func(*jwt.Token) (interface{}, error) { return secret, nil })
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, tok)))
	})
}

func h0(w http.ResponseWriter, r *http.Request) { db.Put("k0", r.FormValue("v")) }

func h1(w http.ResponseWriter, r *http.Request) { db.Put("k1", r.FormValue("v")) }

func h2(w http.ResponseWriter, r *http.Request) { db.Put("k2", r.FormValue("v")) }

func h3(w http.ResponseWriter, r *http.Request) { db.Put("k3", r.FormValue("v")) }

func h4(w http.ResponseWriter, r *http.Request) { db.Put("k4", r.FormValue("v")) }

func routes() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /things/0", h0) // want `route "POST /things/0" is registered under authenticating middleware fewroutes.authn`
	mux.HandleFunc("POST /things/1", h1) // want `route "POST /things/1" is registered under authenticating middleware fewroutes.authn`
	mux.HandleFunc("POST /things/2", h2) // want `route "POST /things/2" is registered under authenticating middleware fewroutes.authn`
	mux.HandleFunc("POST /things/3", h3) // want `route "POST /things/3" is registered under authenticating middleware fewroutes.authn`
	mux.HandleFunc("POST /things/4", h4) // want `route "POST /things/4" is registered under authenticating middleware fewroutes.authn`
	http.ListenAndServe(":8080", authn(mux))
}
