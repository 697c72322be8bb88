// Package service holds the inventory business rules.
package service

import (
	"context"
	"errors"
	"sync"

	"example.com/blind3/inventory/internal/auth"
)

// ErrForbidden is returned when the caller may not do the operation.
var ErrForbidden = errors.New("forbidden")

// ErrNotFound is returned for unknown items.
var ErrNotFound = errors.New("not found")

// Item is a stock item.
type Item struct {
	ID      string `json:"id"`
	SKU     string `json:"sku"`
	Qty     int    `json:"qty"`
	Price   int64  `json:"price"`
	OwnerID string `json:"owner_id"`
}

// Store is an in-memory repository.
type Store struct {
	mu    sync.Mutex
	items map[string]*Item
	carts map[string][]string
}

// NewStore returns an empty store.
func NewStore() *Store {
	return &Store{items: map[string]*Item{}, carts: map[string][]string{}}
}

// Get returns an item.
func (s *Store) Get(id string) (*Item, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	it, ok := s.items[id]
	if !ok {
		return nil, ErrNotFound
	}
	return it, nil
}

// Delete removes an item.
func (s *Store) Delete(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.items, id)
}

// Put stores an item.
func (s *Store) Put(it *Item) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items[it.ID] = it
}

// Restock adds to an item's quantity.
func (s *Store) Restock(id string, n int) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	it, ok := s.items[id]
	if !ok {
		return ErrNotFound
	}
	it.Qty += n
	return nil
}

// Reindex rebuilds the search index.
func (s *Store) Reindex() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.items)
}

// ClearCart empties a user's cart.
func (s *Store) ClearCart(userID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.carts, userID)
}

// Service applies the business rules.
type Service struct {
	Store *Store
}

// Archive archives an item; only warehouse managers may.
func (s *Service) Archive(ctx context.Context, id string) error {
	c := auth.FromContext(ctx)
	if c == nil || !c.HasRole("warehouse-manager") {
		return ErrForbidden
	}
	s.Store.Delete(id)
	return nil
}

// SetPrice changes a price with no rule about who may.
func (s *Service) SetPrice(ctx context.Context, id string, price int64) error {
	it, err := s.Store.Get(id)
	if err != nil {
		return err
	}
	it.Price = price
	s.Store.Put(it)
	return nil
}
