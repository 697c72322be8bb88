// Package reqstate starts OAuth2 flows with a state taken from the
// request that starts them: whoever sends that request chooses the
// state. A random state, one from the session the server keeps, a
// request value mixed into a random state, and a request value beside
// PKCE are left alone.
package reqstate

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"

	"golang.org/x/oauth2"
)

var conf = &oauth2.Config{ClientID: "id", RedirectURL: "https://app.example.com/callback"}

// --- positives ---

func redirect(w http.ResponseWriter, r *http.Request) {
	commenterToken := r.FormValue("commenterToken")
	http.Redirect(w, r, conf.AuthCodeURL(commenterToken), http.StatusFound) // want `oauth2 AuthCodeURL is given a state read from the request that starts the flow`
}

func redirectQuery(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, conf.AuthCodeURL(r.URL.Query().Get("state")), http.StatusFound) // want `state read from the request`
}

// --- near misses ---

type sessions map[string]string

func (s sessions) stateFor(r *http.Request) string { return s[r.RemoteAddr] }

func random(w http.ResponseWriter, r *http.Request) {
	b := make([]byte, 16)
	rand.Read(b)
	st := hex.EncodeToString(b)
	http.SetCookie(w, &http.Cookie{Name: "st", Value: st, HttpOnly: true, Secure: true})
	http.Redirect(w, r, conf.AuthCodeURL(st), http.StatusFound)
}

func fromSession(s sessions, w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, conf.AuthCodeURL(s.stateFor(r)), http.StatusFound)
}

func mixed(w http.ResponseWriter, r *http.Request) {
	b := make([]byte, 16)
	rand.Read(b)
	st := hex.EncodeToString(b) + "|" + r.FormValue("next")
	http.Redirect(w, r, conf.AuthCodeURL(st), http.StatusFound)
}

func withPKCE(w http.ResponseWriter, r *http.Request) {
	v := oauth2.GenerateVerifier()
	http.Redirect(w, r, conf.AuthCodeURL(r.FormValue("state"), oauth2.S256ChallengeOption(v)), http.StatusFound)
}
