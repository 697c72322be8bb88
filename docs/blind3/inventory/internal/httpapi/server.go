// Package httpapi is the inventory HTTP API (Go 1.22 ServeMux patterns).
package httpapi

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"example.com/blind3/inventory/internal/auth"
	"example.com/blind3/inventory/internal/service"
)

// Server is the HTTP API.
type Server struct {
	verifier *auth.Verifier
	store    *service.Store
	svc      *service.Service
	mux      *http.ServeMux
	users    map[string]string // username -> password hash (checked elsewhere)
}

// New builds the server and its routes.
func New(v *auth.Verifier, st *service.Store) *Server {
	s := &Server{verifier: v, store: st, svc: &service.Service{Store: st}, mux: http.NewServeMux()}
	s.routes()
	return s
}

// ServeHTTP serves the API.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

type middleware func(http.Handler) http.Handler

func chain(h http.Handler, mws ...middleware) http.Handler {
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i](h)
	}
	return h
}

func (s *Server) routes() {
	authn := s.verifier.Authenticate
	s.mux.HandleFunc("GET /healthz", s.health)                                                                               // NEAR scopecheck s01
	s.mux.HandleFunc("POST /token", s.issueToken)                                                                            // NEAR scopecheck s02
	s.mux.Handle("GET /items/{id}", authn(http.HandlerFunc(s.getItem)))                                                      // NEAR scopecheck s03
	s.mux.Handle("DELETE /items/{id}", authn(http.HandlerFunc(s.deleteItem)))                                                // WANT scopecheck S01
	s.mux.Handle("PUT /items/{id}", authn(auth.RequireScope("items:write")(http.HandlerFunc(s.putItem))))                    // NEAR scopecheck s04
	s.mux.Handle("POST /admin/reindex", authn(http.HandlerFunc(s.reindex)))                                                  // WANT scopecheck S02
	s.mux.Handle("POST /admin/items/{id}/archive", authn(http.HandlerFunc(s.archive)))                                       // NEAR scopecheck s05
	s.mux.Handle("PUT /items/{id}/price", authn(http.HandlerFunc(s.setPrice)))                                               // WANT scopecheck S03
	s.mux.Handle("POST /items/{id}/price-override", chain(http.HandlerFunc(s.setPrice), authn, auth.RequireRole("pricing"))) // NEAR scopecheck s06
	s.mux.Handle("POST /items/{id}/restock", chain(http.HandlerFunc(s.restock), authn, logRequests))                         // WANT scopecheck S04
	s.mux.Handle("DELETE /me/cart", authn(http.HandlerFunc(s.clearMyCart)))                                                  // NEAR scopecheck s07
	s.mux.Handle("POST /items/{id}/transfer", authn(http.HandlerFunc(s.transferItem)))                                       // NEAR scopecheck s08
	s.mux.Handle("POST /items/bulk-delete", authn(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {            // WANT scopecheck S05
		var ids []string
		if err := json.NewDecoder(r.Body).Decode(&ids); err != nil {
			http.Error(w, "bad json", http.StatusBadRequest)
			return
		}
		for _, id := range ids {
			s.store.Delete(id)
		}
		w.WriteHeader(http.StatusNoContent)
	})))
	s.mux.Handle("POST /admin/items/import", authn(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { // NEAR scopecheck s09
		if c := auth.FromContext(r.Context()); !c.HasScope("items:import") {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		var items []service.Item
		if err := json.NewDecoder(r.Body).Decode(&items); err != nil {
			http.Error(w, "bad json", http.StatusBadRequest)
			return
		}
		for i := range items {
			s.store.Put(&items[i])
		}
	})))
	s.mux.HandleFunc("POST /admin/items/{id}/qty", s.adjustQty)  // ALT S06
	s.mux.HandleFunc("POST /admin/items/{id}/owner", s.setOwner) // ALT s10
}

func logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		next.ServeHTTP(w, r)
		_ = time.Since(start)
	})
}

func (s *Server) health(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) }

// issueToken is the password grant: it checks the password and signs a token.
func (s *Server) issueToken(w http.ResponseWriter, r *http.Request) {
	user, pass := r.PostFormValue("username"), r.PostFormValue("password")
	if !s.checkPassword(user, pass) {
		http.Error(w, "invalid credentials", http.StatusUnauthorized)
		return
	}
	claims := auth.Claims{RegisteredClaims: jwt.RegisteredClaims{Subject: user, ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour))}, Scope: "items:read"}
	tok, err := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(s.verifier.Key)
	if err != nil {
		http.Error(w, "sign", http.StatusInternalServerError)
		return
	}
	json.NewEncoder(w).Encode(map[string]string{"access_token": tok})
}

func (s *Server) checkPassword(user, pass string) bool {
	_, ok := s.users[user]
	return ok && pass != ""
}

func (s *Server) getItem(w http.ResponseWriter, r *http.Request) {
	it, err := s.store.Get(r.PathValue("id"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	json.NewEncoder(w).Encode(it)
}

func (s *Server) deleteItem(w http.ResponseWriter, r *http.Request) {
	s.store.Delete(r.PathValue("id"))
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) putItem(w http.ResponseWriter, r *http.Request) {
	var it service.Item
	if err := json.NewDecoder(r.Body).Decode(&it); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	it.ID = r.PathValue("id")
	s.store.Put(&it)
}

func (s *Server) reindex(w http.ResponseWriter, r *http.Request) {
	n := s.store.Reindex()
	w.Write([]byte(strconv.Itoa(n)))
}

func (s *Server) archive(w http.ResponseWriter, r *http.Request) {
	err := s.svc.Archive(r.Context(), r.PathValue("id"))
	if errors.Is(err, service.ErrForbidden) {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) setPrice(w http.ResponseWriter, r *http.Request) {
	p, err := strconv.ParseInt(r.URL.Query().Get("price"), 10, 64)
	if err != nil {
		http.Error(w, "bad price", http.StatusBadRequest)
		return
	}
	if err := s.svc.SetPrice(r.Context(), r.PathValue("id"), p); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) restock(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.URL.Query().Get("n"))
	if err := s.store.Restock(r.PathValue("id"), n); err != nil {
		http.NotFound(w, r)
	}
}

func (s *Server) clearMyCart(w http.ResponseWriter, r *http.Request) {
	c := auth.FromContext(r.Context())
	s.store.ClearCart(c.Subject)
	w.WriteHeader(http.StatusNoContent)
}

// transferItem hands an item the caller owns to another user.
func (s *Server) transferItem(w http.ResponseWriter, r *http.Request) {
	c := auth.FromContext(r.Context())
	it, err := s.store.Get(r.PathValue("id"))
	if err != nil || it.OwnerID != c.Subject {
		http.NotFound(w, r)
		return
	}
	it.OwnerID = r.URL.Query().Get("to")
	s.store.Put(it)
}

// adjustQty authenticates itself and then changes stock for any item.
func (s *Server) adjustQty(w http.ResponseWriter, r *http.Request) { // WANT scopecheck S06
	if _, err := s.verifier.Verify(r); err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	n, _ := strconv.Atoi(r.URL.Query().Get("delta"))
	if err := s.store.Restock(r.PathValue("id"), n); err != nil {
		http.NotFound(w, r)
	}
}

// setOwner authenticates itself and requires the admin role.
func (s *Server) setOwner(w http.ResponseWriter, r *http.Request) { // NEAR scopecheck s10
	c, err := s.verifier.Verify(r)
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	if !c.HasRole("admin") {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	it, err := s.store.Get(r.PathValue("id"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	it.OwnerID = r.URL.Query().Get("owner")
	s.store.Put(it)
}
