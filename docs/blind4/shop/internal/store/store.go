// Package store is the shop's data layer.
package store

import (
	"crypto/sha256"
	"errors"
	"sync"
)

// Order is a customer order.
type Order struct {
	ID, UserID string
	Total      int64
	Refunded   bool
}

// Product is a catalogue entry.
type Product struct {
	ID, Name string
	Price    int64
	Stock    int
}

// Merchant is a partner selling through the shop.
type Merchant struct {
	ID        string
	Secret    string   // API secret, shown once at creation
	KeyHash   [32]byte // sha256 of the v2 API key
	PublicKey string   // v2 key id
}

// User is a customer account.
type User struct {
	ID, Email, Password string // Password: legacy plaintext column, migration pending
	Admin               bool
}

// Store keeps everything in memory.
type Store struct {
	mu         sync.Mutex
	Orders     map[string]*Order
	Products   map[string]*Product
	Merchants  map[string]*Merchant
	ByKeyHash  map[[32]byte]*Merchant
	Users      map[string]*User
	Coupons    map[string]int
	LegacyKeys map[string]*Merchant // raw v1 key -> merchant
}

// New returns an empty store.
func New() *Store {
	return &Store{Orders: map[string]*Order{}, Products: map[string]*Product{}, Merchants: map[string]*Merchant{},
		ByKeyHash: map[[32]byte]*Merchant{}, Users: map[string]*User{}, Coupons: map[string]int{}, LegacyKeys: map[string]*Merchant{}}
}

// Order returns one order.
func (s *Store) Order(id string) (*Order, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	o, ok := s.Orders[id]
	if !ok {
		return nil, errors.New("not found")
	}
	return o, nil
}

// OrdersOf lists a user's orders.
func (s *Store) OrdersOf(uid string) []*Order {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*Order
	for _, o := range s.Orders {
		if o.UserID == uid {
			out = append(out, o)
		}
	}
	return out
}

// Merchant returns a merchant by id.
func (s *Store) Merchant(id string) (*Merchant, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.Merchants[id]
	return m, ok
}

// MerchantByKey looks a v2 key up by its hash.
func (s *Store) MerchantByKey(key string) (*Merchant, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.ByKeyHash[sha256.Sum256([]byte(key))]
	return m, ok
}

// UserByEmail returns a user.
func (s *Store) UserByEmail(email string) (*User, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, u := range s.Users {
		if u.Email == email {
			return u, true
		}
	}
	return nil, false
}

// SetStock sets a product's stock.
func (s *Store) SetStock(id string, n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if p, ok := s.Products[id]; ok {
		p.Stock = n
	}
}
