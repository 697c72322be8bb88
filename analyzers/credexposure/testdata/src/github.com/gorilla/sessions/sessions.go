// Package sessions is a stub of github.com/gorilla/sessions for tests.
package sessions

import "net/http"

type Options struct {
	Path     string
	MaxAge   int
	Secure   bool
	HttpOnly bool
}

type Session struct {
	Values  map[any]any
	Options *Options
}

func (s *Session) Save(r *http.Request, w http.ResponseWriter) error { return nil }

// NewCookie builds the cookie from the options, flags included.
func NewCookie(name, value string, options *Options) *http.Cookie {
	return &http.Cookie{Name: name, Value: value, Secure: options.Secure, HttpOnly: options.HttpOnly}
}

type CookieStore struct{ Options *Options }

func (s *CookieStore) Get(r *http.Request, name string) (*Session, error) { return &Session{}, nil }

// NewCookieStore leaves HttpOnly off, as the library does.
func NewCookieStore(keyPairs ...[]byte) *CookieStore {
	return &CookieStore{Options: &Options{Path: "/", MaxAge: 86400 * 30}}
}

type FilesystemStore struct{ Options *Options }

func NewFilesystemStore(path string, keyPairs ...[]byte) *FilesystemStore {
	return &FilesystemStore{Options: &Options{Path: "/", MaxAge: 86400 * 30}}
}
