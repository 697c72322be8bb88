// Package lookupkey: a credential-named string type that keys a map and
// whose every value is made from an identifier or by formatting plain
// values together is a lookup key, not a secret (lookupkey.go); the same
// names made from a secret, at random, or not keying a map stay secrets.
package lookupkey

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log"
	"log/slog"
	"net/http"
)

// Silent.

// sessionKey is goatcounter's analytics visit key.
type sessionKey string

type store struct {
	sessions map[sessionKey]int
	hashes   map[int]sessionKey
}

func (s *store) session(siteID int, userSessionID, ua, remoteAddr string) int {
	sk := sessionKey(userSessionID)
	if userSessionID == "" {
		sk = sessionKey(fmt.Sprintf("%s-%s-%d", ua, remoteAddr, siteID))
	}
	id, ok := s.sessions[sk]
	if ok {
		slog.Debug("HIT", "session-key", sk, "session-id", id)
		return id
	}
	log.Printf("MISS: %s", sk)
	s.sessions[sk] = len(s.sessions)
	s.hashes[id] = sk
	return id
}

func (s *store) evict(id int) {
	sk := s.hashes[id]
	log.Printf("evicting %v", sk)
	delete(s.sessions, sk)
}

// cacheToken keys a cache by host and path joined.
type cacheToken string

var cache = map[cacheToken][]byte{}

func lookup(host, path string) []byte {
	k := cacheToken(host + "|" + path)
	log.Printf("cache %s", k)
	return cache[k]
}

// Near misses: reported.

// apiKey is read from the request: a credential.
type apiKey string

var users = map[apiKey]string{}

func handle(w http.ResponseWriter, r *http.Request) {
	k := apiKey(r.Header.Get("X-API-Key"))
	_ = users[k]
}

func logKey(k apiKey) {
	log.Printf("key %s", k) // want `API key of type lookupkey.apiKey reaches log.Printf`
}

// signingKey is drawn at random.
type signingKey string

var keys = map[signingKey]bool{}

func newKey() {
	b := make([]byte, 32)
	rand.Read(b)
	k := signingKey(hex.EncodeToString(b))
	keys[k] = true
	log.Printf("new key %s", k) // want `secret of type lookupkey.signingKey reaches log.Printf`
}

// basicCred formats a user and a password together.
type basicCred string

var seen = map[basicCred]bool{}

func remember(user, password string) {
	c := basicCred(fmt.Sprintf("%s:%s", user, password))
	seen[c] = true
}

func logCred(c basicCred) {
	log.Printf("cred %s", c) // want `credential of type lookupkey.basicCred reaches log.Printf`
}

// visitToken is made like sessionKey but keys no map.
type visitToken string

func visit(ua, remoteAddr string) {
	t := visitToken(fmt.Sprintf("%s-%s", ua, remoteAddr))
	log.Printf("visit %s", t) // want `token of type lookupkey.visitToken reaches log.Printf`
}

// clientSessionKey is also made from a token the caller sent.
type clientSessionKey string

var mixed = map[clientSessionKey]int{}

func mix(userID, token string) {
	a := clientSessionKey(userID)
	b := clientSessionKey(token)
	mixed[a], mixed[b] = 1, 2
	log.Printf("mixed %s", a) // want `secret of type lookupkey.clientSessionKey reaches log.Printf`
}
