// Package minted logs what mintedkeys makes. The plaintext of a key or
// reset code is a credential whatever it is called; a request id and a
// fingerprint are not.
package minted

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"log"
	"log/slog"

	"example.com/mintedkeys"
)

func createKey(s *mintedkeys.Store) string {
	k, plain := s.Create()
	slog.Info("key created", "id", k.ID, "key", plain) // want `secret generated at random and kept only as its digest returned by mintedkeys.Store.Create reaches slog.Info`
	return plain
}

func reset(s *mintedkeys.Store, user string) {
	c := s.Reset(user)
	log.Printf("reset code for %s: %s", user, c) // want `secret generated at random and kept only as its digest returned by mintedkeys.Store.Reset reaches log.Printf`
}

// local mints and logs in one function.
func local(store map[string][32]byte) {
	b := make([]byte, 16)
	rand.Read(b)
	v := hex.EncodeToString(b)
	store["x"] = sha256.Sum256([]byte(v))
	log.Println("issued", v) // want `secret generated at random and kept only as its digest reaches log.Println`
}

// sliced logs the key it made, and the id cut from it.
func sliced(s *mintedkeys.Store) {
	raw, k := s.CreateSliced()
	slog.Info("key created", "id", k.ID)
	slog.Debug("key created", "key", raw) // want `secret generated at random and kept only as its digest returned by mintedkeys.Store.CreateSliced reaches slog.Debug`
}

// Near misses.

func ids(s *mintedkeys.Store) {
	k, _ := s.Create()
	slog.Info("key created", "id", k.ID, "request", mintedkeys.RequestID())
	slog.Info("fingerprint", "fp", mintedkeys.Fingerprint("ssh-ed25519 AAAA"))
}

// nonce is random, and only its digest of another value is kept.
func nonce(seen map[[32]byte]bool, body string) {
	b := make([]byte, 12)
	rand.Read(b)
	n := hex.EncodeToString(b)
	seen[sha256.Sum256([]byte(body))] = true
	log.Println("nonce", n)
}
