// Package userhalf logs the user-name half of parsed credentials (no
// credential: the function's results name a user and a token) beside
// near misses that log the secret half, a half of unnamed results, or a
// lone user-named result with no credential-named sibling.
package userhalf

import (
	"encoding/base64"
	"log"
	"net/http"
	"strings"
)

func splitAuth(h string) (user, token string, found bool) {
	c, _ := base64.StdEncoding.DecodeString(strings.TrimPrefix(h, "Basic "))
	return strings.Cut(string(c), ":")
}

func halves(h string) (string, string) {
	c, _ := base64.StdEncoding.DecodeString(strings.TrimPrefix(h, "Basic "))
	a, b, _ := strings.Cut(string(c), ":")
	return a, b
}

func firstHalf(h string) (user string) {
	user, _, _ = strings.Cut(h, ":")
	return user
}

func userLocal(r *http.Request) {
	name, _, _ := splitAuth(r.Header.Get("Authorization"))
	log.Printf("user %s", name)
}

func tokenLocal(r *http.Request) {
	_, tok, _ := splitAuth(r.Header.Get("Authorization"))
	log.Printf("token %s", tok) // want `reaches log.Printf`
}

func unnamedHalf(r *http.Request) {
	a, _ := halves(r.Header.Get("Authorization"))
	log.Printf("first %s", a) // want `reaches log.Printf`
}

func loneUserResult(r *http.Request) {
	log.Printf("first %s", firstHalf(r.Header.Get("Authorization"))) // want `reaches log.Printf`
}

func parseCreds(h string) (login, password string) {
	c, _ := base64.StdEncoding.DecodeString(strings.TrimPrefix(h, "Basic "))
	login, password, _ = strings.Cut(string(c), ":")
	return login, password
}

func loginLocal(r *http.Request) {
	login, _ := parseCreds(r.Header.Get("Proxy-Authorization"))
	log.Printf("login %s", login)
}

func passwordLocal(r *http.Request) {
	_, pw := parseCreds(r.Header.Get("Proxy-Authorization"))
	log.Printf("password %s", pw) // want `reaches log.Printf`
}
