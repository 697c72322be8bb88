// Package presentedid compares values with cookies and keys. A value
// whose name says it is an OAuth state, a nonce or an id is what its
// name says, not a presented credential (silent when logged); a value
// whose name says nothing, or names a token, is one (reported).
package presentedid

import (
	"log"
	"net/http"
)

type server struct{ apiKey string }

func stateParam(r *http.Request) (string, string) {
	return r.URL.Query().Get("code"), r.URL.Query().Get("state")
}

func (s *server) callback(w http.ResponseWriter, r *http.Request) {
	code, state := stateParam(r)
	_ = code
	c, err := r.Cookie("oidc_cb")
	if err != nil || state != c.Value {
		http.Error(w, "state did not match", http.StatusForbidden)
		return
	}
	log.Printf("state %s not found in cache", state) // silent: an OAuth state
}

func (s *server) nonceCheck(w http.ResponseWriter, r *http.Request, nonce string) {
	c, err := r.Cookie("oidc_n")
	if err != nil || nonce != c.Value {
		log.Printf("nonce %s did not match", nonce) // silent: a nonce
	}
}

func (s *server) presented(w http.ResponseWriter, r *http.Request, presented string) {
	c, err := r.Cookie("oidc_cb")
	if err != nil || presented != c.Value {
		log.Printf("bad value %s", presented) // want `credential checked against cookie value reaches log.Printf`
	}
}

func (s *server) stateToken(w http.ResponseWriter, r *http.Request, stateToken string) {
	c, err := r.Cookie("oidc_cb")
	if err != nil || stateToken != c.Value {
		log.Printf("bad token %s", stateToken) // want `token in parameter stateToken reaches log.Printf`
	}
}

// A presented value named for nothing, read by a cookie's id: reported.
func (s *server) sessionRef(w http.ResponseWriter, r *http.Request) {
	ref := r.URL.Query().Get("ref")
	c, err := r.Cookie("sid")
	if err != nil || ref != c.Value {
		log.Printf("bad ref %s", ref) // want `credential checked against cookie value reaches log.Printf`
	}
}

func (s *server) key(candidate string) {
	if candidate != s.apiKey {
		log.Printf("bad key %s", candidate) // want `credential checked against API key in field apiKey reaches log.Printf`
	}
}
