// Package useerrlib calls errlib across the package boundary: what
// errlib's error type prints reaches it as facts.
package useerrlib

import (
	"errlib"
	"net/http"
)

// Query is a lookup by API key.
type Query struct {
	APIKey string
	Name   string
}

func lookup(q *Query, err error) error {
	if err != nil {
		return errlib.Wrap(err, "failed to get user with API key '%s'", q.APIKey) // want `API key in field APIKey is put in an error message by errlib.Wrap`
	}
	return nil
}

func lookupName(q *Query, err error) error {
	return errlib.Wrap(err, "failed to get user %s", q.Name) // silent: a user name
}

func header(r *http.Request, err error) error {
	return errlib.Wrap(err, "bad token %q", r.Header.Get("X-Auth-Token")) // want `token from the X-Auth-Token header is put in an error message by errlib.Wrap`
}

func headerLen(r *http.Request, err error) error {
	return errlib.Wrap(err, "token of %d bytes", len(r.Header.Get("X-Auth-Token"))) // silent: a length
}

func coded(r *http.Request) error {
	return errlib.WithValue(401, r.Header.Get("X-Auth-Token")) // silent: Coded's Error prints the code only
}

func result(r *http.Request) *errlib.Result {
	return errlib.NewResult(r.Header.Get("X-Auth-Token")) // silent: a Result is no error
}
