// Package session is a small server-side session store.
package session

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"sync"
)

// Session is server-side session data.
type Session struct {
	UserID   string
	ReturnTo string
	State    string
}

// Store keeps sessions in memory.
type Store struct {
	mu sync.Mutex
	m  map[string]*Session
}

// NewStore returns an empty store.
func NewStore() *Store { return &Store{m: map[string]*Session{}} }

// Get returns the request's session, creating one.
func (s *Store) Get(w http.ResponseWriter, r *http.Request) *Session {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c, err := r.Cookie("portal_sid"); err == nil {
		if sess, ok := s.m[c.Value]; ok {
			return sess
		}
	}
	b := make([]byte, 16)
	rand.Read(b)
	id := hex.EncodeToString(b)
	sess := &Session{}
	s.m[id] = sess
	http.SetCookie(w, &http.Cookie{Name: "portal_sid", Value: id, HttpOnly: true, Secure: true, Path: "/", SameSite: http.SameSiteLaxMode})
	return sess
}
