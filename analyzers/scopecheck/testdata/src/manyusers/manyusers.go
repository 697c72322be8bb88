package manyusers // want package:"analyzed"

// This package has the same routes, but one handler reads the caller: more than one principal, every route is judged.

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

func h0(w http.ResponseWriter, r *http.Request) {
	tok, _ := r.Context().Value(ctxKey{}).(*jwt.Token)
	db.Put("owner", tok.Raw)
}

func h1(w http.ResponseWriter, r *http.Request) { db.Put("k1", r.FormValue("v")) }

func h2(w http.ResponseWriter, r *http.Request) { db.Put("k2", r.FormValue("v")) }

func h3(w http.ResponseWriter, r *http.Request) { db.Put("k3", r.FormValue("v")) }

func h4(w http.ResponseWriter, r *http.Request) { db.Put("k4", r.FormValue("v")) }

func h5(w http.ResponseWriter, r *http.Request) { db.Put("k5", r.FormValue("v")) }

func h6(w http.ResponseWriter, r *http.Request) { db.Put("k6", r.FormValue("v")) }

func h7(w http.ResponseWriter, r *http.Request) { db.Put("k7", r.FormValue("v")) }

func h8(w http.ResponseWriter, r *http.Request) { db.Put("k8", r.FormValue("v")) }

func h9(w http.ResponseWriter, r *http.Request) { db.Put("k9", r.FormValue("v")) }

func h10(w http.ResponseWriter, r *http.Request) { db.Put("k10", r.FormValue("v")) }

func h11(w http.ResponseWriter, r *http.Request) { db.Put("k11", r.FormValue("v")) }

func h12(w http.ResponseWriter, r *http.Request) { db.Put("k12", r.FormValue("v")) }

func h13(w http.ResponseWriter, r *http.Request) { db.Put("k13", r.FormValue("v")) }

func h14(w http.ResponseWriter, r *http.Request) { db.Put("k14", r.FormValue("v")) }

func h15(w http.ResponseWriter, r *http.Request) { db.Put("k15", r.FormValue("v")) }

func h16(w http.ResponseWriter, r *http.Request) { db.Put("k16", r.FormValue("v")) }

func h17(w http.ResponseWriter, r *http.Request) { db.Put("k17", r.FormValue("v")) }

func h18(w http.ResponseWriter, r *http.Request) { db.Put("k18", r.FormValue("v")) }

func h19(w http.ResponseWriter, r *http.Request) { db.Put("k19", r.FormValue("v")) }

func h20(w http.ResponseWriter, r *http.Request) { db.Put("k20", r.FormValue("v")) }

func h21(w http.ResponseWriter, r *http.Request) { db.Put("k21", r.FormValue("v")) }

func routes() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /things/0", h0)   // want `route "POST /things/0" is registered under authenticating middleware manyusers.authn`
	mux.HandleFunc("POST /things/1", h1)   // want `route "POST /things/1" is registered under authenticating middleware manyusers.authn`
	mux.HandleFunc("POST /things/2", h2)   // want `route "POST /things/2" is registered under authenticating middleware manyusers.authn`
	mux.HandleFunc("POST /things/3", h3)   // want `route "POST /things/3" is registered under authenticating middleware manyusers.authn`
	mux.HandleFunc("POST /things/4", h4)   // want `route "POST /things/4" is registered under authenticating middleware manyusers.authn`
	mux.HandleFunc("POST /things/5", h5)   // want `route "POST /things/5" is registered under authenticating middleware manyusers.authn`
	mux.HandleFunc("POST /things/6", h6)   // want `route "POST /things/6" is registered under authenticating middleware manyusers.authn`
	mux.HandleFunc("POST /things/7", h7)   // want `route "POST /things/7" is registered under authenticating middleware manyusers.authn`
	mux.HandleFunc("POST /things/8", h8)   // want `route "POST /things/8" is registered under authenticating middleware manyusers.authn`
	mux.HandleFunc("POST /things/9", h9)   // want `route "POST /things/9" is registered under authenticating middleware manyusers.authn`
	mux.HandleFunc("POST /things/10", h10) // want `route "POST /things/10" is registered under authenticating middleware manyusers.authn`
	mux.HandleFunc("POST /things/11", h11) // want `route "POST /things/11" is registered under authenticating middleware manyusers.authn`
	mux.HandleFunc("POST /things/12", h12) // want `route "POST /things/12" is registered under authenticating middleware manyusers.authn`
	mux.HandleFunc("POST /things/13", h13) // want `route "POST /things/13" is registered under authenticating middleware manyusers.authn`
	mux.HandleFunc("POST /things/14", h14) // want `route "POST /things/14" is registered under authenticating middleware manyusers.authn`
	mux.HandleFunc("POST /things/15", h15) // want `route "POST /things/15" is registered under authenticating middleware manyusers.authn`
	mux.HandleFunc("POST /things/16", h16) // want `route "POST /things/16" is registered under authenticating middleware manyusers.authn`
	mux.HandleFunc("POST /things/17", h17) // want `route "POST /things/17" is registered under authenticating middleware manyusers.authn`
	mux.HandleFunc("POST /things/18", h18) // want `route "POST /things/18" is registered under authenticating middleware manyusers.authn`
	mux.HandleFunc("POST /things/19", h19) // want `route "POST /things/19" is registered under authenticating middleware manyusers.authn`
	mux.HandleFunc("POST /things/20", h20) // want `route "POST /things/20" is registered under authenticating middleware manyusers.authn`
	mux.HandleFunc("POST /things/21", h21) // want `route "POST /things/21" is registered under authenticating middleware manyusers.authn`
	http.ListenAndServe(":8080", authn(mux))
}
