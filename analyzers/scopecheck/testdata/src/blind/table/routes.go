// Package table registers its routes from a table.
package table

import (
	"context"
	"net/http"

	"github.com/golang-jwt/jwt/v5"
)

type Server struct {
	key    []byte
	things map[string]string
}

type cl struct {
	jwt.RegisteredClaims
	Scopes []string `json:"scopes"`
}

type clKey struct{}

func (s *Server) auth(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c := &cl{}
		if _, err := jwt.ParseWithClaims(r.Header.Get("Authorization"), c, func(*jwt.Token) (interface{}, error) { return s.key, nil }); err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next(w, r.WithContext(context.WithValue(r.Context(), clKey{}, c)))
	}
}

func (s *Server) scope(want string, next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c := r.Context().Value(clKey{}).(*cl)
		for _, sc := range c.Scopes {
			if sc == want {
				next(w, r)
				return
			}
		}
		http.Error(w, "forbidden", http.StatusForbidden)
	}
}

func (s *Server) deleteThing(w http.ResponseWriter, r *http.Request) {
	delete(s.things, r.PathValue("id"))
}

func (s *Server) createThing(w http.ResponseWriter, r *http.Request) {
	s.things[r.FormValue("id")] = r.FormValue("v")
}

func (s *Server) health(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) }

type route struct {
	pattern string
	handler http.HandlerFunc
}

func (s *Server) routes() []route {
	return []route{
		{"DELETE /things/{id}", s.auth(s.deleteThing)},                   // POS:table-delete
		{"POST /things", s.auth(s.scope("things:write", s.createThing))}, // NEG: scope
		{"GET /health", s.health},                                        // NEG: public
	}
}

func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	for _, rt := range s.routes() {
		mux.HandleFunc(rt.pattern, rt.handler)
	}
	return mux
}
