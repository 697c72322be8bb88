// Package authrejectcall: a caller's value checked against one the
// program holds with !strings.EqualFold, !bytes.Equal or
// strings.Compare(...) != 0, refused with 401/403 (also echo's ready-made
// ErrUnauthorized), is a credential compared in variable time, whatever
// it is called.
package authrejectcall

import (
	"bytes"
	"crypto/sha256"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

type Server struct {
	BotKey  string
	Lang    string
	OwnerID string
}

func (s *Server) Bot(c echo.Context) error {
	if !strings.EqualFold(c.Request().Header.Get("X-Bot"), s.BotKey) { // want `compared with strings.EqualFold before rejecting`
		return echo.ErrUnauthorized
	}
	return nil
}

func (s *Server) Relay(w http.ResponseWriter, r *http.Request) {
	if !bytes.Equal([]byte(r.URL.Query().Get("relay_pass")), []byte(s.BotKey)) { // want `compared with bytes.Equal before rejecting`
		w.WriteHeader(http.StatusForbidden)
	}
}

func (s *Server) Cmp(w http.ResponseWriter, r *http.Request) {
	if strings.Compare(r.Header.Get("X-Relay"), s.BotKey) != 0 { // want `compared with strings.Compare before rejecting`
		w.WriteHeader(http.StatusUnauthorized)
	}
}

// Near misses.

func (s *Server) Language(c echo.Context) error {
	if !strings.EqualFold(c.Request().Header.Get("Accept-Language"), s.Lang) {
		return echo.ErrNotFound // not a refusal of the caller
	}
	return nil
}

func (s *Server) Owner(c echo.Context) error {
	if !strings.EqualFold(c.Request().Header.Get("X-User"), s.OwnerID) { // an identity: authorization
		return echo.ErrForbidden
	}
	return nil
}

func (s *Server) Same(w http.ResponseWriter, r *http.Request) {
	if !strings.EqualFold(r.Header.Get("X-A"), r.Header.Get("X-B")) { // two values of the request
		w.WriteHeader(http.StatusUnauthorized)
	}
}

func (s *Server) Equal(w http.ResponseWriter, r *http.Request) {
	if strings.EqualFold(r.Header.Get("X-Relay"), s.BotKey) { // a match, not a mismatch, guards this branch
		w.WriteHeader(http.StatusForbidden)
	}
}

type merchant struct{ KeyHash [32]byte }

func (s *Server) lookup(key string) (*merchant, bool) { return &merchant{}, key != "" }

// Two digests compared (the key's SHA-256 against the stored one): the
// time taken says nothing about the key.
func (s *Server) Digest(w http.ResponseWriter, r *http.Request) {
	key := r.Header.Get("X-Merchant")
	m, ok := s.lookup(key)
	if !ok {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	sum := sha256.Sum256([]byte(key))
	if !bytes.Equal(sum[:], m.KeyHash[:]) {
		w.WriteHeader(http.StatusUnauthorized)
	}
}
