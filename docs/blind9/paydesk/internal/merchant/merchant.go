// Package merchant keeps merchants, their team, payments and webhook endpoints.
package merchant

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"golang.org/x/crypto/bcrypt"
)

var (
	ErrNotFound  = errors.New("not found")
	ErrForbidden = errors.New("forbidden")
)

type Merchant struct {
	ID        string
	Name      string
	SecretKey string
}

// String keeps the secret key out of logs.
func (m Merchant) String() string {
	return fmt.Sprintf("Merchant{%s %q key=%s…}", m.ID, m.Name, m.SecretKey[:min(8, len(m.SecretKey))])
}

type User struct {
	Email        string
	MerchantID   string
	Role         string
	PasswordHash []byte
}

type Payment struct {
	ID           string    `json:"id"`
	MerchantID   string    `json:"merchant_id"`
	Amount       int64     `json:"amount"`
	Currency     string    `json:"currency"`
	Last4        string    `json:"last4"`
	ClientSecret string    `json:"-"`
	CreatedAt    time.Time `json:"created_at"`
}

type Endpoint struct {
	ID            string
	MerchantID    string
	URL           string
	SigningSecret string
}

type Dispute struct {
	ID         string
	MerchantID string
	Evidence   []string
}

type Store struct {
	mu        sync.Mutex
	merchants map[string]*Merchant // by secret key
	Users     map[string]*User
	Payments  map[string]*Payment
	Endpoints map[string]*Endpoint
	Disputes  map[string]*Dispute
}

func NewStore() *Store {
	return &Store{merchants: map[string]*Merchant{}, Users: map[string]*User{}, Payments: map[string]*Payment{},
		Endpoints: map[string]*Endpoint{}, Disputes: map[string]*Dispute{}}
}

func (s *Store) Lock()   { s.mu.Lock() }
func (s *Store) Unlock() { s.mu.Unlock() }

// BySecretKey returns the merchant a server-side API key belongs to.
func (s *Store) BySecretKey(key string) (*Merchant, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.merchants[key]
	if !ok {
		return nil, ErrNotFound
	}
	return m, nil
}

// CheckPassword returns the dashboard user for a correct e-mail and password.
func (s *Store) CheckPassword(email, password string) (*User, error) {
	s.mu.Lock()
	u, ok := s.Users[email]
	s.mu.Unlock()
	if !ok {
		return nil, ErrNotFound
	}
	if err := bcrypt.CompareHashAndPassword(u.PasswordHash, []byte(password)); err != nil { // NEAR tokenverify v12
		return nil, ErrNotFound
	}
	return u, nil
}

// SubmitEvidence attaches evidence to a dispute of the caller's merchant.
func (s *Store) SubmitEvidence(_ context.Context, merchantID, disputeID, text string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	d, ok := s.Disputes[disputeID]
	if !ok {
		return ErrNotFound
	}
	if d.MerchantID != merchantID {
		return ErrForbidden
	}
	d.Evidence = append(d.Evidence, text)
	return nil
}
