package state

import (
	"crypto/rand"
	"encoding/base64"
	"log"
	"net/http"

	"golang.org/x/oauth2"
)

var conf = &oauth2.Config{ClientID: "id", RedirectURL: "https://app.example.com/callback"}

var oauthStateString = "pseudo-random"

const fixedState = "xyz"

// --- positives ---

func loginLiteral(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, conf.AuthCodeURL("state"), http.StatusFound) // want `oauth2 AuthCodeURL is given a constant state`
}

func loginVar(w http.ResponseWriter, r *http.Request) {
	url := conf.AuthCodeURL(oauthStateString, oauth2.AccessTypeOffline) // want `constant state`
	http.Redirect(w, r, url, http.StatusFound)
}

func loginConst(w http.ResponseWriter, r *http.Request) {
	s := fixedState
	http.Redirect(w, r, conf.AuthCodeURL(s), http.StatusFound) // want `constant state`
}

func callbackNoState(w http.ResponseWriter, r *http.Request) {
	code := r.URL.Query().Get("code")
	tok, err := conf.Exchange(r.Context(), code) // want `OAuth2 callback exchanges the request's code without comparing its state parameter`
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	_ = tok
}

// The state is read but only logged.
func callbackLogsState(w http.ResponseWriter, r *http.Request) {
	state := r.FormValue("state")
	log.Printf("callback state=%s", state)
	if _, err := conf.Exchange(r.Context(), r.FormValue("code")); err != nil { // want `without comparing its state`
		http.Error(w, "exchange failed", http.StatusBadRequest)
	}
}

// --- near misses ---

func randomState() string {
	b := make([]byte, 16)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// A random state stored in a cookie: silent.
func login(w http.ResponseWriter, r *http.Request) {
	state := randomState()
	http.SetCookie(w, &http.Cookie{Name: "oauthstate", Value: state, HttpOnly: true, Secure: true})
	http.Redirect(w, r, conf.AuthCodeURL(state), http.StatusFound)
}

// The state is compared with the cookie: silent.
func callback(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("oauthstate")
	if err != nil || r.URL.Query().Get("state") != c.Value {
		http.Error(w, "invalid state", http.StatusBadRequest)
		return
	}
	if _, err := conf.Exchange(r.Context(), r.URL.Query().Get("code")); err != nil {
		http.Error(w, "exchange failed", http.StatusBadRequest)
	}
}

// The state is looked up in a session store: silent.
type store map[string]bool

func (s store) callback(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	st := q.Get("state")
	if !s[st] {
		http.Error(w, "invalid state", http.StatusBadRequest)
		return
	}
	conf.Exchange(r.Context(), q.Get("code"))
}

// A helper validates the state: silent.
func validateState(r *http.Request) error { return nil }

func callbackHelper(w http.ResponseWriter, r *http.Request) {
	if err := validateState(r); err != nil {
		return
	}
	conf.Exchange(r.Context(), r.FormValue("code"))
}

// PKCE protects the flow (RFC 9700): silent.
func loginPKCE(w http.ResponseWriter, r *http.Request, verifier string) {
	http.Redirect(w, r, conf.AuthCodeURL("state", oauth2.S256ChallengeOption(verifier)), http.StatusFound)
}

func callbackPKCE(w http.ResponseWriter, r *http.Request, verifier string) {
	conf.Exchange(r.Context(), r.FormValue("code"), oauth2.VerifierOption(verifier))
}

// The code comes from the caller, which may check the state: silent.
func exchange(r *http.Request, code string) (*oauth2.Token, error) {
	return conf.Exchange(r.Context(), code)
}

// PKCE appended by hand: silent.
func loginManualPKCE(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, conf.AuthCodeURL("state")+"&code_challenge=abc&code_challenge_method=S256", http.StatusFound)
}

// Params is a library's parameter bag, filled after the library checked
// the state (goth's providers): silent.
type Params interface{ Get(string) string }

func authorize(r *http.Request, params Params) (*oauth2.Token, error) {
	return conf.Exchange(r.Context(), params.Get("code"))
}
