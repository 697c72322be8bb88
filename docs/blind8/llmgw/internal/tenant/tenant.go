// Package tenant authenticates gateway tenants by API key.
package tenant

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"log/slog"
	"net/http"
	"strings"

	"github.com/hashicorp/go-hclog"
)

// Tenant is a gateway customer.
type Tenant struct {
	ID        string
	Name      string
	KeyHash   string
	RateLimit int
}

// Directory maps key hashes to tenants.
type Directory struct {
	byHash map[string]*Tenant
	log    hclog.Logger
	slog   *slog.Logger
}

// devKeys seeds the directory in development mode.
var devKeys = map[string]string{
	"tnt_dev":   "dev-key",   // NEAR hardcodedcred h12
	"tnt_smoke": "smoke-key", // NEAR hardcodedcred h13
}

// New builds a directory.
func New(log hclog.Logger, sl *slog.Logger, tenants []*Tenant, dev bool) *Directory {
	d := &Directory{byHash: map[string]*Tenant{}, log: log, slog: sl}
	for _, t := range tenants {
		d.byHash[t.KeyHash] = t
	}
	if dev {
		for id, k := range devKeys {
			d.byHash[hash(k)] = &Tenant{ID: id, Name: id, RateLimit: 10}
		}
	}
	return d
}

// ErrUnknownKey is returned for a key no tenant has.
var ErrUnknownKey = errors.New("unknown api key")

// Authenticate finds the tenant of the request's key.
func (d *Directory) Authenticate(r *http.Request) (*Tenant, error) {
	key := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	if key == "" {
		key = r.Header.Get("X-Api-Key")
	}
	t, ok := d.byHash[hash(key)]
	if !ok {
		d.log.Warn("unknown api key", "remote", r.RemoteAddr, "key", key) // WANT tokenlog T13
		return nil, ErrUnknownKey
	}
	d.log.Debug("tenant authenticated", "tenant", t.ID, "key_hash", t.KeyHash[:12]) // NEAR tokenlog t21
	d.slog.Info("tenant request", "tenant", t.ID, "api_key", key)                   // NEAR tokenlog t22
	return t, nil
}

// Named returns a logger for a tenant.
func (d *Directory) Named(t *Tenant) hclog.Logger {
	return d.log.With("tenant", t.ID, "tenant_name", t.Name) // NEAR tokenlog t23
}

func hash(k string) string {
	s := sha256.Sum256([]byte(k))
	return hex.EncodeToString(s[:])
}
