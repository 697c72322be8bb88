// Package signedq sends one-time tokens beside their HMAC. A token an
// HMAC is computed over in the same function is the message of a signed
// exchange (the MAC's key is the secret): sending it in a query is how
// the exchange works. A session token sent beside an HMAC of something
// else, and one whose HMAC is computed elsewhere, are still credentials
// in a URL.
package signedq

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
)

var key = []byte("k")

func newToken() string { return "t" }

// ssoRedirect signs the token it sends (commento's SSO redirect).
func ssoRedirect(w http.ResponseWriter, r *http.Request, ssoURL string) {
	token := newToken()
	tokenBytes, err := hex.DecodeString(token)
	if err != nil {
		return
	}
	h := hmac.New(sha256.New, key)
	h.Write(tokenBytes)
	u, _ := url.Parse(ssoURL)
	q := u.Query()
	q.Set("token", token)
	q.Set("hmac", hex.EncodeToString(h.Sum(nil)))
	u.RawQuery = q.Encode()
	http.Redirect(w, r, u.String(), http.StatusFound)
}

// signedString writes the string itself to the MAC.
func signedString(sessionToken string) {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(sessionToken))
	v := url.Values{}
	v.Set("token", sessionToken)
	v.Set("sig", hex.EncodeToString(m.Sum(nil)))
	_, _ = http.Get("https://sso.example.com/check?" + v.Encode())
}

// Positives: the MAC covers something else, or nothing here.

func otherMAC(w http.ResponseWriter, r *http.Request, sessionToken, user string) {
	h := hmac.New(sha256.New, key)
	h.Write([]byte(user))
	q := url.Values{}
	q.Set("user", user)
	q.Set("token", sessionToken) // want `token in parameter sessionToken is put in the query string of the URL the browser is redirected to by http.Redirect`
	q.Set("sig", hex.EncodeToString(h.Sum(nil)))
	http.Redirect(w, r, "https://app.example.com/next?"+q.Encode(), http.StatusFound)
}

func unsigned(sessionToken string) {
	v := url.Values{}
	v.Set("token", sessionToken) // want `token in parameter sessionToken is put in the query string of a URL sent by http.Get`
	_, _ = http.Get("https://sso.example.com/check?" + v.Encode())
}
