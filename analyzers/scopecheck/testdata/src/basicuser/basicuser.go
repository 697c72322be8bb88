package basicuser // want package:"analyzed"

// Package basicuser: a server whose middleware checks the Basic auth
// password lets only the configured UI account into some routes, by
// comparing the authenticated user name with the name in its options
// (silent). Near misses: a user name from a header or the query, a
// name compared with a record looked up by it, a configured name read
// through the request, and a comparison that only logs.

import (
	"context"
	"log"
	"net/http"

	"github.com/golang-jwt/jwt/v5"
)

type Options struct {
	UIUser    string
	AdminUser string
}

type Store struct{ rows map[string]string }

func (s *Store) Delete(id string) { delete(s.rows, id) } // want Delete:"work"

func (s *Store) Clear() { clear(s.rows) } // want Clear:"work"

type Server struct {
	key     []byte
	options *Options
	store   *Store
}

func (s *Server) getOptions() *Options { return s.options }

type requestContext struct {
	w   http.ResponseWriter
	req *http.Request
	srv *Server
}

func (s *Server) requireAuth(f func(ctx context.Context, rc requestContext)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		_, pass, ok := r.BasicAuth()
		if !ok {
			http.Error(w, "access denied", http.StatusUnauthorized)
			return
		}
		if _, err := jwt.Parse(pass, func(*jwt.Token) (interface{}, error) { return s.key, nil }); err != nil {
			http.Error(w, "access denied", http.StatusUnauthorized)
			return
		}
		f(r.Context(), requestContext{w: w, req: r, srv: s})
	}
}

// requireUIUser: the authenticated user is the configured UI user.
func requireUIUser(_ context.Context, rc requestContext) bool {
	if rc.srv.getOptions().UIUser == "" {
		return false
	}
	user, _, _ := rc.req.BasicAuth()
	return user == rc.srv.getOptions().UIUser
}

// --- silent: the handler lets only the configured account in ---

func handleObjectGet(ctx context.Context, rc requestContext) {
	if !requireUIUser(ctx, rc) {
		http.Error(rc.w, "access denied", http.StatusForbidden)
		return
	}
	rc.srv.store.Delete(rc.req.PathValue("id"))
}

func (s *Server) handleAdminPurge(ctx context.Context, rc requestContext) {
	user, _, _ := rc.req.BasicAuth()
	if user != s.options.AdminUser {
		http.Error(rc.w, "access denied", http.StatusForbidden)
		return
	}
	s.store.Clear()
}

const opsUser = "ops"

func handleOpsReset(ctx context.Context, rc requestContext) {
	user, _, _ := rc.req.BasicAuth()
	if user != opsUser {
		http.Error(rc.w, "access denied", http.StatusForbidden)
		return
	}
	rc.srv.store.Clear()
}

func handleUIDelete(ctx context.Context, rc requestContext) {
	user, _, _ := rc.req.BasicAuth()
	if user != rc.srv.getOptions().UIUser {
		http.Error(rc.w, "access denied", http.StatusForbidden)
		return
	}
	rc.srv.store.Delete(rc.req.PathValue("id"))
}

// --- near misses: still reported ---

// a user name from a header: nobody authenticated it
func handleHeaderUser(ctx context.Context, rc requestContext) {
	if rc.req.Header.Get("X-User") != rc.srv.getOptions().UIUser {
		http.Error(rc.w, "access denied", http.StatusForbidden)
		return
	}
	rc.srv.store.Delete(rc.req.PathValue("id"))
}

// the configured name is read through the request (a query parameter)
func handleQueryName(ctx context.Context, rc requestContext) {
	user, _, _ := rc.req.BasicAuth()
	if user != rc.req.URL.Query().Get("owner") {
		http.Error(rc.w, "access denied", http.StatusForbidden)
		return
	}
	rc.srv.store.Delete(rc.req.PathValue("id"))
}

// a record looked up by the user name itself
func handleLookedUp(ctx context.Context, rc requestContext) {
	user, _, _ := rc.req.BasicAuth()
	owner := rc.srv.store.rows[user]
	if user != owner {
		http.Error(rc.w, "access denied", http.StatusForbidden)
		return
	}
	rc.srv.store.Delete(rc.req.PathValue("id"))
}

// the comparison only logs
func handleLogged(ctx context.Context, rc requestContext) {
	user, _, _ := rc.req.BasicAuth()
	same := user == rc.srv.getOptions().UIUser
	log.Println("ui user:", same)
	rc.srv.store.Delete(rc.req.PathValue("id"))
}

func (s *Server) routes(m *http.ServeMux) {
	m.HandleFunc("DELETE /objects/{id}", s.requireAuth(handleObjectGet))
	m.HandleFunc("DELETE /all", s.requireAuth(s.handleAdminPurge))
	m.HandleFunc("DELETE /ops", s.requireAuth(handleOpsReset))
	m.HandleFunc("DELETE /ui/{id}", s.requireAuth(handleUIDelete))
	m.HandleFunc("DELETE /h/{id}", s.requireAuth(handleHeaderUser)) // want `route "DELETE /h/\{id\}" is registered under authenticating middleware`
	m.HandleFunc("DELETE /q/{id}", s.requireAuth(handleQueryName))  // want `route "DELETE /q/\{id\}" is registered under authenticating middleware`
	m.HandleFunc("DELETE /l/{id}", s.requireAuth(handleLookedUp))   // want `route "DELETE /l/\{id\}" is registered under authenticating middleware`
	m.HandleFunc("DELETE /g/{id}", s.requireAuth(handleLogged))     // want `route "DELETE /g/\{id\}" is registered under authenticating middleware`
}
