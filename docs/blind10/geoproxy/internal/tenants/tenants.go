// Package tenants keeps the customers of the geocoding API, their API keys and their usage.
package tenants

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"sync"
	"time"
)

var ErrNotFound = errors.New("not found")

type Tenant struct {
	ID          string `json:"id"`
	OrgID       string `json:"org_id"`
	Name        string `json:"name"`
	Plan        string `json:"plan"`
	QuotaPerDay int    `json:"quota_per_day"`
	Suspended   bool   `json:"suspended"`
	// Usage alerts are POSTed to WebhookURL, signed with WebhookSecret.
	WebhookURL    string `json:"webhook_url,omitempty"`
	WebhookSecret string `json:"-"`
}

// Key is a stored API key: only a prefix (to find it) and a hash (to check it).
type Key struct {
	ID        string    `json:"id"`
	TenantID  string    `json:"tenant_id"`
	OrgID     string    `json:"org_id"`
	Name      string    `json:"name"`
	Prefix    string    `json:"prefix"`
	Hash      []byte    `json:"-"`
	CreatedAt time.Time `json:"created_at"`
}

// NewKey is a key as returned once, on creation.
type NewKey struct {
	Key
	Secret string `json:"secret"`
}

type Usage struct {
	TenantID string         `json:"tenant_id"`
	Day      string         `json:"day"`
	Requests map[string]int `json:"requests"` // per endpoint
}

type Store struct {
	mu      sync.RWMutex
	tenants map[string]*Tenant
	keys    map[string]*Key // by prefix
	usage   map[string]*Usage
}

func NewStore() *Store {
	return &Store{tenants: map[string]*Tenant{}, keys: map[string]*Key{}, usage: map[string]*Usage{}}
}

// Authenticate returns the tenant of a presented API key ("gp_" + prefix + secret part).
func (s *Store) Authenticate(raw string) (*Tenant, *Key, error) {
	if len(raw) < 16 {
		return nil, nil, ErrNotFound
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	k, ok := s.keys[raw[:11]]
	if !ok {
		return nil, nil, ErrNotFound
	}
	sum := sha256.Sum256([]byte(raw))
	if subtle.ConstantTimeCompare(k.Hash, sum[:]) != 1 { // NEAR tokenverify v05
		return nil, nil, ErrNotFound
	}
	t, ok := s.tenants[k.TenantID]
	if !ok || t.Suspended {
		return nil, nil, ErrNotFound
	}
	cp := *t
	return &cp, k, nil
}

func (s *Store) Tenant(id string) (*Tenant, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if t, ok := s.tenants[id]; ok {
		cp := *t
		return &cp, nil
	}
	return nil, ErrNotFound
}

// UpdateTenant applies fn to a tenant under the lock.
func (s *Store) UpdateTenant(id string, fn func(*Tenant)) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.tenants[id]
	if !ok {
		return ErrNotFound
	}
	fn(t)
	return nil
}

// CreateKey makes a key for a tenant and returns it with its secret, shown once.
func (s *Store) CreateKey(t *Tenant, name string) NewKey {
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	raw := "gp_" + hex.EncodeToString(b)
	sum := sha256.Sum256([]byte(raw))
	k := Key{ID: hex.EncodeToString(b[:6]), TenantID: t.ID, OrgID: t.OrgID, Name: name, Prefix: raw[:11], Hash: sum[:], CreatedAt: time.Now()}
	s.mu.Lock()
	s.keys[k.Prefix] = &k
	s.mu.Unlock()
	return NewKey{Key: k, Secret: raw}
}

// KeysOfOrg lists the keys of every tenant of an organisation.
func (s *Store) KeysOfOrg(orgID string) []Key {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out []Key
	for _, k := range s.keys {
		if k.OrgID == orgID {
			out = append(out, *k)
		}
	}
	return out
}

func (s *Store) KeyByID(id string) (*Key, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, k := range s.keys {
		if k.ID == id {
			cp := *k
			return &cp, nil
		}
	}
	return nil, ErrNotFound
}

func (s *Store) DeleteKey(id string) error {
	k, err := s.KeyByID(id)
	if err != nil {
		return err
	}
	s.mu.Lock()
	delete(s.keys, k.Prefix)
	s.mu.Unlock()
	return nil
}

// Count records one request of a tenant and reports whether it is within its daily quota.
func (s *Store) Count(t *Tenant, endpoint string) bool {
	day := time.Now().UTC().Format("2006-01-02")
	s.mu.Lock()
	defer s.mu.Unlock()
	u, ok := s.usage[t.ID+"/"+day]
	if !ok {
		u = &Usage{TenantID: t.ID, Day: day, Requests: map[string]int{}}
		s.usage[t.ID+"/"+day] = u
	}
	u.Requests[endpoint]++
	total := 0
	for _, n := range u.Requests {
		total += n
	}
	return total <= t.QuotaPerDay
}

func (s *Store) Usage(tenantID, day string) Usage {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if u, ok := s.usage[tenantID+"/"+day]; ok {
		return *u
	}
	return Usage{TenantID: tenantID, Day: day}
}
