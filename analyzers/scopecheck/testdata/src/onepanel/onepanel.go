package onepanel // want package:"analyzed"

// This package is a panel of one administrator: many routes behind a login, and no handler asks who the caller is.

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
	mux.HandleFunc("POST /things/0", h0)
	mux.HandleFunc("POST /things/1", h1)
	mux.HandleFunc("POST /things/2", h2)
	mux.HandleFunc("POST /things/3", h3)
	mux.HandleFunc("POST /things/4", h4)
	mux.HandleFunc("POST /things/5", h5)
	mux.HandleFunc("POST /things/6", h6)
	mux.HandleFunc("POST /things/7", h7)
	mux.HandleFunc("POST /things/8", h8)
	mux.HandleFunc("POST /things/9", h9)
	mux.HandleFunc("POST /things/10", h10)
	mux.HandleFunc("POST /things/11", h11)
	mux.HandleFunc("POST /things/12", h12)
	mux.HandleFunc("POST /things/13", h13)
	mux.HandleFunc("POST /things/14", h14)
	mux.HandleFunc("POST /things/15", h15)
	mux.HandleFunc("POST /things/16", h16)
	mux.HandleFunc("POST /things/17", h17)
	mux.HandleFunc("POST /things/18", h18)
	mux.HandleFunc("POST /things/19", h19)
	mux.HandleFunc("POST /things/20", h20)
	mux.HandleFunc("POST /things/21", h21)
	http.ListenAndServe(":8080", authn(mux))
}
