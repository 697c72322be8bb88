// Package principallib keeps the authenticated account in the request
// context, as authentication middleware does.
package principallib

import (
	"context"
	"net/http"
)

type User struct {
	Name       string
	ApiKey     string
	Password   string
	EmailToken string
}

// Key is one of an account's API keys.
type Key struct {
	Owner  string
	ApiKey string
}

// Store holds accounts and their keys.
type Store struct {
	keys    map[string][]*Key
	pending map[string]*User
}

// KeysOf returns the keys of the named account.
func (s *Store) KeysOf(name string) ([]*Key, error) { return s.keys[name], nil }

// MainKey returns an account's main key.
func (s *Store) MainKey(u *User) *Key { return s.keys[u.Name][0] }

// Pending returns an account's pending e-mail change.
func (s *Store) Pending(name string) *User { return s.pending[name] }

type ctxKey struct{}

type shared struct{ values map[string]any }

func (s *shared) MustGet(k string) any { return s.values[k] }

// SetPrincipal stores the account the middleware authenticated.
func SetPrincipal(r *http.Request, u *User) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), ctxKey{}, &shared{values: map[string]any{"principal": u}}))
}

// GetPrincipal reads it back, through shared data held in the context.
func GetPrincipal(r *http.Request) *User { // want GetPrincipal:"returns the request's principal"
	sd := r.Context().Value(ctxKey{})
	if sd == nil {
		return nil
	}
	if p := sd.(*shared); p != nil {
		val := p.MustGet("principal")
		if val == nil {
			return nil
		}
		return val.(*User)
	}
	return nil
}
