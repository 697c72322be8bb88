package nonwork // want package:"analyzed"

// What a handler does that is not the work an authorizing check
// protects: acting on the caller's own session (a logout), serving a
// file at a path the program fixes (the page shell of a single-page
// application), reading the service's configuration. Each near miss has
// a positive beside it: a session looked up by a request parameter, a
// file named by the request, a collection that is not configuration.

import (
	"context"
	"net/http"
	"os"
	"path"
	"strings"

	"expvar"
	"net/http/pprof"

	"github.com/golang-jwt/jwt/v5"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

type ctxKey struct{}

type sessionKey struct{}

var key = []byte("k")

// authn validates the JWT and stores the caller's session.
func authn(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if _, err := jwt.Parse(raw, func(*jwt.Token) (interface{}, error) { return key, nil }); err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		ctx := context.WithValue(r.Context(), sessionKey{}, &Session{ID: raw})
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// FileSystem is an asset store whose implementation scopecheck cannot
// see.
type FileSystem interface {
	Read(name string) ([]byte, error)
}

// SessionStore is a session store behind an interface.
type SessionStore interface {
	Get(id string) *Session
}

type Session struct {
	ID   string
	vals map[string]string
}

func (s *Session) Destroy() { s.vals = nil } // want Destroy:"work\\(writes s.vals\\)"

type Config struct {
	DefaultFeeds []string
}

type Store struct{ rows map[string]string }

func (s *Store) Delete(id string) { delete(s.rows, id) } // want Delete:"work\\(deletes from s.rows\\)"

type Server struct {
	store    *Store
	fs       FileSystem
	sessions SessionStore
	cfg      *Config
	users    []string
}

const uiRoot = "/admin"

// Near miss: the page shell, the same bytes for every caller.
func (s *Server) adminPage(w http.ResponseWriter, r *http.Request) {
	b, _ := s.fs.Read(path.Join(uiRoot, "index.html"))
	w.Write(b)
}

// Near miss: a fixed file of the standard library's os.
func (s *Server) robots(w http.ResponseWriter, r *http.Request) {
	b, _ := os.ReadFile("/srv/static/" + "robots.txt")
	w.Write(b)
}

// Positive: the request names the file.
func (s *Server) download(w http.ResponseWriter, r *http.Request) {
	b, _ := s.fs.Read(path.Join(uiRoot, r.PathValue("name")))
	w.Write(b)
}

// Positive: the request names the file, through os.
func (s *Server) export(w http.ResponseWriter, r *http.Request) {
	b, _ := os.ReadFile("/srv/exports/" + r.PathValue("name"))
	w.Write(b)
}

// Near miss: a logout destroys the caller's own session.
func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	sess := r.Context().Value(sessionKey{}).(*Session)
	sess.Destroy()
}

// Positive: any session, chosen by the request, is destroyed.
func (s *Server) kick(w http.ResponseWriter, r *http.Request) {
	sess := s.sessions.Get(r.PathValue("id"))
	sess.Destroy()
}

// Positive: the caller's session is touched, but the work is deleting
// a user the request names.
func (s *Server) removeUser(w http.ResponseWriter, r *http.Request) {
	sess := r.Context().Value(sessionKey{}).(*Session)
	sess.Destroy()
	s.store.Delete(r.PathValue("id"))
}

// Near miss: the configured default feeds, the service's settings.
func (s *Server) defaultFeeds(w http.ResponseWriter, r *http.Request) {
	for _, o := range s.cfg.DefaultFeeds {
		w.Write([]byte(o))
	}
}

// Positive: the users, application data.
func (s *Server) listUsers(w http.ResponseWriter, r *http.Request) {
	for _, u := range s.users {
		w.Write([]byte(u))
	}
}

func routes(s *Server) {
	mux := http.NewServeMux()
	mux.Handle("GET /admin/", authn(http.HandlerFunc(s.adminPage)))
	mux.Handle("GET /robots.txt", authn(http.HandlerFunc(s.robots)))
	mux.Handle("GET /files/{name}", authn(http.HandlerFunc(s.download))) // want `route "GET /files/{name}" is registered under authenticating middleware nonwork.authn`
	mux.Handle("GET /exports/{name}", authn(http.HandlerFunc(s.export))) // want `route "GET /exports/{name}" is registered under authenticating middleware nonwork.authn`
	mux.Handle("POST /logout", authn(http.HandlerFunc(s.logout)))
	mux.Handle("POST /sessions/{id}/kick", authn(http.HandlerFunc(s.kick))) // want `route "POST /sessions/{id}/kick" is registered under authenticating middleware nonwork.authn`
	mux.Handle("GET /default-feeds", authn(http.HandlerFunc(s.defaultFeeds)))
	// Process telemetry behind authentication: the operator's endpoints.
	mux.Handle("GET /metrics", authn(promhttp.Handler()))
	mux.Handle("GET /debug/vars", authn(expvar.Handler()))
	mux.Handle("GET /debug/pprof/", authn(http.HandlerFunc(pprof.Index)))
	// A library handler that is not telemetry is still assumed to work.
	mux.Handle("GET /static/", authn(http.FileServer(http.Dir("/srv"))))         // want `route "GET /static/" is registered under authenticating middleware nonwork.authn`
	mux.Handle("GET /users", authn(http.HandlerFunc(s.listUsers)))               // want `route "GET /users" is registered under authenticating middleware nonwork.authn`
	mux.Handle("POST /users/{id}/remove", authn(http.HandlerFunc(s.removeUser))) // want `route "POST /users/{id}/remove" is registered under authenticating middleware nonwork.authn`
}
