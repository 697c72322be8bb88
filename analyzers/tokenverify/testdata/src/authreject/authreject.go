// Package authreject: a value the caller sent, compared with one the
// program holds, whose mismatch answers 401 or 403, is a credential
// whatever it is called (nakama's ?http_key= against the configured
// HTTPKey). A comparison that rejects with another status, one between
// two values of the request, and one with a constant-time compare are
// not reported.
package authreject

import (
	"crypto/subtle"
	"net/http"
)

type RuntimeConfig struct {
	HTTPKey  string
	Language string
}

type Server struct {
	runtime RuntimeConfig
}

// Positives.

func (s *Server) Rpc(w http.ResponseWriter, r *http.Request) {
	if httpKey := r.URL.Query().Get("http_key"); httpKey != s.runtime.HTTPKey { // want `value compared with != before rejecting the request as unauthenticated`
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusOK)
}

func (s *Server) Hook(w http.ResponseWriter, r *http.Request) {
	given := r.Header.Get("X-Hook-Key")
	if given == "" || given != s.runtime.HTTPKey { // want `value compared with != before rejecting the request as unauthenticated`
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// Near misses.

// Lang rejects an unsupported language with 400: no authentication.
func (s *Server) Lang(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("lang") != s.runtime.Language {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// Echo compares two values of the same request.
func (s *Server) Echo(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("a") != r.Header.Get("X-A") {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// Origin compares a header that holds no credential: a CSRF defence.
func (s *Server) Origin(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Origin") != s.runtime.Language {
		w.WriteHeader(http.StatusForbidden)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// Safe compares in constant time.
func (s *Server) Safe(w http.ResponseWriter, r *http.Request) {
	if subtle.ConstantTimeCompare([]byte(r.URL.Query().Get("http_key")), []byte(s.runtime.HTTPKey)) != 1 {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusOK)
}
