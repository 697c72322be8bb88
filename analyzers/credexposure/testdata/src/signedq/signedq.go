// Package signedq sends one-time tokens beside their HMAC. A token the
// package makes and computes an HMAC over in the same function is the
// message of a signed exchange (the MAC's key is the secret): sending it
// in a query is how the exchange works. A session token sent beside an
// HMAC of something else, one whose HMAC is computed elsewhere, and an
// access token handed in with a proof computed over it, are still
// credentials in a URL.
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
func signedString() {
	sessionToken := newToken()
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

// An access token handed in, sent beside a proof computed over it
// (Facebook Graph's appsecret_proof): the token is still a bearer
// credential in the query.
func graphMe(accessToken string) {
	h := hmac.New(sha256.New, key)
	h.Write([]byte(accessToken))
	params := url.Values{}
	params.Set("access_token", accessToken) // want `token in parameter accessToken is put in the query string of a URL sent by http.Get`
	params.Set("appsecret_proof", hex.EncodeToString(h.Sum(nil)))
	_, _ = http.Get("https://graph.example.com/me?" + params.Encode())
}
