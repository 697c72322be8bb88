package model // want package:"analyzed"

// Package model declares the data store the persistence layer
// implements, in a package the handlers do not import: whether its
// repositories filter by the caller in the context is out of sight.

import "context"

type Playlist struct {
	ID, OwnerID string
	Public      bool
}

type PlaylistRepository interface {
	Get(id string) (*Playlist, error)
	Delete(id string) error
}

type DataStore interface {
	Playlist(ctx context.Context) PlaylistRepository // want Playlist:"defers\\(implemented outside model\\)"
	Genres(ctx context.Context) ([]string, error)    // want Genres:"defers\\(implemented outside model\\)"
	// Size takes no context: the caller cannot reach it.
	Size() int
}
