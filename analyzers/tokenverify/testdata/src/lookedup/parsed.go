package lookedup

import (
	"encoding/json"
	"errors"
	"net/http"

	"lookedup/models"
)

// AuthRequest is a login step's body.
type AuthRequest struct {
	SandboxID     string
	SandboxSecret string
}

// ParseAuthRequest decodes the caller's body. Handed the request (and
// its response writer), it parses what the caller sent: its result is
// no stored record.
func ParseAuthRequest(w http.ResponseWriter, r *http.Request) (*AuthRequest, error) {
	var req AuthRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		return nil, err
	}
	return &req, nil
}

// sandboxes is an in-memory store of login steps.
type sandboxes struct {
	m map[string]*models.RefreshToken
}

// Get loads a step by its id.
func (s *sandboxes) Get(id string) (*models.RefreshToken, error) {
	if t, ok := s.m[id]; ok {
		return t, nil
	}
	return nil, errors.New("not found")
}

// Positive: the secret the caller sent, parsed by a helper given the
// request and its writer, is compared with the one a store holds.
func Sandbox(w http.ResponseWriter, r *http.Request, store *sandboxes) error {
	authRequest, err := ParseAuthRequest(w, r)
	if err != nil {
		return err
	}
	row, err := store.Get(authRequest.SandboxID)
	if err != nil {
		return err
	}
	if row.Token != authRequest.SandboxSecret { // want `compared with !=`
		return errors.New("bad secret")
	}
	return nil
}

// Near miss: two rows a store returned, compared in a handler: neither
// is the caller's.
func SandboxRows(w http.ResponseWriter, tx *models.Conn, id string) error {
	a, err := models.FindByID(tx, id)
	if err != nil {
		return err
	}
	b, err := models.FindByID(tx, a.Parent)
	if err != nil {
		return err
	}
	if a.Token != b.Token {
		return errors.New("mismatch")
	}
	return nil
}
