package api // want package:"analyzed"

// A store method scoping its work to the tenant it is given is the
// caller's ownership check only where the handler passes the caller's
// tenant. A tenant the query names, even with the caller's as the
// default, scopes nothing; so for the package's own helper.

import (
	"context"
	"net/http"
	"strings"

	"ownparam/store"
)

type tenant struct{ ID string }

type ctxKey struct{}

func tenantOf(r *http.Request) *tenant { return r.Context().Value(ctxKey{}).(*tenant) }

type note struct{ TenantID, Text string }

type server struct {
	keys  map[string]*tenant
	jobs  *store.Store
	notes []note
}

func (s *server) auth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key, _ := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		t := s.lookup(key)
		if t == nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, t)))
	})
}

func (s *server) lookup(key string) *tenant { return s.keys[key] }

// notesOf scopes its work to the tenant it is given.
func (s *server) notesOf(t string) []string {
	var out []string
	for _, n := range s.notes {
		if n.TenantID == t {
			out = append(out, n.Text)
		}
	}
	return out
}

func (s *server) routes(mux *http.ServeMux) {
	mux.Handle("GET /v1/jobs", s.auth(http.HandlerFunc(s.myJobs)))
	mux.Handle("GET /v1/any-jobs", s.auth(http.HandlerFunc(s.anyJobs))) // want `route "GET /v1/any-jobs" is registered under authenticating middleware`
	mux.Handle("GET /v1/notes", s.auth(http.HandlerFunc(s.myNotes)))
	mux.Handle("GET /v1/any-notes", s.auth(http.HandlerFunc(s.anyNotes))) // want `route "GET /v1/any-notes" is registered under authenticating middleware`
}

// Near miss: the caller's tenant.
func (s *server) myJobs(w http.ResponseWriter, r *http.Request) {
	_ = s.jobs.List(tenantOf(r).ID)
}

// The tenant the query names; the caller's is only the default.
func (s *server) anyJobs(w http.ResponseWriter, r *http.Request) {
	tid := r.URL.Query().Get("tenant")
	if tid == "" {
		tid = tenantOf(r).ID
	}
	_ = s.jobs.List(tid)
}

// Near miss: the package's own helper given the caller's tenant.
func (s *server) myNotes(w http.ResponseWriter, r *http.Request) {
	_ = s.notesOf(tenantOf(r).ID)
}

func (s *server) anyNotes(w http.ResponseWriter, r *http.Request) {
	_ = s.notesOf(r.URL.Query().Get("tenant"))
}
