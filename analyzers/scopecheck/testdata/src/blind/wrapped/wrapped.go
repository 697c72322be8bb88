// Package wrapped authenticates with a wrapper type whose ServeHTTP
// checks an API key before calling the wrapped handler.
package wrapped

import (
	"net/http"
)

type Principal struct {
	Name   string
	Scopes map[string]bool
}

type KeyRing struct {
	keys map[string]*Principal
}

func (k *KeyRing) Find(key string) (*Principal, bool) {
	p, ok := k.keys[key]
	return p, ok
}

type principalKey struct{}

// Authenticated is an http.Handler that rejects unknown API keys.
type Authenticated struct {
	Keys *KeyRing
	Next http.Handler
}

func (a *Authenticated) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p, ok := a.Keys.Find(r.Header.Get("X-Api-Key"))
	if !ok {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	_ = p
	a.Next.ServeHTTP(w, r)
}

// Scoped is an http.Handler that checks a scope of the key.
type Scoped struct {
	Keys  *KeyRing
	Scope string
	Next  http.Handler
}

func (s Scoped) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p, ok := s.Keys.Find(r.Header.Get("X-Api-Key"))
	if !ok {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	if !p.Scopes[s.Scope] {
		w.WriteHeader(http.StatusForbidden)
		return
	}
	s.Next.ServeHTTP(w, r)
}

type Queue struct{ jobs []string }

func (q *Queue) Drain() { q.jobs = nil }

var queue = &Queue{}

func drain(w http.ResponseWriter, r *http.Request) {
	queue.Drain()
	w.WriteHeader(http.StatusAccepted)
}

func Register(mux *http.ServeMux, keys *KeyRing) {
	mux.Handle("/jobs/drain", &Authenticated{Keys: keys, Next: http.HandlerFunc(drain)})               // POS:wrapper-drain
	mux.Handle("/jobs/drain2", Scoped{Keys: keys, Scope: "jobs:admin", Next: http.HandlerFunc(drain)}) // NEG: scope wrapper
}
