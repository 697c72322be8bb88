package api // want package:"analyzed"

// Handlers that find the caller's tenant with the API key and then work
// only on what they found, and handlers that act on a target the
// request names.

import (
	"net/http"

	"example.com/tenant/flags"
	"github.com/mitchellh/mapstructure"
)

type server struct{ m flags.Manager }

type event struct{ Name string }

// The key finds the caller's own set; the handler works on it only. A
// codec filling a local value is no work either.
func (s *server) collect(w http.ResponseWriter, r *http.Request) { // silent: the lookup is the authentication, the set is the caller's own
	set, err := flags.ForKey(s.m, r.Header.Get("X-API-Key"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusUnauthorized)
		return
	}
	var e event
	if err := mapstructure.Decode(map[string]any{"name": r.URL.Query().Get("flag")}, &e); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	set.Record(e.Name)
}

// The same lookup, then a purge of whatever set the request names.
func (s *server) purge(w http.ResponseWriter, r *http.Request) { // want `handler server.purge authenticates the caller`
	if _, err := flags.ForKey(s.m, r.Header.Get("X-API-Key")); err != nil {
		http.Error(w, err.Error(), http.StatusUnauthorized)
		return
	}
	if err := flags.Purge("", r.PathValue("id")); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

// A service given the key that returns only an error acts for anyone.
func (s *server) purgeWithKey(w http.ResponseWriter, r *http.Request) { // want `handler server.purgeWithKey authenticates the caller`
	if err := flags.Purge(r.Header.Get("X-API-Key"), r.PathValue("id")); err != nil {
		http.Error(w, err.Error(), http.StatusUnauthorized)
	}
}
