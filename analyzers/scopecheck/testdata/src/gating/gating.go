package gating // want package:"analyzed"

// Reading a credential and passing it to a function is authentication
// only if the function's result decides what the handler does next.

import (
	"fmt"
	"net/http"
	"os"

	"example.com/i18n"
	"example.com/keystore"
)

type Server struct {
	keys *keystore.Store
	loc  *i18n.Localizer
	msgs map[string]string
}

// Silent: the Authorization header goes into a translation call, whose
// result is only written out. Nothing checks the caller; the handler is
// public, and public handlers are not this analyzer's business.
func (s *Server) purgeCache(w http.ResponseWriter, r *http.Request) {
	msg := i18n.T("missing header: %s", r.Header.Get("Authorization"))
	fmt.Fprintln(w, msg)
	fmt.Fprintln(w, s.loc.Localize("hello", map[string]string{"key": r.Header.Get("X-API-Key")}))
	os.RemoveAll("/var/cache/app")
}

// Silent: a map indexed by the credential only to render a message.
func (s *Server) purgeTmp(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintln(w, s.msgs[r.Header.Get("X-API-Key")])
	os.RemoveAll("/var/tmp/app")
}

// Silent: a call with no result to decide on (recording that a key was
// seen) is no check.
func (s *Server) purgeLogs(w http.ResponseWriter, r *http.Request) {
	s.keys.Touch(r.Header.Get("X-API-Key"))
	os.RemoveAll("/var/log/app")
}

// Reported: a lookup whose error decides the response is a check.
func (s *Server) purgeAll(w http.ResponseWriter, r *http.Request) { // want `handler Server.purgeAll authenticates the caller \(passes the X-API-Key header to Store.Find\) but never checks`
	if _, err := s.keys.Find(r.Header.Get("X-API-Key")); err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	os.RemoveAll("/var/lib/app")
}

// Reported: a verifier call in the condition.
func (s *Server) purgeData(w http.ResponseWriter, r *http.Request) { // want `handler Server.purgeData authenticates the caller \(passes the X-API-Key header to Store.Valid\)`
	if !s.keys.Valid(r.Header.Get("X-API-Key")) {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	os.RemoveAll("/var/lib/data")
}

// Reported: a result assigned first and checked later.
func (s *Server) purgeUsers(w http.ResponseWriter, r *http.Request) { // want `handler Server.purgeUsers authenticates the caller`
	ok := s.keys.Valid(r.Header.Get("X-API-Key"))
	fmt.Fprintln(w, "checking")
	if !ok {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	os.RemoveAll("/var/lib/users")
}
