// Package store holds videos, channels and live streams.
package store

import (
	"context"
	"errors"
	"sync"
	"time"
)

var ErrNotFound = errors.New("not found")

type Video struct {
	ID         string    `json:"id"`
	ChannelID  string    `json:"channel_id"`
	OwnerID    string    `json:"owner_id"`
	Title      string    `json:"title"`
	AssetID    string    `json:"asset_id"`
	PlaybackID string    `json:"playback_id"`
	Published  bool      `json:"published"`
	CreatedAt  time.Time `json:"created_at"`
}

type Channel struct {
	ID       string            `json:"id"`
	OwnerID  string            `json:"owner_id"`
	Branding map[string]string `json:"branding"`
}

type LiveStream struct {
	ID        string `json:"id"`
	ChannelID string `json:"channel_id"`
	StreamKey string `json:"-"`
	Active    bool   `json:"active"`
}

type Store interface {
	Videos(ctx context.Context, ownerID string) ([]Video, error)
	Video(ctx context.Context, id string) (Video, error)
	PutVideo(ctx context.Context, v Video) error
	DeleteVideo(ctx context.Context, id string) error
	Channel(ctx context.Context, id string) (Channel, error)
	PutChannel(ctx context.Context, c Channel) error
	Stream(ctx context.Context, id string) (LiveStream, error)
	PutStream(ctx context.Context, s LiveStream) error
	RevokeToken(ctx context.Context, jti string, until time.Time) error
}

type table[T any] struct {
	mu   sync.Mutex
	rows map[string]T
}

func (t *table[T]) get(id string) (T, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	v, ok := t.rows[id]
	if !ok {
		return v, ErrNotFound
	}
	return v, nil
}

func (t *table[T]) put(id string, v T) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.rows == nil {
		t.rows = map[string]T{}
	}
	t.rows[id] = v
	return nil
}

type Mem struct {
	videos   table[Video]
	channels table[Channel]
	streams  table[LiveStream]
	revoked  table[time.Time]
}

func NewMem() *Mem { return &Mem{} }

func (m *Mem) Videos(_ context.Context, ownerID string) ([]Video, error) {
	m.videos.mu.Lock()
	defer m.videos.mu.Unlock()
	var out []Video
	for _, v := range m.videos.rows {
		if v.OwnerID == ownerID {
			out = append(out, v)
		}
	}
	return out, nil
}

func (m *Mem) Video(_ context.Context, id string) (Video, error) { return m.videos.get(id) }
func (m *Mem) PutVideo(_ context.Context, v Video) error         { return m.videos.put(v.ID, v) }
func (m *Mem) DeleteVideo(_ context.Context, id string) error {
	m.videos.mu.Lock()
	defer m.videos.mu.Unlock()
	delete(m.videos.rows, id)
	return nil
}
func (m *Mem) Channel(_ context.Context, id string) (Channel, error)   { return m.channels.get(id) }
func (m *Mem) PutChannel(_ context.Context, c Channel) error           { return m.channels.put(c.ID, c) }
func (m *Mem) Stream(_ context.Context, id string) (LiveStream, error) { return m.streams.get(id) }
func (m *Mem) PutStream(_ context.Context, s LiveStream) error         { return m.streams.put(s.ID, s) }
func (m *Mem) RevokeToken(_ context.Context, jti string, until time.Time) error {
	return m.revoked.put(jti, until)
}
