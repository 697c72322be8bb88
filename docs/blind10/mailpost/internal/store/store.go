// Package store keeps accounts, their members, sending domains, sent messages and the
// suppression list.
package store

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

var ErrNotFound = errors.New("not found")

type Account struct {
	ID            string
	Name          string
	Suspended     bool
	WebhookURL    string
	WebhookSecret string // signs the events we forward to the customer
}

// String keeps the webhook secret out of logs.
func (a Account) String() string { return fmt.Sprintf("%s (%s)", a.ID, a.Name) }

type Member struct {
	UserID    string `json:"user_id"`
	AccountID string `json:"account_id"`
	Role      string `json:"role"` // owner | admin | developer | viewer
}

type Domain struct {
	Name      string `json:"name"`
	AccountID string `json:"account_id"`
	Verified  bool   `json:"verified"`
}

type Message struct {
	ID        string    `json:"id"`
	AccountID string    `json:"account_id"`
	RelayID   string    `json:"relay_id"`
	To        string    `json:"to"`
	Subject   string    `json:"subject"`
	Status    string    `json:"status"`
	SentAt    time.Time `json:"sent_at"`
}

type Store struct {
	mu           sync.RWMutex
	accounts     map[string]*Account
	members      map[string]*Member // by account/user
	domains      map[string]*Domain
	messages     map[string]*Message
	suppressions map[string]string // address -> reason; shared by all accounts (bounces are global)
}

func New() *Store {
	return &Store{accounts: map[string]*Account{}, members: map[string]*Member{}, domains: map[string]*Domain{},
		messages: map[string]*Message{}, suppressions: map[string]string{}}
}

func (s *Store) Account(id string) (*Account, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if a, ok := s.accounts[id]; ok {
		cp := *a
		return &cp, nil
	}
	return nil, ErrNotFound
}

func (s *Store) SetSuspended(id string, v bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.accounts[id]
	if !ok {
		return ErrNotFound
	}
	a.Suspended = v
	return nil
}

func (s *Store) Member(accountID, userID string) (*Member, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if m, ok := s.members[accountID+"/"+userID]; ok {
		return m, nil
	}
	return nil, ErrNotFound
}

func (s *Store) RemoveMember(accountID, userID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.members, accountID+"/"+userID)
}

func (s *Store) Domain(name string) (*Domain, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if d, ok := s.domains[name]; ok {
		cp := *d
		return &cp, nil
	}
	return nil, ErrNotFound
}

func (s *Store) MarkVerified(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if d, ok := s.domains[name]; ok {
		d.Verified = true
	}
}

func (s *Store) AddMessage(m *Message) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.messages[m.ID] = m
}

func (s *Store) Message(id string) (*Message, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if m, ok := s.messages[id]; ok {
		cp := *m
		return &cp, nil
	}
	return nil, ErrNotFound
}

func (s *Store) SetStatusByRelayID(relayID, status string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, m := range s.messages {
		if m.RelayID == relayID {
			m.Status = status
		}
	}
}

func (s *Store) Suppress(addr, reason string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.suppressions[addr] = reason
}

func (s *Store) Suppressed(addr string) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	_, ok := s.suppressions[addr]
	return ok
}

func (s *Store) Unsuppress(addr string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.suppressions[addr]; !ok {
		return ErrNotFound
	}
	delete(s.suppressions, addr)
	return nil
}
