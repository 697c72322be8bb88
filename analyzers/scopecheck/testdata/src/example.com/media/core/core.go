package core // want package:"analyzed"

// Package core is the service layer: the handlers call it through an
// interface whose implementation is in this package.

import (
	"context"
	"errors"
	"log"

	"example.com/media/model"
	"example.com/media/request"
)

type Playlists interface {
	Get(ctx context.Context, id string) (*model.Playlist, error) // want Get:"defers\\(DataStore.Playlist"
	Rename(ctx context.Context, id, name string) error           // want Rename:"owns|authorizes"
	Stats(ctx context.Context, id string) int
	Purge(ctx context.Context, id string) error
}

type playlists struct {
	ds     model.DataStore
	names  map[string]string
	counts map[string]int
}

func New(ds model.DataStore) Playlists { return &playlists{ds: ds} }

// Get hands the caller's context to the data store, which decides what
// the caller may see: out of sight.
func (s *playlists) Get(ctx context.Context, id string) (*model.Playlist, error) { // want Get:"defers\\(DataStore.Playlist" Get:"work"
	return s.ds.Playlist(ctx).Get(id)
}

// Rename checks that the caller owns the playlist: visible, credited.
func (s *playlists) Rename(ctx context.Context, id, name string) error { // want Rename:"owns|authorizes" Rename:"work" Rename:"asks the caller"
	u, _ := request.UserFrom(ctx)
	p, err := s.ds.Playlist(context.Background()).Get(id)
	if err != nil {
		return err
	}
	if p.OwnerID != u.ID {
		return errors.New("forbidden")
	}
	s.names[id] = name
	return nil
}

// Stats reads the caller from the context but decides nothing with it.
func (s *playlists) Stats(ctx context.Context, id string) int { // want Stats:"work" Stats:"asks the caller"
	u, _ := request.UserFrom(ctx)
	log.Printf("stats for %s", u.ID)
	return s.counts[id]
}

// Purge gives the data store a fresh context: context.Background()
// carries no caller, so nothing out of sight can authorize.
func (s *playlists) Purge(ctx context.Context, id string) error { // want Purge:"work"
	bg := context.Background()
	return s.ds.Playlist(bg).Delete(id)
}

// GenreNames is a function, not a method, passing the context on.
func GenreNames(ctx context.Context, ds model.DataStore) ([]string, error) { // want GenreNames:"defers\\(DataStore.Genres" GenreNames:"work"
	return ds.Genres(ctx)
}
