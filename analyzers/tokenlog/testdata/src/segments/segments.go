// Package segments: parts of a split credential that are not the
// credential (issue 15, class A): the decoded header and claims of a
// JWT, and the data a MAC checked in constant time covers.
package segments

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"log"
	"net/http"
	"strings"
)

func bearer(r *http.Request) string {
	return strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
}

// claims decodes the payload segment of the bearer JWT.
func claims(r *http.Request) {
	s := strings.Split(bearer(r), ".")
	if len(s) < 3 {
		return
	}
	idToken, err := base64.RawURLEncoding.DecodeString(s[1])
	if err != nil {
		return
	}
	log.Printf("claims: %s", string(idToken)) // the claims, not the token
	header, _ := base64.RawURLEncoding.DecodeString(s[0])
	log.Printf("header: %s", header) // the JOSE header
}

// claimsBranches splits one of two tokens, as a variable assigned in
// branches.
func claimsBranches(r *http.Request, useID bool) {
	var parts []string
	if useID {
		parts = strings.Split(r.Header.Get("X-Id-Token"), ".")
	} else {
		parts = strings.Split(bearer(r), ".")
	}
	if len(parts) < 2 {
		return
	}
	tokenBytes, _ := base64.RawURLEncoding.DecodeString(parts[1])
	log.Printf("user info from token: %s", string(tokenBytes)) // claims
}

func signature(r *http.Request) {
	tok := bearer(r)
	s := strings.Split(tok, ".")
	if len(s) < 3 {
		return
	}
	sig, _ := base64.RawURLEncoding.DecodeString(s[2])
	log.Printf("sig: %x", sig)                       // want `bearer token from the Authorization header .*reaches log.Printf`
	log.Printf("token: %s", tok)                     // want `bearer token from the Authorization header .*reaches log.Printf`
	log.Printf("rejoined: %s", strings.Join(s, ".")) // want `bearer token from the Authorization header .*reaches log.Printf`
	log.Printf("payload segment, raw: %s", s[1])     // want `bearer token from the Authorization header .*reaches log.Printf`
	kv := strings.Split(tok, ":")                    // not a JWT split
	v, _ := base64.StdEncoding.DecodeString(kv[1])   //
	log.Printf("api key secret part: %s", v)         // want `bearer token from the Authorization header .*reaches log.Printf`
	scheme := strings.Split(r.Header.Get("Authorization"), " ")
	log.Printf("credentials: %s", scheme[1]) // want `credentials from the Authorization header reaches log.Printf`
}

func cookieSignature(r *http.Request, email, expires string) string {
	m := hmac.New(sha256.New, []byte("k"))
	m.Write([]byte(r.Host + email + expires))
	return base64.URLEncoding.EncodeToString(m.Sum(nil))
}

// validateCookie returns the e-mail part of a cookie "mac|expires|email"
// once the MAC matched.
func validateCookie(r *http.Request, c *http.Cookie) (string, error) {
	parts := strings.Split(c.Value, "|")
	if len(parts) != 3 {
		return "", errors.New("invalid cookie format")
	}
	mac, err := base64.URLEncoding.DecodeString(parts[0])
	if err != nil {
		return "", err
	}
	expected, _ := base64.URLEncoding.DecodeString(cookieSignature(r, parts[2], parts[1]))
	if !hmac.Equal(mac, expected) {
		return "", errors.New("invalid cookie mac")
	}
	return parts[2], nil
}

// validateSession compares its MAC part with subtle and returns the MAC.
func validateSession(c *http.Cookie) string {
	parts := strings.SplitN(c.Value, ".", 2)
	if subtle.ConstantTimeCompare([]byte(parts[1]), []byte("expected")) != 1 {
		return ""
	}
	return parts[1]
}

// unverified returns a part of a cookie nothing checks.
func unverified(c *http.Cookie) string {
	parts := strings.Split(c.Value, "|")
	return parts[2]
}

func handler(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("_forward_auth")
	if err != nil {
		return
	}
	email, err := validateCookie(r, c)
	if err != nil {
		return
	}
	log.Printf("invalid email %s", email) // the identity the MAC covers

	log.Printf("session mac %s", validateSession(c)) // want `cookie .*reaches log.Printf`
	log.Printf("part %s", unverified(c))             // want `cookie .*reaches log.Printf`
	log.Printf("cookie %s", c.Value)                 // want `cookie .*reaches log.Printf`
}
