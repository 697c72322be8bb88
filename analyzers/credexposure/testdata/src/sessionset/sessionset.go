// Package sessionset sets HttpOnly on the store's options: near miss.
package sessionset

import "github.com/gorilla/sessions"

func New(key []byte) *sessions.CookieStore {
	s := sessions.NewCookieStore(key)
	s.Options = &sessions.Options{Path: "/", MaxAge: 3600, HttpOnly: true, Secure: true}
	return s
}

func NewFS(dir string, key []byte) *sessions.FilesystemStore {
	fs := sessions.NewFilesystemStore(dir, key)
	fs.Options.HttpOnly = true
	return fs
}
