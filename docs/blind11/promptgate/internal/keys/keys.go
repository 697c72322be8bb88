// Package keys manages the gateway's own API keys: each belongs to an organisation, carries
// scopes ("chat", "embeddings", "admin") and draws on the organisation's token quota.
package keys

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"slices"
	"sync"
	"time"
)

var ErrUnknown = errors.New("unknown key")

type Key struct {
	ID      string    `json:"id"`
	OrgID   string    `json:"org_id"`
	Name    string    `json:"name"`
	Scopes  []string  `json:"scopes"`
	Hash    []byte    `json:"-"`
	Created time.Time `json:"created"`
	Revoked bool      `json:"revoked"`
}

func (k *Key) HasScope(s string) bool { return slices.Contains(k.Scopes, s) }

type Usage struct {
	PromptTokens     int64 `json:"prompt_tokens"`
	CompletionTokens int64 `json:"completion_tokens"`
	Requests         int64 `json:"requests"`
}

type Store struct {
	mu    sync.RWMutex
	byID  map[string]*Key
	quota map[string]int64 // org -> monthly token quota
	usage map[string]*Usage
}

func NewStore() *Store {
	return &Store{byID: map[string]*Key{}, quota: map[string]int64{}, usage: map[string]*Usage{}}
}

func digest(s string) []byte {
	d := sha256.Sum256([]byte(s))
	return d[:]
}

// Validate finds the key "pg_<id>.<secret>".
func (s *Store) Validate(raw string) (*Key, error) {
	if len(raw) < 20 || raw[:3] != "pg_" {
		return nil, ErrUnknown
	}
	id, _, _ := cut(raw[3:], '.')
	s.mu.RLock()
	k, ok := s.byID[id]
	s.mu.RUnlock()
	if !ok || k.Revoked {
		return nil, ErrUnknown
	}
	if subtle.ConstantTimeCompare(k.Hash, digest(raw)) != 1 { // NEAR tokenverify v10
		return nil, ErrUnknown
	}
	return k, nil
}

func cut(s string, sep byte) (string, string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == sep {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

// Create makes a key for org and returns it with the plaintext (shown once).
func (s *Store) Create(org, name string, scopes []string) (*Key, string) {
	b := make([]byte, 28)
	_, _ = rand.Read(b)
	id := hex.EncodeToString(b[:6])
	raw := "pg_" + id + "." + hex.EncodeToString(b[6:])
	k := &Key{ID: id, OrgID: org, Name: name, Scopes: scopes, Hash: digest(raw), Created: time.Now()}
	s.mu.Lock()
	s.byID[id] = k
	s.mu.Unlock()
	return k, raw
}

func (s *Store) Get(id string) (*Key, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	k, ok := s.byID[id]
	return k, ok
}

func (s *Store) Revoke(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if k, ok := s.byID[id]; ok {
		k.Revoked = true
	}
}

// Charge adds usage to org and reports whether it is still within quota.
func (s *Store) Charge(org string, prompt, completion int64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.usage[org]
	if u == nil {
		u = &Usage{}
		s.usage[org] = u
	}
	u.PromptTokens += prompt
	u.CompletionTokens += completion
	u.Requests++
	q := s.quota[org]
	return q == 0 || u.PromptTokens+u.CompletionTokens <= q
}

func (s *Store) Remaining(org string) int64 {
	s.mu.RLock()
	defer s.mu.RUnlock()
	q := s.quota[org]
	if q == 0 {
		return -1
	}
	if u := s.usage[org]; u != nil {
		return q - u.PromptTokens - u.CompletionTokens
	}
	return q
}

func (s *Store) UsageOf(org string) Usage {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if u := s.usage[org]; u != nil {
		return *u
	}
	return Usage{}
}

func (s *Store) SetQuota(org string, tokens int64) {
	s.mu.Lock()
	s.quota[org] = tokens
	s.mu.Unlock()
}
