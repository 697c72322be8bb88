// Package vehicles stores the fleet.
package vehicles

import (
	"errors"
	"sync"
)

// Vehicle is one truck.
type Vehicle struct {
	ID, Plate, Driver, Status string
	Lat, Lon                  float64
}

// Store holds vehicles.
type Store struct {
	mu sync.Mutex
	m  map[string]*Vehicle
}

// NewStore returns an empty store.
func NewStore() *Store { return &Store{m: map[string]*Vehicle{}} }

// Get returns one vehicle.
func (s *Store) Get(id string) (*Vehicle, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.m[id]
	if !ok {
		return nil, errors.New("not found")
	}
	return v, nil
}

// Delete removes a vehicle.
func (s *Store) Delete(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.m, id)
}

// SetStatus changes the status.
func (s *Store) SetStatus(id, status string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.m[id]
	if !ok {
		return errors.New("not found")
	}
	v.Status = status
	return nil
}

// ByDriver lists the vehicles assigned to a driver.
func (s *Store) ByDriver(driver string) []*Vehicle {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*Vehicle
	for _, v := range s.m {
		if v.Driver == driver {
			out = append(out, v)
		}
	}
	return out
}

// Put stores a vehicle.
func (s *Store) Put(v *Vehicle) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[v.ID] = v
}
