package store // want package:"analyzed"

// Package store keeps jobs and lists those of the tenant it is given.

import "sync"

type Job struct{ ID, TenantID string }

type Store struct {
	mu   sync.Mutex
	jobs []*Job
}

// List scopes its work to the tenant its caller passes.
func (s *Store) List(tenant string) []*Job { // want List:`owns\(compares j.TenantID with tenant\)` List:`work\(reads s.jobs\)`
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*Job
	for _, j := range s.jobs {
		if j.TenantID == tenant {
			out = append(out, j)
		}
	}
	return out
}
