package grantparam // want package:"analyzed"

// An OAuth 2.0 authorization server's token endpoint dispatches on the
// grant_type of the request through a map of grant handlers. Reading
// grant_type from the request served marks the token endpoint: it
// authenticates the client and issues tokens, public by design. A
// handler that authenticates the client the same way and reads another
// parameter is still judged.

import (
	"crypto/subtle"
	"errors"
	"net/http"
	"sync"
)

type client struct{ ID, Secret string }

type clientStore struct {
	mu   sync.Mutex
	byID map[string]*client
}

func (cs *clientStore) find(id string) (*client, error) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	c, ok := cs.byID[id]
	if !ok {
		return nil, errors.New("not found")
	}
	return c, nil
}

type service struct {
	clients *clientStore
	grants  map[string]string
	issued  []string
}

// AuthClient checks a client's credentials.
func (s *service) AuthClient(id, secret string) (*client, error) { // want AuthClient:`work\(calls clientStore.find\)`
	c, err := s.clients.find(id)
	if err != nil || subtle.ConstantTimeCompare([]byte(c.Secret), []byte(secret)) != 1 {
		return nil, errors.New("invalid client")
	}
	return c, nil
}

func (s *service) authClient(r *http.Request) (*client, error) {
	id, secret, ok := r.BasicAuth()
	if !ok {
		return nil, errors.New("no client credentials")
	}
	return s.AuthClient(id, secret)
}

func (s *service) passwordGrant(r *http.Request, c *client) (string, error) {
	return s.grants[c.ID], nil
}

func (s *service) refreshGrant(r *http.Request, c *client) (string, error) {
	return s.grants[r.Form.Get("refresh_token")], nil
}

// Silent: the token endpoint.
func (s *service) tokens(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	grants := map[string]func(*http.Request, *client) (string, error){
		"password":      s.passwordGrant,
		"refresh_token": s.refreshGrant,
	}
	grant, ok := grants[r.Form.Get("grant_type")]
	if !ok {
		http.Error(w, "unsupported grant", http.StatusBadRequest)
		return
	}
	c, err := s.authClient(r)
	if err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	s.issued = append(s.issued, c.ID+" "+r.Form.Get("scope"))
	tok, err := grant(r, c)
	if err != nil {
		http.Error(w, err.Error(), statusOf(err))
		return
	}
	_, _ = w.Write([]byte(tok))
}

var statusCodes = map[error]int{}

func statusOf(err error) int {
	if c, ok := statusCodes[err]; ok {
		return c
	}
	return http.StatusInternalServerError
}

// Near miss: the same client authentication, then work on whatever the
// form names.
func (s *service) revokeAll(w http.ResponseWriter, r *http.Request) { // want `handler service.revokeAll authenticates the caller`
	if _, err := s.authClient(r); err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	delete(s.grants, r.FormValue("client_id"))
}

func (s *service) routes(mux *http.ServeMux) {
	mux.HandleFunc("/oauth/tokens", s.tokens)
	mux.HandleFunc("/oauth/revoke-all", s.revokeAll)
}
