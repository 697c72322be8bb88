// Package comparecall: strings.Compare and bytes.Compare tested for
// equality with 0 decide like == and != do; an order (< 0) sorts.
package comparecall

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"sort"
	"strings"
)

type Server struct {
	secret []byte
	apiKey string
}

func (s *Server) Hook(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	mac := hmac.New(sha256.New, s.secret)
	mac.Write(body)
	expected := hex.EncodeToString(mac.Sum(nil))
	if strings.Compare(r.Header.Get("X-Signature"), expected) != 0 { // want `compared with strings.Compare`
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) Key(w http.ResponseWriter, r *http.Request) {
	if bytes.Compare([]byte(r.Header.Get("X-Api-Key")), []byte(s.apiKey)) == 0 { // want `compared with bytes.Compare`
		w.WriteHeader(http.StatusNoContent)
		return
	}
	http.Error(w, "forbidden", http.StatusForbidden)
}

// Near misses.

type key struct{ Token string }

func sortKeys(ks []key) {
	sort.Slice(ks, func(i, j int) bool { return strings.Compare(ks[i].Token, ks[j].Token) < 0 }) // an order
}

func (s *Server) Lang(w http.ResponseWriter, r *http.Request) {
	if strings.Compare(r.URL.Query().Get("lang"), "en") != 0 { // no credential
		w.WriteHeader(http.StatusBadRequest)
	}
}

func (s *Server) HookSafe(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	mac := hmac.New(sha256.New, s.secret)
	mac.Write(body)
	got, _ := hex.DecodeString(r.Header.Get("X-Signature"))
	if !hmac.Equal(got, mac.Sum(nil)) { // constant time
		http.Error(w, "bad signature", http.StatusUnauthorized)
	}
}
