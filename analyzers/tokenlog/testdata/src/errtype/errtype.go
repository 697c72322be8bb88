// Package errtype builds errors of its own types in the package that
// declares them.
package errtype

import (
	"net/http"
	"strings"
)

type authError struct { // want authError:`tokenlog.errFields\(\[0\]\)`
	msg    string
	status int
}

func (e *authError) Error() string { return e.describe() }

func (e *authError) describe() string { return "auth: " + e.msg }

// keyError keeps the key for the caller; its message does not show it.
type keyError struct { // want keyError:`tokenlog.errFields\(\[1\]\)`
	key string
	id  string
}

func (e keyError) Error() string { return "invalid API key " + e.id }

// audit is no error.
type audit struct {
	line string
}

func check(r *http.Request) error {
	key := r.Header.Get("X-Api-Key")
	if !strings.HasPrefix(key, "k_") {
		return &authError{msg: "malformed key " + key, status: 401} // want `API key from the X-Api-Key header is put in an error message by authError.msg`
	}
	return nil
}

func later(r *http.Request) error {
	e := &authError{status: 401}
	e.msg = "rejected " + r.Header.Get("Authorization") // want `credentials from the Authorization header is put in an error message by authError.msg`
	return e
}

func status(r *http.Request) error {
	return &authError{msg: "rejected", status: len(r.Header.Get("Authorization"))} // silent: a length, in a field
}

func kept(r *http.Request) error {
	key := r.Header.Get("X-Api-Key")
	return keyError{key: key, id: "k1"} // silent: Error does not print key
}

func logged(r *http.Request) *audit {
	return &audit{line: "key " + r.Header.Get("X-Api-Key")} // silent: an audit record is no error
}

func named(r *http.Request, user string) error {
	return &authError{msg: "unknown user " + user} // silent: a user name
}
