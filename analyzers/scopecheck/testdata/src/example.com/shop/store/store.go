// Package store holds the shop's data.
package store

type Product struct{ ID, Name string }

type Store struct {
	products map[string]Product
	orders   map[string][]string
}

func (s *Store) DeleteProduct(id string) { delete(s.products, id) }

func (s *Store) Products() map[string]Product { return s.products }

func (s *Store) OrdersFor(userID string) []string { return s.orders[userID] }

func (s *Store) Refund(order string) { s.orders[order] = nil }
