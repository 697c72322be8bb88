// Package signedurl holds redirects in login handlers whose request was
// signed by the service itself (a proxy signs the URL, return address
// included, that it sends the browser to), beside handlers that check
// no signature, check something else, or are reached from a handler
// that does not check.
package signedurl

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"net/http"
	"net/url"
)

var sharedKey = []byte("k")

// ValidateRequestURL checks the HMAC a signed URL carries.
func ValidateRequestURL(u *url.URL, key []byte) error {
	q := u.Query()
	sig, err := base64.URLEncoding.DecodeString(q.Get("sig"))
	if err != nil {
		return err
	}
	q.Del("sig")
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(q.Encode()))
	if !hmac.Equal(sig, mac.Sum(nil)) {
		return errors.New("bad signature")
	}
	return nil
}

type flow interface {
	VerifyAuthenticateSignature(r *http.Request) error
	VerifyUser(r *http.Request) error
}

type server struct{ f flow }

// verifySignature wraps the check.
func (s *server) verifySignature(r *http.Request) error {
	return ValidateRequestURL(r.URL, sharedKey)
}

// callback checks the signature, then redirects: silent.
func (s *server) callback(w http.ResponseWriter, r *http.Request) {
	if err := s.verifySignature(r); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	http.Redirect(w, r, r.FormValue("redirect_uri"), http.StatusFound)
}

// signOut checks the signature through an interface: silent.
func (s *server) signOut(w http.ResponseWriter, r *http.Request) {
	if err := s.f.VerifyAuthenticateSignature(r); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	http.Redirect(w, r, r.FormValue("redirect_uri"), http.StatusFound)
}

// handleLogin verifies, then dispatches to the step that redirects.
func (s *server) handleLogin(w http.ResponseWriter, r *http.Request) {
	if err := ValidateRequestURL(r.URL, sharedKey); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	s.loginStep(w, r)
}

// loginStep is only reached through handleLogin: silent.
func (s *server) loginStep(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, r.FormValue("redirect_uri"), http.StatusFound)
}

// loginCallback checks no signature: reported.
func (s *server) loginCallback(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, r.FormValue("redirect_uri"), http.StatusFound) // want `http.Redirect sends the browser to the form value "redirect_uri" without an allow-list or same-origin check`
}

// loginUser checks who the user is, not the URL's signature: reported.
func (s *server) loginUser(w http.ResponseWriter, r *http.Request) {
	if err := s.f.VerifyUser(r); err != nil {
		return
	}
	http.Redirect(w, r, r.FormValue("redirect_uri"), http.StatusFound) // want `sends the browser to the form value "redirect_uri"`
}

// authStep is reached from a verifying handler and from one that is
// not: reported.
func (s *server) authStep(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, r.FormValue("redirect_uri"), http.StatusFound) // want `sends the browser to the form value "redirect_uri"`
}

func (s *server) oauthVerified(w http.ResponseWriter, r *http.Request) {
	if err := s.verifySignature(r); err != nil {
		return
	}
	s.authStep(w, r)
}

func (s *server) oauthPlain(w http.ResponseWriter, r *http.Request) {
	s.authStep(w, r)
}
