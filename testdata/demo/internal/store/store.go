// Package store keeps the service's videos.
package store

import (
	"errors"
	"sync"
)

// Video is a stored video.
type Video struct {
	ID      string
	Owner   string
	Title   string
	Private bool
}

// Store is an in-memory video store.
type Store struct {
	mu     sync.Mutex
	videos map[string]Video
}

// ErrNotFound is returned for unknown ids.
var ErrNotFound = errors.New("video not found")

// New returns an empty store.
func New() *Store { return &Store{videos: map[string]Video{}} }

// List returns every video.
func (s *Store) List() []Video {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Video, 0, len(s.videos))
	for _, v := range s.videos {
		out = append(out, v)
	}
	return out
}

// Delete removes a video.
func (s *Store) Delete(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.videos[id]; !ok {
		return ErrNotFound
	}
	delete(s.videos, id)
	return nil
}
