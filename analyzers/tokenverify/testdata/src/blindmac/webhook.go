// Package blindmac is a realistic set written before the analyzer was
// read: webhook HMAC checks and API key comparisons. Each positive has a
// near miss beside it.
package blindmac

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"io"
	"net/http"
	"os"
	"strings"
)

type Hooks struct {
	secret []byte
	apiKey string
	keys   map[string]bool
}

// GitHub-style signature compared with ==.
func (h *Hooks) GitHub(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	mac := hmac.New(sha256.New, h.secret)
	mac.Write(body)
	expected := "sha256=" + hex.EncodeToString(mac.Sum(nil))
	if r.Header.Get("X-Hub-Signature-256") != expected { // want `compared with !=`
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// The same with hmac.Equal. Near miss.
func (h *Hooks) GitHubSafe(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	mac := hmac.New(sha256.New, h.secret)
	mac.Write(body)
	expected := "sha256=" + hex.EncodeToString(mac.Sum(nil))
	if !hmac.Equal([]byte(r.Header.Get("X-Hub-Signature-256")), []byte(expected)) {
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// A raw MAC compared with bytes.Equal across a helper.
func sign(secret, body []byte) []byte {
	m := hmac.New(sha256.New, secret)
	m.Write(body)
	return m.Sum(nil)
}

func (h *Hooks) Stripe(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	got, err := hex.DecodeString(r.Header.Get("X-Signature"))
	if err != nil {
		http.Error(w, "bad", http.StatusBadRequest)
		return
	}
	if !bytes.Equal(got, sign(h.secret, body)) { // want `compared with bytes.Equal`
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
}

// subtle.ConstantTimeCompare. Near miss.
func (h *Hooks) StripeSafe(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	got, _ := hex.DecodeString(r.Header.Get("X-Signature"))
	if subtle.ConstantTimeCompare(got, sign(h.secret, body)) != 1 {
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
}

// An API key header compared with the configured key.
func (h *Hooks) RequireKey(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-API-Key") != h.apiKey { // want `compared with !=`
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// A bearer token compared with a key from the environment, across an
// unexported helper.
func validKey(given string) bool {
	return given == os.Getenv("ADMIN_TOKEN") // want `compared with ==`
}

func Admin(w http.ResponseWriter, r *http.Request) {
	tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !validKey(tok) {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
}

// A key looked up in a set. Near miss: the map lookup is the compare.
func (h *Hooks) Lookup(w http.ResponseWriter, r *http.Request) {
	if !h.keys[r.Header.Get("X-API-Key")] {
		w.WriteHeader(http.StatusUnauthorized)
	}
}

// The scheme compared with a constant. Near miss.
func Scheme(r *http.Request) bool {
	scheme, _, _ := strings.Cut(r.Header.Get("Authorization"), " ")
	return strings.EqualFold(scheme, "Bearer")
}

// An empty key rejected. Near miss.
func Empty(r *http.Request) bool {
	return r.Header.Get("X-API-Key") == ""
}
