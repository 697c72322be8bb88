package keyheader // want package:"analyzed"

// A custom header whose last word is "key" (X-Merchant-Key) carries the
// caller's key: a handler that looks it up among many merchants and then
// changes any product authenticates but never authorizes. Near misses:
// an idempotency key or a cache key looked up the same way is no
// credential, and a merchant that may only touch its own products is
// scoped to the caller.

import (
	"net/http"
	"sync"
)

type merchant struct{ id, secret string }

type server struct {
	mu        sync.Mutex
	merchants map[string]*merchant
	stock     map[string]int
	owner     map[string]string // product -> merchant id
	seen      map[string]bool
	cache     map[string][]byte
}

func (s *server) stockByKey(w http.ResponseWriter, r *http.Request) { // want `handler server.stockByKey authenticates the caller \(lookup of the X-Merchant-Key header`
	m, ok := s.merchants[r.Header.Get("X-Merchant-Key")]
	if !ok {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	_ = m
	s.stock[r.PathValue("id")] = 0
}

type partners struct{ byKey map[string]*merchant }

func (p *partners) find(key string) (*merchant, bool) {
	m, ok := p.byKey[key]
	return m, ok
}

func (s *server) partnerStock(p *partners) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { // want `authenticates the caller`
		if _, ok := p.find(r.Header.Get("X-Partner-Key")); !ok {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		s.stock[r.PathValue("id")] = 0
	}
}

// Near misses.

func (s *server) create(w http.ResponseWriter, r *http.Request) {
	if s.seen[r.Header.Get("X-Idempotency-Key")] {
		w.WriteHeader(http.StatusConflict) // a retried request, not a caller
		return
	}
	s.stock[r.PathValue("id")] = 1
}

func (s *server) cached(w http.ResponseWriter, r *http.Request) {
	if b, ok := s.cache[r.Header.Get("X-Cache-Key")]; ok {
		w.Write(b)
		return
	}
	s.stock[r.PathValue("id")]++
}

func (s *server) ownStock(w http.ResponseWriter, r *http.Request) {
	m, ok := s.merchants[r.Header.Get("X-Merchant-Key")]
	if !ok {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	if s.owner[r.PathValue("id")] != m.id {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	s.stock[r.PathValue("id")] = 0
}

func routes(s *server) {
	http.HandleFunc("PUT /stock/{id}", s.stockByKey)
	http.HandleFunc("PUT /v1/stock/{id}", s.partnerStock(&partners{}))
	http.HandleFunc("POST /stock/{id}", s.create)
	http.HandleFunc("GET /stock/{id}", s.cached)
	http.HandleFunc("PUT /own/stock/{id}", s.ownStock)
}
