// Package routerparams compares secrets taken from path parameters
// (httprouter's, the standard library's), which the client chooses as it
// does a query parameter.
package routerparams

import (
	"crypto/subtle"
	"net/http"

	"github.com/julienschmidt/httprouter"
)

type hook struct {
	Channel string
	Secret  string
}

type store struct{ hooks map[string]hook }

func (s *store) incoming(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	h, ok := s.hooks[ps.ByName("hook")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	if ps.ByName("secret") != h.Secret { // want `secret from the "secret" path parameter compared with !=`
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
}

// Near misses: compared in constant time; a path value that is no
// secret (the channel's name).
func (s *store) incomingSafe(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	h := s.hooks[ps.ByName("hook")]
	if subtle.ConstantTimeCompare([]byte(ps.ByName("secret")), []byte(h.Secret)) != 1 {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	if ps.ByName("channel") != h.Channel {
		http.Error(w, "wrong channel", http.StatusBadRequest)
	}
}

// The same with the standard library's path parameters.
func (s *store) incomingStd(w http.ResponseWriter, r *http.Request) {
	h := s.hooks[r.PathValue("hook")]
	if r.PathValue("token") != h.Secret { // want `token from the "token" path parameter compared with !=`
		http.Error(w, "forbidden", http.StatusForbidden)
	}
}
