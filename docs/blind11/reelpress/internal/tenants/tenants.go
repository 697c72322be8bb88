// Package tenants keeps the customers of the transcoding API and their API keys. A key is
// "rp_<key id>_<secret>"; only the SHA-256 of the whole key is stored.
package tenants

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"
)

var ErrNotFound = errors.New("tenant not found")

type Tenant struct {
	ID            string
	Name          string
	Plan          string
	KeyID         string
	KeyHash       string
	WebhookURL    string
	WebhookSecret string
	MinutesUsed   float64
	Created       time.Time
}

// LogValue keeps the webhook secret and the key hash out of structured logs.
func (t Tenant) LogValue() slog.Value {
	return slog.GroupValue(slog.String("id", t.ID), slog.String("name", t.Name), slog.String("plan", t.Plan), slog.String("key_id", t.KeyID))
}

type Registry struct {
	mu      sync.RWMutex
	byID    map[string]*Tenant
	byKeyID map[string]*Tenant
}

func NewRegistry() *Registry {
	return &Registry{byID: map[string]*Tenant{}, byKeyID: map[string]*Tenant{}}
}

func hashKey(k string) string {
	sum := sha256.Sum256([]byte(k))
	return hex.EncodeToString(sum[:])
}

// Authenticate returns the tenant that owns key.
func (r *Registry) Authenticate(key string) (*Tenant, error) {
	parts := strings.SplitN(key, "_", 3)
	if len(parts) != 3 || parts[0] != "rp" {
		return nil, errors.New("malformed api key")
	}
	r.mu.RLock()
	t, ok := r.byKeyID[parts[1]]
	r.mu.RUnlock()
	if !ok {
		return nil, fmt.Errorf("no tenant for api key %s", key) // ALT T04
	}
	if t.KeyHash != hashKey(key) { // NEAR tokenverify v05
		return nil, errors.New("api key does not match")
	}
	return t, nil
}

func (r *Registry) Get(id string) (*Tenant, error) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	t, ok := r.byID[id]
	if !ok {
		return nil, ErrNotFound
	}
	return t, nil
}

func (r *Registry) AddMinutes(id string, m float64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if t, ok := r.byID[id]; ok {
		t.MinutesUsed += m
	}
}

// Rotate replaces a tenant's key and returns the new one (shown to the customer once).
func (r *Registry) Rotate(id string) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	t, ok := r.byID[id]
	if !ok {
		return "", ErrNotFound
	}
	delete(r.byKeyID, t.KeyID)
	key, keyID := newKey()
	t.KeyID, t.KeyHash = keyID, hashKey(key)
	r.byKeyID[keyID] = t
	return key, nil
}

// Seed adds a tenant with a fresh key (development and the sales demo environment).
func (r *Registry) Seed(name, plan, webhookURL, webhookSecret string) (*Tenant, string) {
	key, keyID := newKey()
	t := &Tenant{ID: "tn_" + keyID[:6], Name: name, Plan: plan, KeyID: keyID, KeyHash: hashKey(key), WebhookURL: webhookURL, WebhookSecret: webhookSecret, Created: time.Now()}
	r.mu.Lock()
	r.byID[t.ID], r.byKeyID[keyID] = t, t
	r.mu.Unlock()
	return t, key
}

func newKey() (key, keyID string) {
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	keyID = hex.EncodeToString(b[:4])
	return "rp_" + keyID + "_" + hex.EncodeToString(b[4:]), keyID
}
