// Package accounts resolves API keys to accounts.
package accounts

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"slices"
	"sync"
)

var ErrUnknown = errors.New("unknown account")

type Account struct {
	ID            string
	KeyPrefix     string
	KeyHash       string
	Permissions   []string
	WebhookURL    string
	WebhookSecret string
	LegacyHooks   bool
}

func (a *Account) Can(perm string) bool { return slices.Contains(a.Permissions, perm) }

func HashKey(key string) string {
	s := sha256.Sum256([]byte(key))
	return hex.EncodeToString(s[:])
}

type Store struct {
	mu   sync.RWMutex
	byID map[string]*Account
}

func NewStore() *Store { return &Store{byID: map[string]*Account{}} }

// ByKey returns the account a presented API key belongs to; keys look like
// "rk_<account id>_<secret>".
func (s *Store) ByKey(key string) (*Account, error) {
	if len(key) < 4 || key[:3] != "rk_" {
		return nil, ErrUnknown
	}
	id := key[3:]
	for i := range id {
		if id[i] == '_' {
			id = id[:i]
			break
		}
	}
	s.mu.RLock()
	a, ok := s.byID[id]
	s.mu.RUnlock()
	if !ok || a.KeyHash != HashKey(key) { // NEAR tokenverify v14
		return nil, ErrUnknown
	}
	return a, nil
}

func (s *Store) Get(id string) (*Account, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	a, ok := s.byID[id]
	return a, ok
}

func (s *Store) Delete(id string) {
	s.mu.Lock()
	delete(s.byID, id)
	s.mu.Unlock()
}
