// Package authscheme: the first field of a credential split on a space
// or a colon is the scheme, the user or the key id before it; the rest
// is the credential.
package authscheme

import (
	"encoding/base64"
	"log"
	"net/http"
	"strings"
)

// Near miss: the scheme of the Authorization header, logged when it is
// unknown.
func scheme(r *http.Request) {
	parts := strings.Split(r.Header.Get("Authorization"), " ")
	if len(parts) == 2 && parts[0] != "Bearer" {
		log.Printf("unsupported auth scheme %q", parts[0])
	}
}

// getAuth returns the scheme and the secret, as tinode's getHttpAuth.
func getAuth(r *http.Request) (method, secret string) {
	if parts := strings.Split(r.Header.Get("X-Auth"), " "); len(parts) == 2 {
		method, secret = parts[0], parts[1]
	}
	return
}

// Near miss: the method returned beside the secret.
func method(r *http.Request) {
	m, _ := getAuth(r)
	log.Println("media: unknown auth method", m)
}

// Positive: the secret returned beside it.
func secretLogged(r *http.Request) {
	_, s := getAuth(r)
	log.Println("media: invalid auth secret", s) // want `reaches log.Println`
}

// Near miss: the user of Basic credentials.
func basicUser(r *http.Request) {
	h := strings.TrimPrefix(r.Header.Get("Authorization"), "Basic ")
	dec, _ := base64.StdEncoding.DecodeString(h)
	creds := strings.SplitN(string(dec), ":", 2)
	log.Printf("login by %s", creds[0])
}

// Positive: the credential after the scheme.
func token(r *http.Request) {
	parts := strings.Split(r.Header.Get("Authorization"), " ")
	log.Printf("token %s", parts[1]) // want `reaches log.Printf`
}

// Positive: the first of several keys in a comma-separated header is a
// key, not a scheme.
func firstKey(r *http.Request) {
	keys := strings.Split(r.Header.Get("X-API-Key"), ",")
	log.Println("key", keys[0]) // want `reaches log.Println`
}

// Positive: the whole header.
func whole(r *http.Request) {
	log.Println("auth", r.Header.Get("Authorization")) // want `reaches log.Println`
}
