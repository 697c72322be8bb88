// Package selfderived: a value compared with what a function makes of
// it alone (its redacted form, its trimmed form) checks the value's
// form: no secret the program holds is on either side (silent). Near
// misses: the derivation also takes a key or another variable, it
// derives from a different value, or it reads the value through an
// index; and the plain comparisons beside them.
package selfderived

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"os"
	"strings"
)

var errAuth = errors.New("unauthorized")

var serverKey = os.Getenv("SERVER_API_KEY")

func redactAPIKey(apiKey string) string {
	return apiKey[:8] + strings.Repeat("*", len(apiKey)-12) + apiKey[len(apiKey)-4:]
}

func sign(key, msg string) string {
	m := hmac.New(sha256.New, []byte(key))
	m.Write([]byte(msg))
	return hex.EncodeToString(m.Sum(nil))
}

type creds struct{ APIKey string }

func (c creds) masked() string { return redactAPIKey(c.APIKey) }

// --- silent: the value against its own derivation ---

func isRedacted(apiKey string) bool {
	return redactAPIKey(apiKey) == apiKey
}

func checkAlreadyRedacted(w http.ResponseWriter, r *http.Request) {
	apiKey := r.Header.Get("X-API-Key")
	red := redactAPIKey(apiKey)
	if red != apiKey {
		http.Error(w, "send a redacted key", http.StatusBadRequest)
	}
}

func trimmedToken(w http.ResponseWriter, r *http.Request) error {
	token := r.Header.Get("X-Token")
	if strings.TrimSpace(token) != token {
		return errAuth
	}
	return nil
}

func alreadyMasked(token string) bool {
	if redactAPIKey(token) != token {
		return false
	}
	return true
}

type profile struct{ APIKey string }

func (p *profile) redacted() bool {
	return redactAPIKey(p.APIKey) == p.APIKey
}

// --- near misses: still reported ---

// keyed with the server's key: the derivation holds a secret
func keyedDerivation(w http.ResponseWriter, r *http.Request) {
	apiKey := r.Header.Get("X-API-Key")
	if sign(serverKey, apiKey) != apiKey { // want `compared with !=`
		http.Error(w, "no", http.StatusUnauthorized)
	}
}

// derived from another value: the stored key against the presented one
func otherValue(w http.ResponseWriter, r *http.Request) {
	apiKey := r.Header.Get("X-API-Key")
	if redactAPIKey(serverKey) != apiKey { // want `compared with !=`
		http.Error(w, "no", http.StatusUnauthorized)
	}
}

// read through an index: not one access path
func indexed(w http.ResponseWriter, r *http.Request) {
	keys := r.Header.Values("X-API-Key")
	if strings.TrimSpace(keys[0]) != serverKey { // want `compared with !=`
		http.Error(w, "no", http.StatusUnauthorized)
	}
}

// the plain comparison of the presented value
func plain(w http.ResponseWriter, r *http.Request) {
	apiKey := r.Header.Get("X-API-Key")
	if apiKey != serverKey { // want `compared with !=`
		http.Error(w, "no", http.StatusUnauthorized)
	}
}

// a method of the whole struct, which may read its other fields
func maskedField(c creds) bool {
	return c.masked() == c.APIKey // want `compared with ==`
}
