// Package acceptdeep is a middleware that tries one way of
// authenticating after another, each in a helper method; the header's
// parser lives in another package.
package acceptdeep

import (
	"errors"
	"net/http"

	"acceptlib"
)

const queryAPIKey = "api_key"

type Middleware struct{}

func (m *Middleware) ServeHTTP(w http.ResponseWriter, r *http.Request, next http.HandlerFunc) {
	user, err := m.byHeader(r)
	if err != nil {
		user, err = m.byQuery(r) // want `bearer token accepted from the "api_key" query parameter \(read by acceptdeep.Middleware.byQuery\) as well as the Authorization header`
	}
	if err != nil || user == "" {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	next(w, r)
}

func (m *Middleware) byHeader(r *http.Request) (string, error) {
	key, err := acceptlib.ExtractBearerAuth(r)
	if err != nil {
		return "", err
	}
	return lookup(key)
}

func (m *Middleware) byQuery(r *http.Request) (string, error) {
	key := r.URL.Query().Get(queryAPIKey)
	if key == "" {
		return "", errors.New("no key")
	}
	return lookup(key)
}

func lookup(key string) (string, error) { return key, nil }

// Near misses.

// Localized reads the key from the query and the language from a
// header: no Authorization header is read on any path.
type Localized struct{}

func (l *Localized) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	lang := acceptlib.Language(r)
	key, _ := l.byQuery(r) // silent: the only credential read is the query's
	_, _ = lang, key
}

func (l *Localized) byQuery(r *http.Request) (string, error) {
	return lookup(r.URL.Query().Get("api_key"))
}
