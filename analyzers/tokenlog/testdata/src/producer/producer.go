// Package producer: the result of a function named for making or
// fetching a credential is one, whatever variable holds it (blind set
// 10's scimgate: tok, err := c.store.RotateSCIMToken(tid), then logged).
// Near misses: functions whose names say the value is a kind of token
// that is no credential, a masked or shortened one, or something about
// the credential.
package producer

import (
	"crypto/rand"
	"encoding/hex"
	"log"
	"log/slog"
)

type Store struct{ tokens map[string]string }

func (s *Store) RotateSCIMToken(tid string) (string, error) { // want RotateSCIMToken:"random result"
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	v := "scim_" + hex.EncodeToString(b)
	s.tokens[tid] = v
	return v, nil
}

func (s *Store) GenerateAPIKey() string { // want GenerateAPIKey:"random result"
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func (s *Store) GetNextPageToken() string   { return "p2" }
func (s *Store) GetMaskedAPIKey() string    { return "sk_****" }
func (s *Store) GetTokenPrefix() string     { return "scim_" }
func (s *Store) GetAPIKeyName() string      { return "ci" }
func (s *Store) GenerateRequestID() string  { return "req-1" }
func (s *Store) GetTokenExpiration() string { return "2026-12-31" }

func rotate(s *Store, l *slog.Logger) {
	tok, err := s.RotateSCIMToken("t1")
	if err != nil {
		return
	}
	l.Info("scim token rotated", "tenant", "t1", "value", tok) // want `token returned by producer.Store.RotateSCIMToken reaches slog.Logger.Info`
	k := s.GenerateAPIKey()
	log.Printf("new key %s", k) // want `API key returned by producer.Store.GenerateAPIKey reaches log.Printf`

	l.Info("page", "next", s.GetNextPageToken())
	l.Info("key", "masked", s.GetMaskedAPIKey(), "prefix", s.GetTokenPrefix(), "name", s.GetAPIKeyName())
	log.Printf("request %s, token expires %s", s.GenerateRequestID(), s.GetTokenExpiration())
}
