// Package copycmp: a local variable that starts as a copy of a token and
// may be replaced by the program is compared with the original to see
// whether it was (an upgraded purchase, a refreshed token): no login.
// A token compared with a copy of a stored secret, or with a stored
// secret copied into a variable, still is.
package copycmp

import (
	"errors"
	"net/http"
)

type Notification struct {
	PurchaseToken string
}

type Purchase struct {
	LinkedPurchaseToken string
}

type Store struct {
	APIToken     string
	sessionToken string
}

func verify(tok string) (*Purchase, error) { return &Purchase{}, nil }

func migrate(from, to string) error { return nil }

// Near misses.

func HandleNotification(n Notification) error {
	transactionToken := n.PurchaseToken
	p, err := verify(transactionToken)
	if err != nil {
		return err
	}
	originalToken := transactionToken
	if p.LinkedPurchaseToken != "" {
		originalToken = p.LinkedPurchaseToken
	}
	if transactionToken != originalToken { // silent: a copy compared with its original (upgrade)
		return migrate(originalToken, transactionToken)
	}
	return nil
}

func (s *Store) Refresh(fetch func() string) error {
	oldToken := s.sessionToken
	s.sessionToken = fetch()
	if oldToken == s.sessionToken { // silent: the field copied before it was replaced
		return errors.New("token not rotated")
	}
	return nil
}

// Positives.

func (s *Store) Check(w http.ResponseWriter, r *http.Request) {
	given := r.Header.Get("X-Token")
	expectedToken := s.APIToken
	if given != expectedToken { // want `token from the X-Token header compared with !=`
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
}

func (s *Store) CheckCopy(w http.ResponseWriter, r *http.Request) {
	sentToken := r.Header.Get("X-Token")
	if sentToken == "" {
		sentToken = r.URL.Query().Get("token")
	}
	if s.APIToken != sentToken { // want `token in field APIToken compared with !=`
		http.Error(w, "forbidden", http.StatusForbidden)
	}
}

type Client struct {
	Token string
}

// Rotated reports whether the client got a new token: a near miss whose
// replacement is a stored value.
func (s *Store) Rotated(c *Client, w http.ResponseWriter) {
	newToken := c.Token
	if s.APIToken != "" {
		newToken = s.APIToken
	}
	if c.Token != newToken { // silent: was the copy replaced?
		http.Error(w, "rotated", http.StatusConflict)
	}
}
