// Package sessionstore creates a gorilla/sessions store and never sets
// HttpOnly: the library's default leaves it off.
package sessionstore

import "github.com/gorilla/sessions"

type Store struct{ *sessions.CookieStore }

func New(key []byte) *Store {
	s := sessions.NewCookieStore(key) // want `gorilla/sessions store whose Options never set HttpOnly`
	s.Options.MaxAge = 3600
	return &Store{s}
}

// NewSession copies the store's own options into a session, as
// gangway's store does: still never HttpOnly.
func (s *Store) NewSession() *sessions.Session {
	session := &sessions.Session{}
	opts := *s.Options
	session.Options = &opts
	return session
}
