// Package store keeps tunecast's data. Production uses Postgres; this in-memory version backs the
// dev stack and mirrors the SQL store's method set.
package store

import (
	"errors"
	"slices"
	"sync"
	"time"
)

var ErrNotFound = errors.New("not found")

type User struct {
	ID, Scope string
	Roles     []string
}

type Playlist struct {
	ID            string    `json:"id"`
	OwnerID       string    `json:"owner_id"`
	Name          string    `json:"name"`
	Collaborators []string  `json:"collaborators"`
	TrackIDs      []string  `json:"track_ids"`
	UpdatedAt     time.Time `json:"updated_at"`
}

type Track struct {
	ID        string `json:"id"`
	ISRC      string `json:"isrc"`
	Title     string `json:"title"`
	LabelID   string `json:"label_id"`
	TakenDown bool   `json:"taken_down"`
}

type Play struct {
	TrackID string    `json:"track_id"`
	At      time.Time `json:"at"`
}

// LinkedAccount is a user's connection to the streaming provider.
type LinkedAccount struct {
	UserID, AccessToken, RefreshToken string
	Expiry                            time.Time
}

type Store struct {
	mu        sync.RWMutex
	users     map[string]User
	playlists map[string]*Playlist
	tracks    map[string]Track
	plays     map[string][]Play
	links     map[string]LinkedAccount
}

func New() *Store {
	return &Store{users: map[string]User{}, playlists: map[string]*Playlist{}, tracks: map[string]Track{},
		plays: map[string][]Play{}, links: map[string]LinkedAccount{}}
}

func (s *Store) read(fn func()) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	fn()
}

func (s *Store) write(fn func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	fn()
}

func get[V any](s *Store, m map[string]V, id string) (V, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	v, ok := m[id]
	if !ok {
		return v, ErrNotFound
	}
	return v, nil
}

func (s *Store) User(id string) (User, error)   { return get(s, s.users, id) }
func (s *Store) Track(id string) (Track, error) { return get(s, s.tracks, id) }

func (s *Store) Playlist(id string) (Playlist, error) {
	p, err := get(s, s.playlists, id)
	if err != nil {
		return Playlist{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return *p, nil
}

// PlaylistsByOwner returns the playlists a user owns or collaborates on.
func (s *Store) PlaylistsByOwner(userID string) (out []Playlist) {
	s.read(func() {
		for _, p := range s.playlists {
			if p.OwnerID == userID || slices.Contains(p.Collaborators, userID) {
				out = append(out, *p)
			}
		}
	})
	return out
}

// update runs fn on a playlist under the write lock.
func (s *Store) update(id string, fn func(p *Playlist)) (err error) {
	s.write(func() {
		p, ok := s.playlists[id]
		if !ok {
			err = ErrNotFound
			return
		}
		fn(p)
		p.UpdatedAt = time.Now()
	})
	return err
}

func (s *Store) SetTracks(id string, trackIDs []string) error {
	return s.update(id, func(p *Playlist) { p.TrackIDs = trackIDs })
}

func (s *Store) AddCollaborator(id, userID string) error {
	return s.update(id, func(p *Playlist) {
		if !slices.Contains(p.Collaborators, userID) {
			p.Collaborators = append(p.Collaborators, userID)
		}
	})
}

func (s *Store) DeletePlaylist(id string) error {
	return s.update(id, func(p *Playlist) { delete(s.playlists, p.ID) })
}

func (s *Store) History(userID string, limit int) (h []Play) {
	s.read(func() { h = slices.Clone(s.plays[userID]) })
	if len(h) > limit {
		h = h[len(h)-limit:]
	}
	return h
}

// UpsertTracks stores a distributor delivery under a label and returns how many tracks changed.
func (s *Store) UpsertTracks(labelID string, ts []Track) (n int) {
	s.write(func() {
		for _, t := range ts {
			t.LabelID = labelID
			if old, ok := s.tracks[t.ID]; !ok || old != t {
				s.tracks[t.ID], n = t, n+1
			}
		}
	})
	return n
}

func (s *Store) TakeDown(trackID string) error {
	t, err := s.Track(trackID)
	if err == nil {
		t.TakenDown = true
		s.write(func() { s.tracks[trackID] = t })
	}
	return err
}

func (s *Store) LinkAccount(la LinkedAccount) { s.write(func() { s.links[la.UserID] = la }) }

func (s *Store) LinkedAccounts() (out []LinkedAccount) {
	s.read(func() {
		for _, la := range s.links {
			out = append(out, la)
		}
	})
	return out
}
