// Package sessions is a stub of github.com/gorilla/sessions for tests.
package sessions

import "net/http"

type Session struct {
	Values  map[interface{}]interface{}
	Options *Options
}

type Options struct{ MaxAge int }

func (s *Session) AddFlash(value interface{}, vars ...string) {}

func (s *Session) Save(r *http.Request, w http.ResponseWriter) error { return nil }

type Store interface {
	Get(r *http.Request, name string) (*Session, error)
}

type CookieStore struct{}

func NewCookieStore(keyPairs ...[]byte) *CookieStore { return &CookieStore{} }

func (s *CookieStore) Get(r *http.Request, name string) (*Session, error) { return nil, nil }
