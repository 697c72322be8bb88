// Package unchanged: a value compared with the copy the program keeps,
// doing nothing when they agree and keeping the new one when they
// differ, detects a change (cert-manager's CA watcher). A comparison
// that answers a match with success, and one that returns on a match
// without keeping the value, are still reported.
package unchanged

import (
	"bytes"
	"errors"
	"net/http"
	"sync"
)

type authority struct {
	mu             sync.Mutex
	currentCert    []byte
	currentPrivKey []byte
	secretKey      string
	apiToken       string
}

// notify keeps the new key when it changed, in a locked section.
func (a *authority) notify(newCert, newPrivateKey []byte) {
	if bytes.Equal(a.currentCert, newCert) && bytes.Equal(a.currentPrivKey, newPrivateKey) {
		return
	}
	func() {
		a.mu.Lock()
		defer a.mu.Unlock()
		a.currentCert = newCert
		a.currentPrivKey = newPrivateKey
	}()
}

// rotate keeps the new secret directly.
func (a *authority) rotate(secretKey string) bool {
	if a.secretKey == secretKey {
		return false
	}
	a.secretKey = secretKey
	return true
}

// Near misses.

// verify answers a match with success and keeps nothing.
func (a *authority) verify(sig, body []byte) error {
	if bytes.Equal(sig, []byte(a.secretKey)) { // want `compared with bytes.Equal`
		return nil
	}
	return errors.New("bad signature")
}

// check returns on a match but writes nothing back.
func (a *authority) check(w http.ResponseWriter, r *http.Request) {
	token := r.Header.Get("X-Api-Token")
	if token == a.apiToken { // want `compared with ==`
		return
	}
	http.Error(w, "unauthorized", http.StatusUnauthorized)
}
