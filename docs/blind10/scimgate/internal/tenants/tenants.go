// Package tenants stores scimgate's customers (tenants), their users and groups as provisioned
// over SCIM, their SCIM tokens and their SSO settings.
package tenants

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"sync"
	"time"

	"go.uber.org/zap/zapcore"
)

var ErrNotFound = errors.New("not found")

// SSOConfig is a tenant's own IdP, used when its employees sign in to the product.
type SSOConfig struct {
	Issuer       string `json:"issuer"`
	ClientID     string `json:"client_id"`
	ClientSecret string `json:"client_secret"`
	JWKSURL      string `json:"jwks_url"`
}

// MarshalLogObject keeps the client secret out of logs.
func (c SSOConfig) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	enc.AddString("issuer", c.Issuer)
	enc.AddString("client_id", c.ClientID)
	enc.AddBool("has_client_secret", c.ClientSecret != "")
	return nil
}

type Tenant struct {
	ID      string
	Name    string
	Plan    string
	SSO     SSOConfig
	Billing struct {
		Email     string
		CardLast4 string
		Invoices  []string
	}
}

type User struct {
	ID       string   `json:"id"`
	TenantID string   `json:"-"`
	UserName string   `json:"userName"`
	Email    string   `json:"email"`
	Active   bool     `json:"active"`
	Groups   []string `json:"groups,omitempty"`
}

type Group struct {
	ID          string   `json:"id"`
	TenantID    string   `json:"-"`
	DisplayName string   `json:"displayName"`
	Members     []string `json:"members"`
	Role        string   `json:"-"` // the product role its members get (admin, editor, viewer)
}

// ConsoleUser is someone who signs in to the scimgate console, with a role per tenant.
type ConsoleUser struct {
	Email   string
	Tenants map[string]string // tenant id -> "admin" | "member"
}

func (u *ConsoleUser) MemberOf(tid string) bool { _, ok := u.Tenants[tid]; return ok }

type Store struct {
	mu         sync.RWMutex
	tenants    map[string]*Tenant
	users      map[string]*User
	groups     map[string]*Group
	scimTokens map[string]string // sha256(token) -> tenant id
	console    map[string]*ConsoleUser
}

func New() *Store {
	return &Store{tenants: map[string]*Tenant{}, users: map[string]*User{}, groups: map[string]*Group{},
		scimTokens: map[string]string{}, console: map[string]*ConsoleUser{}}
}

func hashToken(t string) string { s := sha256.Sum256([]byte(t)); return hex.EncodeToString(s[:]) }

func (s *Store) Tenant(id string) (*Tenant, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if t, ok := s.tenants[id]; ok {
		cp := *t
		return &cp, nil
	}
	return nil, ErrNotFound
}

func (s *Store) DeleteTenant(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.tenants[id]; !ok {
		return ErrNotFound
	}
	delete(s.tenants, id)
	for h, tid := range s.scimTokens {
		if tid == id {
			delete(s.scimTokens, h)
		}
	}
	return nil
}

func (s *Store) SetSSO(id string, c SSOConfig) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.tenants[id]
	if !ok {
		return ErrNotFound
	}
	t.SSO = c
	return nil
}

// TenantBySCIMToken resolves a presented SCIM bearer token.
func (s *Store) TenantBySCIMToken(tok string) (string, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if tid, ok := s.scimTokens[hashToken(tok)]; ok {
		return tid, nil
	}
	return "", ErrNotFound
}

// RotateSCIMToken replaces a tenant's SCIM token and returns the new one, shown once.
func (s *Store) RotateSCIMToken(tid string) (string, error) {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	tok := "scim_" + hex.EncodeToString(b)
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.tenants[tid]; !ok {
		return "", ErrNotFound
	}
	for h, t := range s.scimTokens {
		if t == tid {
			delete(s.scimTokens, h)
		}
	}
	s.scimTokens[hashToken(tok)] = tid
	return tok, nil
}

func (s *Store) Users(tid string) []User {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out []User
	for _, u := range s.users {
		if u.TenantID == tid {
			out = append(out, *u)
		}
	}
	return out
}

func (s *Store) User(id string) (*User, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if u, ok := s.users[id]; ok {
		cp := *u
		return &cp, nil
	}
	return nil, ErrNotFound
}

func (s *Store) SaveUser(u *User) {
	s.mu.Lock()
	defer s.mu.Unlock()
	cp := *u
	s.users[u.ID] = &cp
}

// DeleteUser removes a user of a tenant; users of other tenants are not found.
func (s *Store) DeleteUser(tid, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if u, ok := s.users[id]; !ok || u.TenantID != tid {
		return ErrNotFound
	}
	delete(s.users, id)
	return nil
}

func (s *Store) Group(id string) (*Group, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if g, ok := s.groups[id]; ok {
		cp := *g
		return &cp, nil
	}
	return nil, ErrNotFound
}

func (s *Store) SaveGroup(g *Group) {
	s.mu.Lock()
	defer s.mu.Unlock()
	cp := *g
	s.groups[g.ID] = &cp
}

func (s *Store) ConsoleUser(email string) (*ConsoleUser, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if u, ok := s.console[email]; ok {
		return u, nil
	}
	return nil, ErrNotFound
}

// AuditEvent is one entry of a tenant's audit log.
type AuditEvent struct {
	At     time.Time `json:"at"`
	Actor  string    `json:"actor"`
	Action string    `json:"action"`
}
