package netx // want package:"analyzed"

// Package netx holds basic auth middleware: one checking the caller
// against the one account of the configuration through a comparison
// helper of another package (the access decision), one checking it
// against an account looked up per caller (authentication only).

import (
	"net/http"

	"example.com/tunnel/cmp"
)

type BasicAuth struct {
	user, passwd string
}

func NewBasicAuth(user, passwd string) *BasicAuth { return &BasicAuth{user: user, passwd: passwd} }

func (a *BasicAuth) Middleware(next http.Handler) http.Handler { // want Middleware:"authenticates\\(passes HTTP basic auth credentials to cmp.EqString\\)" Middleware:"authorizes\\(the Basic auth user compared with the configured a.user\\)" Middleware:"middleware\\(authn=true authz=true the Basic auth user compared with the configured a.user\\)"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u, p, ok := r.BasicAuth()
		if ok && cmp.EqString(u, a.user) && cmp.EqString(p, a.passwd) {
			next.ServeHTTP(w, r)
			return
		}
		http.Error(w, "unauthorized", http.StatusUnauthorized)
	})
}

type Store interface {
	Password(user string) string
}

type UserAuth struct{ users Store }

func NewUserAuth(s Store) *UserAuth { return &UserAuth{users: s} }

func (a *UserAuth) Middleware(next http.Handler) http.Handler { // want Middleware:"authenticates\\(passes HTTP basic auth credentials to cmp.EqString\\)" Middleware:"middleware\\(authn=true authz=false passes HTTP basic auth credentials to cmp.EqString\\)"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u, p, ok := r.BasicAuth()
		if !ok || !cmp.EqString(p, a.users.Password(u)) {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}
