// Package mintedkeys makes API keys: the plaintext is handed out once,
// only its digest is kept. Its callers (package minted) log what it
// returns.
package mintedkeys

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"io"
	"time"
)

type Key struct {
	ID      string
	Hash    []byte
	Created time.Time
}

type Store struct{ byID map[string]*Key }

func digest(s string) []byte {
	d := sha256.Sum256([]byte(s))
	return d[:]
}

// Create returns the key record and the plaintext.
func (s *Store) Create() (*Key, string) { // want Create:"random result" Create:"tokenlog\\(result 1 is secret generated at random and kept only as its digest\\)"
	b := make([]byte, 28)
	_, _ = rand.Read(b)
	id := hex.EncodeToString(b[:6])
	raw := "pk_" + id + "." + hex.EncodeToString(b[6:])
	k := &Key{ID: id, Hash: digest(raw), Created: time.Now()}
	s.byID[id] = k
	return k, raw
}

// Reset returns a reset code drawn with io.ReadFull and hashed with
// sha256 directly.
func (s *Store) Reset(id string) string { // want Reset:"tokenlog\\(result 0 is secret generated at random and kept only as its digest\\)"
	buf := make([]byte, 24)
	if _, err := io.ReadFull(rand.Reader, buf); err != nil {
		panic(err)
	}
	code := base64.RawURLEncoding.EncodeToString(buf)
	sum := sha256.Sum256([]byte(code))
	s.byID[id].Hash = sum[:]
	return code
}

// CreateSliced takes the key's id from the key itself: the twelve
// characters after its prefix.
func (s *Store) CreateSliced() (string, *Key) { // want CreateSliced:"random result" CreateSliced:"tokenlog\\(result 0 is secret generated at random and kept only as its digest\\)"
	b := make([]byte, 18)
	_, _ = rand.Read(b)
	raw := "mk_live_" + hex.EncodeToString(b)
	k := &Key{ID: raw[8:20], Hash: digest(raw)}
	s.byID[k.ID] = k
	return raw, k
}

// RequestID is random but nothing hashes it: an identifier.
func RequestID() string { // want RequestID:"random result"
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// Fingerprint hashes what it is given, not something it drew: the
// digest of a public value.
func Fingerprint(pub string) string {
	return hex.EncodeToString(digest(pub))
}
