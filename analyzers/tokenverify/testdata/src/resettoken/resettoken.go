// Package resettoken checks a password-reset token from the request
// against the copy kept in a store, reached through a type assertion of
// the store's any value. The request names the credential (the "token"
// URL parameter), so the stored side needs no credential name.
package resettoken

import (
	"errors"
	"net/http"
	"strings"
)

type store struct{ m map[string]any }

func (s *store) Check(k string) (any, error) {
	v, ok := s.m[k]
	if !ok {
		return nil, errors.New("not found")
	}
	return v, nil
}

var tmptokens = &store{m: map[string]any{}}

// Positive: the reset token is compared with == against the stored one.
func Reset(w http.ResponseWriter, r *http.Request) {
	token := strings.TrimSpace(r.URL.Query().Get("token"))
	email := r.URL.Query().Get("email")
	data, err := tmptokens.Check(email)
	if err != nil {
		http.Error(w, "invalid link", http.StatusBadRequest)
		return
	}
	tk, ok := data.(string)
	if !ok || tk != token { // want `token from the "token" URL parameter compared with !=`
		http.Error(w, "invalid link", http.StatusBadRequest)
		return
	}
}

// Near miss: a request value that is no credential (a page name)
// compared with a stored value.
func Page(w http.ResponseWriter, r *http.Request) {
	page := r.URL.Query().Get("page")
	data, err := tmptokens.Check("last-page")
	if err != nil {
		return
	}
	last, _ := data.(string)
	if last != page {
		http.Error(w, "moved", http.StatusNotFound)
		return
	}
}

// Near miss: the stored record was fetched by the token itself, so the
// comparison leaks nothing the lookup did not.
func ByToken(w http.ResponseWriter, r *http.Request) {
	token := r.URL.Query().Get("token")
	data, err := tmptokens.Check(token)
	if err != nil {
		return
	}
	tk, _ := data.(string)
	if tk != token {
		http.Error(w, "invalid link", http.StatusBadRequest)
		return
	}
}

// Near miss: the result guards nothing (a log line only).
func Audit(r *http.Request) {
	token := r.URL.Query().Get("token")
	data, _ := tmptokens.Check("x")
	tk, _ := data.(string)
	if tk != token {
		println("token rotated")
	}
}
