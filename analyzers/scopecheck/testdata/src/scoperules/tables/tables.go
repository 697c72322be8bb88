// Package tables registers its routes from tables, with keyed fields
// and with the authentication given per entry.
package tables

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

type Server struct {
	tokens map[string]string
	jobs   map[string]bool
	roles  map[string]string
}

func (s *Server) authn(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if _, ok := s.tokens[r.Header.Get("Authorization")]; !ok {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next(w, r)
	}
}

func (s *Server) admin(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		user := s.tokens[r.Header.Get("Authorization")]
		if s.roles[user] != "admin" {
			w.WriteHeader(http.StatusForbidden)
			return
		}
		next(w, r)
	}
}

func (s *Server) cancelJob(w http.ResponseWriter, r *http.Request) {
	delete(s.jobs, chi.URLParam(r, "id"))
}
func (s *Server) clearJobs(w http.ResponseWriter, r *http.Request) { s.jobs = nil }
func (s *Server) version(w http.ResponseWriter, r *http.Request)   { w.Write([]byte("1")) }

type endpoint struct {
	Method  string
	Path    string
	Handler http.HandlerFunc
	Public  bool
}

func (s *Server) endpoints() []endpoint {
	return []endpoint{
		{Method: "DELETE", Path: "/jobs/{id}", Handler: s.authn(s.cancelJob)},     // POS:rules-table-cancel
		{Method: "DELETE", Path: "/jobs", Handler: s.authn(s.admin(s.clearJobs))}, // NEG: admin
		{Method: "GET", Path: "/version", Handler: s.version, Public: true},       // NEG: public
	}
}

func (s *Server) Router() http.Handler {
	r := chi.NewRouter()
	for _, e := range s.endpoints() {
		r.MethodFunc(e.Method, e.Path, e.Handler)
	}
	return r
}
