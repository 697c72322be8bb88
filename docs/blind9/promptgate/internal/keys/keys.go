// Package keys stores tenant API keys by their SHA-256; the plain key is shown
// to the user once.
package keys

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"sync"
	"time"
)

var ErrUnknownKey = errors.New("unknown api key")

type Key struct {
	ID        string    `json:"id"`
	OrgID     string    `json:"org_id"`
	Name      string    `json:"name"`
	Prefix    string    `json:"prefix"`
	CreatedAt time.Time `json:"created_at"`
}

type Store struct {
	mu     sync.RWMutex
	byHash map[string]*Key
	byID   map[string]string // id -> hash
}

func NewStore() *Store {
	return &Store{byHash: map[string]*Key{}, byID: map[string]string{}}
}

func Hash(plain string) string {
	s := sha256.Sum256([]byte(plain))
	return hex.EncodeToString(s[:])
}

func generate() string {
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	return "pg_live_" + base64.RawURLEncoding.EncodeToString(b)
}

// Create returns the new key's record and its plain text.
func (s *Store) Create(orgID, name string) (*Key, string) {
	plain := generate()
	k := &Key{ID: Hash(plain)[:12], OrgID: orgID, Name: name, Prefix: plain[:12], CreatedAt: time.Now()}
	s.mu.Lock()
	s.byHash[Hash(plain)] = k
	s.byID[k.ID] = Hash(plain)
	s.mu.Unlock()
	return k, plain
}

// Lookup returns the key record the presented key belongs to.
func (s *Store) Lookup(plain string) (*Key, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	k, ok := s.byHash[Hash(plain)]
	if !ok {
		return nil, ErrUnknownKey
	}
	return k, nil
}

func (s *Store) List(orgID string) []*Key {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out []*Key
	for _, k := range s.byHash {
		if k.OrgID == orgID {
			out = append(out, k)
		}
	}
	return out
}

func (s *Store) Revoke(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	h, ok := s.byID[id]
	if ok {
		delete(s.byHash, h)
		delete(s.byID, id)
	}
	return ok
}
