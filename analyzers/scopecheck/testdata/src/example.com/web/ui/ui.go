package ui // want package:"analyzed"

// A web UI's middleware and handlers, used by package routes: whether
// they authenticate or do work reaches routes as facts.

import (
	"context"
	"crypto/subtle"
	"net/http"
	"os"
)

type sessionKey struct{}

type Session struct {
	ID   string
	CSRF string
	vals map[string]string
}

func (s *Session) Destroy() { s.vals = nil } // want Destroy:"work\\(writes s.vals\\)"

var sessions = map[string]*Session{}

// Sessions authenticates: the session cookie is looked up.
func Sessions(next http.Handler) http.Handler { // want Sessions:"authenticates\\(lookup of the session_id cookie in sessions\\)" Sessions:"middleware\\(authn=true authz=false lookup of the session_id cookie in sessions\\)"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie("session_id")
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		s, ok := sessions[c.Value]
		if !ok {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), sessionKey{}, s)))
	})
}

func expected(r *http.Request) string { return r.RemoteAddr }

// CSRF checks the anti-forgery header: no authentication, no fact.
func CSRF(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && subtle.ConstantTimeCompare([]byte(expected(r)), []byte(r.Header.Get("X-CSRF-Token"))) != 1 {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		next.ServeHTTP(w, r)
	})
}

type Store struct{ rows map[string]string }

func (s *Store) Delete(id string) { delete(s.rows, id) } // want Delete:"work\\(deletes from s.rows\\)"

type Handler struct{ Store *Store }

// Logout destroys the caller's own session: no work fact.
func (h *Handler) Logout(w http.ResponseWriter, r *http.Request) { // want Logout:"asks the caller"
	r.Context().Value(sessionKey{}).(*Session).Destroy()
}

// Shell serves the page shell at a fixed path: no work fact.
func (h *Handler) Shell(w http.ResponseWriter, r *http.Request) {
	b, _ := os.ReadFile("/srv/ui/index.html")
	w.Write(b)
}

// DeleteEntry does work.
func (h *Handler) DeleteEntry(w http.ResponseWriter, r *http.Request) { // want DeleteEntry:"work\\(calls Store.Delete\\)"
	h.Store.Delete(r.PathValue("id"))
}
