// Package keys manages the API keys customers send mail with ("mp_live_..." and "mp_test_...").
package keys

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"
)

var ErrUnknown = errors.New("unknown api key")

type Key struct {
	ID        string
	AccountID string
	Scopes    []string // mail.send, stats.read, suppressions.write, ...
	Hash      string   // hex SHA-256 of the whole key
	RevokedAt time.Time
}

func (k *Key) HasScope(s string) bool {
	return slices.Contains(k.Scopes, "full_access") || slices.Contains(k.Scopes, s)
}

func hashKey(raw string) string { sum := sha256.Sum256([]byte(raw)); return hex.EncodeToString(sum[:]) }

type Registry struct {
	mu   sync.RWMutex
	byID map[string]*Key // the id is the 12 characters after the "mp_live_" prefix
}

func NewRegistry() *Registry { return &Registry{byID: map[string]*Key{}} }

// Lookup finds the key a client presented.
func (r *Registry) Lookup(raw string) (*Key, error) {
	if len(raw) < 20 {
		return nil, fmt.Errorf("%w: malformed", ErrUnknown)
	}
	r.mu.RLock()
	k, ok := r.byID[raw[8:20]]
	r.mu.RUnlock()
	if !ok || k.Hash != hashKey(raw) { // NEAR tokenverify v11
		return nil, fmt.Errorf("%w %q", ErrUnknown, raw) // ALT T13
	}
	return k, nil
}

// Create makes a key for an account and returns the key to show once.
func (r *Registry) Create(accountID string, scopes []string) (string, *Key) {
	b := make([]byte, 18)
	_, _ = rand.Read(b)
	raw := "mp_live_" + hex.EncodeToString(b)
	k := &Key{ID: raw[8:20], AccountID: accountID, Scopes: scopes, Hash: hashKey(raw)}
	r.mu.Lock()
	r.byID[k.ID] = k
	r.mu.Unlock()
	return raw, k
}
