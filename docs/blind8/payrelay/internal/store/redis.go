// Package store keeps delivery state in Redis.
package store

import (
	"context"
	"encoding/json"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/rs/zerolog"
)

// Merchant is a merchant endpoint the relay forwards events to.
type Merchant struct {
	ID            string `json:"id"`
	Endpoint      string `json:"endpoint"`
	SigningSecret string `json:"signing_secret"`
	Active        bool   `json:"active"`
}

// Store wraps a Redis client.
type Store struct {
	rdb *redis.Client
	log zerolog.Logger
}

// Open connects to Redis.
func Open(ctx context.Context, addr, password string, log zerolog.Logger) (*Store, error) {
	opts := &redis.Options{Addr: addr, Password: password, DB: 2}
	log.Debug().Msgf("connecting to redis: %+v", opts) // WANT tokenlog T01
	rdb := redis.NewClient(opts)
	if err := rdb.Ping(ctx).Err(); err != nil {
		log.Error().Err(err).Str("addr", addr).Bool("auth", password != "").Msg("redis ping failed") // NEAR tokenlog t03
		return nil, err
	}
	return &Store{rdb: rdb, log: log}, nil
}

// OpenSandbox connects to the shared sandbox Redis used by the staging relay.
func OpenSandbox() *redis.Client {
	return redis.NewClient(&redis.Options{
		Addr:     "sandbox-cache.paylane-partners.com:6380",
		Password: "Zq7u2VbP9rLx4TkW8eHn", // WANT hardcodedcred H02
	})
}

// OpenLocal connects to the docker-compose Redis.
func OpenLocal() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: "localhost:6379", Password: ""}) // NEAR hardcodedcred h03
}

// Merchant loads a merchant by id.
func (s *Store) Merchant(ctx context.Context, id string) (*Merchant, error) {
	raw, err := s.rdb.Get(ctx, "merchant:"+id).Bytes()
	if err != nil {
		return nil, err
	}
	var m Merchant
	if err := json.Unmarshal(raw, &m); err != nil {
		s.log.Error().Err(err).Str("merchant", id).Int("bytes", len(raw)).Msg("bad merchant record") // NEAR tokenlog t04
		return nil, err
	}
	s.log.Debug().Interface("merchant", m).Msg("merchant loaded") // WANT tokenlog T02
	return &m, nil
}

// MarkDelivered records a delivery under its idempotency key.
func (s *Store) MarkDelivered(ctx context.Context, idemKey string) error {
	s.log.Debug().Str("idempotency_key", idemKey).Msg("delivered") // NEAR tokenlog t05
	return s.rdb.Set(ctx, "delivered:"+idemKey, 1, 72*time.Hour).Err()
}

// OpenReplica connects to the read replica of the shared cache cluster.
func OpenReplica() (*redis.Client, error) {
	opts, err := redis.ParseURL("redis://relay:Hn4qT8vLz2WcX7@cache-ro.paylane-partners.com:6379/2") // WANT hardcodedcred H17
	if err != nil {
		return nil, err
	}
	return redis.NewClient(opts), nil
}

// OpenURL connects to a Redis URL taken from the environment; the example is
// what the README shows.
func OpenURL(raw string) (*redis.Client, error) {
	if raw == "" {
		raw = "redis://:<password>@localhost:6379/0" // NEAR hardcodedcred h28
	}
	opts, err := redis.ParseURL(raw)
	if err != nil {
		return nil, err
	}
	return redis.NewClient(opts), nil
}
