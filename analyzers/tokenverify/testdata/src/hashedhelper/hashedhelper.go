// Package hashedhelper: a presented key hashed by a helper of the
// package (or encoded in place) and compared with the stored hash is a
// digest compared with a digest; a MAC computed the same way is not.
package hashedhelper

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"net/http"
)

type store struct {
	keyHash string
	secret  []byte
	apiKey  string
}

func hashKey(k string) string {
	sum := sha256.Sum256([]byte(k))
	return hex.EncodeToString(sum[:])
}

func digestOf(k string) string {
	return fmt.Sprintf("%x", sha256.Sum256([]byte(k)))
}

func (s *store) sign(body []byte) string {
	mac := hmac.New(sha256.New, s.secret)
	mac.Write(body)
	return hex.EncodeToString(mac.Sum(nil))
}

func (s *store) plain() string { return s.apiKey }

// Near misses: digests on both sides.

func (s *store) viaHelper(w http.ResponseWriter, r *http.Request) {
	if s.keyHash != hashKey(r.Header.Get("X-Api-Key")) {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
	}
}

func (s *store) viaSprintf(w http.ResponseWriter, r *http.Request) {
	if digestOf(r.Header.Get("X-Api-Key")) != s.keyHash {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
	}
}

func (s *store) inPlace(w http.ResponseWriter, r *http.Request) {
	sum := sha256.Sum256([]byte(r.Header.Get("X-Api-Key")))
	if s.keyHash != base64.StdEncoding.EncodeToString(sum[:]) {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
	}
}

func (s *store) viaLocal(w http.ResponseWriter, r *http.Request) {
	h := hashKey(r.Header.Get("X-Api-Key"))
	if h != s.keyHash {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
	}
}

// Positives: a MAC through a helper, and a plaintext key through one.

func (s *store) macHelper(w http.ResponseWriter, r *http.Request, body []byte) {
	if r.Header.Get("X-Signature") != s.sign(body) { // want `compared with !=: the time taken leaks`
		http.Error(w, "bad signature", http.StatusUnauthorized)
	}
}

func (s *store) plainHelper(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("X-Api-Key") != s.plain() { // want `compared with !=: the time taken leaks`
		http.Error(w, "unauthorized", http.StatusUnauthorized)
	}
}
