// Package clienttokens: a client comparing the same field of two
// oauth2.Token values it holds (its cached token and one re-read from
// its config file, or refreshed) detects a change; no caller is timed.
// A token field compared with a value of a request is still reported.
package clienttokens

import (
	"encoding/json"
	"net/http"
	"strings"

	"golang.org/x/oauth2"
)

type tokenSource struct {
	token *oauth2.Token
	conf  map[string]string
}

// reRead loads the token a concurrent process may have refreshed
// (rclone's TokenSource.reReadToken).
func (ts *tokenSource) reRead() (changed bool) {
	newToken := new(oauth2.Token)
	if err := json.Unmarshal([]byte(ts.conf["token"]), newToken); err != nil {
		return false
	}
	if newToken.RefreshToken != "" && newToken.RefreshToken != ts.token.RefreshToken {
		changed = true
	}
	if changed {
		ts.token = newToken
	}
	return changed
}

// swap keeps a refreshed token when its refresh token rotated.
func (ts *tokenSource) swap(fresh *oauth2.Token) {
	if fresh.RefreshToken == ts.token.RefreshToken {
		return
	}
	ts.token = fresh
}

// Near miss: the refresh token a caller posts, compared with the one
// stored for it.
func (ts *tokenSource) refresh(w http.ResponseWriter, r *http.Request) {
	if r.FormValue("refresh_token") != ts.token.RefreshToken { // want `"refresh_token" form value compared with !=`
		http.Error(w, "invalid_grant", http.StatusBadRequest)
		return
	}
	w.Write([]byte("ok"))
}

// Near miss: the caller's bearer token against the access token held.
func (ts *tokenSource) check(w http.ResponseWriter, r *http.Request) {
	got := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	if got != ts.token.AccessToken { // want `compared with !=`
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	w.Write([]byte("ok"))
}
