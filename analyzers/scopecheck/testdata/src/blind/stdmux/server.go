// Package stdmux is a small project tracker on a Go 1.22 ServeMux, in
// the "handler factory" style: each route is built by a method of the
// server returning an http.HandlerFunc.
package stdmux

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
)

type User struct {
	ID    string
	Email string
	Role  string
}

type Project struct {
	ID      string
	OwnerID string
	Name    string
}

type DB struct {
	projects map[string]*Project
	sessions map[string]*User
	banned   map[string]bool
}

func (db *DB) SessionUser(ctx context.Context, token string) (*User, error) {
	u, ok := db.sessions[token]
	if !ok {
		return nil, errors.New("no session")
	}
	return u, nil
}

func (db *DB) DeleteProject(ctx context.Context, id string) error {
	delete(db.projects, id)
	return nil
}

func (db *DB) Project(ctx context.Context, id string) (*Project, error) {
	p, ok := db.projects[id]
	if !ok {
		return nil, errors.New("not found")
	}
	return p, nil
}

func (db *DB) RenameProject(ctx context.Context, id, name string) error {
	db.projects[id].Name = name
	return nil
}

func (db *DB) Ban(ctx context.Context, userID string) error {
	db.banned[userID] = true
	return nil
}

func (db *DB) ArchiveProject(ctx context.Context, id string) error {
	db.projects[id].Name = "archived"
	return nil
}

type userKey struct{}

type Server struct {
	db  *DB
	mux *http.ServeMux
}

func userFrom(ctx context.Context) *User {
	u, _ := ctx.Value(userKey{}).(*User)
	return u
}

// requireAuth authenticates the session token and stores the user.
func (s *Server) requireAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if tok == "" {
			http.Error(w, "missing token", http.StatusUnauthorized)
			return
		}
		u, err := s.db.SessionUser(r.Context(), tok)
		if err != nil {
			http.Error(w, "bad token", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey{}, u)))
	})
}

// requireRole authorizes by the user's role.
func (s *Server) requireRole(role string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if u := userFrom(r.Context()); u == nil || u.Role != role {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) routes() {
	s.mux.Handle("DELETE /projects/{id}", s.requireAuth(s.handleDeleteProject()))                               // POS:stdmux-delete
	s.mux.Handle("PATCH /projects/{id}", s.requireAuth(s.handleRenameProject()))                                // NEG: ownership check
	s.mux.Handle("POST /admin/users/{id}/ban", s.requireAuth(s.handleBanUser()))                                // POS:stdmux-ban
	s.mux.Handle("POST /admin/projects/{id}/archive", s.requireAuth(s.requireRole("admin", s.handleArchive()))) // NEG: role middleware
	s.mux.Handle("GET /healthz", s.handleHealth())                                                              // NEG: public
}

func (s *Server) handleDeleteProject() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := s.db.DeleteProject(r.Context(), r.PathValue("id")); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}
}

func (s *Server) handleRenameProject() http.HandlerFunc {
	type request struct {
		Name string `json:"name"`
	}
	return func(w http.ResponseWriter, r *http.Request) {
		u := userFrom(r.Context())
		p, err := s.db.Project(r.Context(), r.PathValue("id"))
		if err != nil {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		if p.OwnerID != u.ID {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		var req request
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		_ = s.db.RenameProject(r.Context(), p.ID, req.Name)
	}
}

// handleBanUser is an admin route that checks nothing but the login.
func (s *Server) handleBanUser() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := s.db.Ban(r.Context(), r.PathValue("id")); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	}
}

func (s *Server) handleArchive() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		_ = s.db.ArchiveProject(r.Context(), r.PathValue("id"))
	}
}

func (s *Server) handleHealth() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) }
}
