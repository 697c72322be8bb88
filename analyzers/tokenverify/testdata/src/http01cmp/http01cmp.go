// Package http01cmp: an ACME HTTP-01 solver compares the token in the
// request's path with the challenge it serves. The token is public by
// design (RFC 8555 §8.3: it is in the URL every validator requests). The
// same comparison of a token outside a challenge handler, or of a key
// beside it, is still reported.
package http01cmp

import (
	"net/http"
	"path"
)

const challengePath = "/.well-known/acme-challenge"

type solver struct {
	Domain string
	Token  string
	Key    string
	APIKey string
}

func (s *solver) handler() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		base, token := path.Dir(r.URL.Path), path.Base(r.URL.Path)
		if base != challengePath {
			http.NotFound(w, r)
			return
		}
		if s.Token != token {
			http.NotFound(w, r)
			return
		}
		w.Write([]byte(s.Key))
	}
}

// Near misses.

// admin serves no challenge: its token is a credential.
func (s *solver) admin(w http.ResponseWriter, r *http.Request) {
	token := r.Header.Get("X-Admin-Token")
	if s.Token != token { // want `compared with !=`
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	w.Write([]byte("ok"))
}

// keyed serves the challenge path but compares an API key.
func (s *solver) keyed(w http.ResponseWriter, r *http.Request) {
	if path.Dir(r.URL.Path) != challengePath {
		return
	}
	if r.Header.Get("X-Api-Key") != s.APIKey { // want `compared with !=`
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
}
