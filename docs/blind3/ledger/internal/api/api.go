// Package api is the ledger HTTP API on gorilla/mux.
package api

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"net/http"
	"strconv"
	"sync"

	"github.com/gorilla/mux"

	"example.com/blind3/ledger/internal/policy"
)

// Account is a ledger account.
type Account struct {
	ID      string
	OwnerID string
	Balance int64
	Frozen  bool
}

// Server is the ledger API.
type Server struct {
	mu       sync.Mutex
	accounts map[string]*Account
	apiKeys  map[string]*policy.Principal // sha256(key) -> principal
	enforcer *policy.Enforcer
	adminKey string // single operator key from the environment
}

// NewServer builds the server.
func NewServer(adminKey string) *Server {
	return &Server{accounts: map[string]*Account{}, apiKeys: map[string]*policy.Principal{}, enforcer: &policy.Enforcer{Rules: map[string][]string{}}, adminKey: adminKey}
}

func (s *Server) principalFor(r *http.Request) (*policy.Principal, error) {
	sum := sha256.Sum256([]byte(r.Header.Get("X-Api-Key")))
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.apiKeys[hex.EncodeToString(sum[:])]
	if !ok {
		return nil, errors.New("unknown key")
	}
	return p, nil
}

// authenticated rejects requests without a known API key.
func (s *Server) authenticated(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, err := s.principalFor(r)
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(policy.With(r.Context(), p)))
	})
}

// requirePermission rejects principals without the permission.
func requirePermission(perm string) mux.MiddlewareFunc {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if p := policy.From(r.Context()); p == nil || !p.Permissions[perm] {
				http.Error(w, "forbidden", http.StatusForbidden)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

type route struct {
	method  string
	path    string
	handler http.HandlerFunc
	mw      []mux.MiddlewareFunc
}

// Router builds the routes from a table.
func (s *Server) Router() http.Handler {
	r := mux.NewRouter()
	routes := []route{
		{"GET", "/healthz", s.health, nil},                                                                                             // NEAR scopecheck s29
		{"GET", "/accounts/{id}", s.getAccount, []mux.MiddlewareFunc{s.authenticated}},                                                 // NEAR scopecheck s30
		{"POST", "/accounts/{id}/freeze", s.freeze, []mux.MiddlewareFunc{s.authenticated}},                                             // WANT scopecheck S15
		{"POST", "/accounts/{id}/unfreeze", s.unfreeze, []mux.MiddlewareFunc{s.authenticated, requirePermission("accounts:unfreeze")}}, // NEAR scopecheck s31
		{"POST", "/accounts/{id}/close", s.closeAccount, []mux.MiddlewareFunc{s.authenticated}},                                        // NEAR scopecheck s32
		{"POST", "/accounts/{id}/credit", s.credit, []mux.MiddlewareFunc{s.authenticated}},                                             // WANT scopecheck S16
	}
	for _, rt := range routes {
		var h http.Handler = rt.handler
		for i := len(rt.mw) - 1; i >= 0; i-- {
			h = rt.mw[i](h)
		}
		r.Handle(rt.path, h).Methods(rt.method)
	}

	internal := r.PathPrefix("/internal").Subrouter()
	internal.Use(s.authenticated)
	internal.HandleFunc("/ledger/adjust", s.adjust).Methods(http.MethodPost)       // WANT scopecheck S17
	internal.HandleFunc("/ledger/reconcile", s.reconcile).Methods(http.MethodPost) // NEAR scopecheck s33

	admin := r.PathPrefix("/admin").Subrouter()
	admin.Use(s.authenticated, requirePermission("ledger:admin"))
	admin.HandleFunc("/accounts/{id}", s.deleteAccount).Methods(http.MethodDelete) // NEAR scopecheck s34

	r.HandleFunc("/ops/rebuild", s.rebuild).Methods(http.MethodPost)         // NEAR scopecheck s35
	r.HandleFunc("/accounts/{id}/limit", s.setLimit).Methods(http.MethodPut) // ALT S18
	return r
}

func (s *Server) health(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) }

func (s *Server) account(r *http.Request) (*Account, bool) {
	a, ok := s.accounts[mux.Vars(r)["id"]]
	return a, ok
}

func (s *Server) getAccount(w http.ResponseWriter, r *http.Request) {
	p := policy.From(r.Context())
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.account(r)
	if !ok || a.OwnerID != p.ID {
		http.NotFound(w, r)
		return
	}
	w.Write([]byte(strconv.FormatInt(a.Balance, 10)))
}

func (s *Server) freeze(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if a, ok := s.account(r); ok {
		a.Frozen = true
	}
}

func (s *Server) unfreeze(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if a, ok := s.account(r); ok {
		a.Frozen = false
	}
}

// closeAccount asks the policy engine.
func (s *Server) closeAccount(w http.ResponseWriter, r *http.Request) {
	p := policy.From(r.Context())
	if !s.enforcer.Enforce(p.ID, "account", "close") {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.accounts, mux.Vars(r)["id"])
}

func (s *Server) credit(w http.ResponseWriter, r *http.Request) {
	amt, _ := strconv.ParseInt(r.URL.Query().Get("amount"), 10, 64)
	s.mu.Lock()
	defer s.mu.Unlock()
	if a, ok := s.account(r); ok {
		a.Balance += amt
	}
}

func (s *Server) adjust(w http.ResponseWriter, r *http.Request) {
	amt, _ := strconv.ParseInt(r.URL.Query().Get("delta"), 10, 64)
	s.mu.Lock()
	defer s.mu.Unlock()
	if a, ok := s.accounts[r.URL.Query().Get("account")]; ok {
		a.Balance += amt
	}
}

// reconcile only lets through principals with the reconcile permission.
func (s *Server) reconcile(w http.ResponseWriter, r *http.Request) {
	if p := policy.From(r.Context()); !p.Permissions["ledger:reconcile"] {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}

func (s *Server) deleteAccount(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.accounts, mux.Vars(r)["id"])
}

// rebuild is for the operator, checked against the one configured key.
func (s *Server) rebuild(w http.ResponseWriter, r *http.Request) {
	if subtle.ConstantTimeCompare([]byte(r.Header.Get("X-Admin-Key")), []byte(s.adminKey)) != 1 {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, a := range s.accounts {
		a.Balance = 0
	}
}

// setLimit authenticates the API key itself and changes any account's limit.
func (s *Server) setLimit(w http.ResponseWriter, r *http.Request) { // WANT scopecheck S18
	if _, err := s.principalFor(r); err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	lim, _ := strconv.ParseInt(r.URL.Query().Get("limit"), 10, 64)
	s.mu.Lock()
	defer s.mu.Unlock()
	if a, ok := s.account(r); ok {
		a.Balance = -lim
	}
}
