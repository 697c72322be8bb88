package public // want package:"analyzed"

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/golang-jwt/jwt/v5"
	"golang.org/x/oauth2"
)

type Users interface {
	Check(user, pass string) bool
	Save(event []byte) error
}

var users Users

var signingKey = []byte("k")

// login is silent: it checks a password and issues a token (a login
// endpoint is public by design).
func login(w http.ResponseWriter, r *http.Request) {
	user, pass, ok := r.BasicAuth()
	if !ok || !users.Check(user, pass) {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": user, "exp": time.Now().Add(time.Hour).Unix()})
	s, _ := tok.SignedString(signingKey)
	json.NewEncoder(w).Encode(map[string]string{"access_token": s})
}

var conf = &oauth2.Config{ClientID: "id"}

var verifier *oidc.IDTokenVerifier

// callback is silent: it exchanges an OAuth2 code and verifies the ID
// token of the user logging in.
func callback(w http.ResponseWriter, r *http.Request) {
	tok, err := conf.Exchange(r.Context(), r.URL.Query().Get("code"))
	if err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	raw, _ := tok.Extra("id_token").(string)
	idt, err := verifier.Verify(r.Context(), raw)
	if err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "session", Value: idt.Subject})
}

var webhookSecret = []byte("whsec")

// webhook is silent: an HMAC signature authenticates the sender, there
// is no caller to authorize.
func webhook(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	mac := hmac.New(sha256.New, webhookSecret)
	mac.Write(body)
	want := hex.EncodeToString(mac.Sum(nil))
	if !hmac.Equal([]byte(r.Header.Get("X-Hub-Signature-256")), []byte("sha256="+want)) {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	users.Save(body)
}

// me is silent: it only answers with the caller's identity.
func me(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("session")
	if err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	idt, err := verifier.Verify(r.Context(), c.Value)
	if err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	json.NewEncoder(w).Encode(map[string]string{"sub": idt.Subject})
}

// healthz is silent: it does not authenticate.
func healthz(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("ok"))
}

// sessionCheck is reported: a session cookie is looked up, and the
// handler then deletes data for any logged-in user.
func sessionCheck(w http.ResponseWriter, r *http.Request) { // want `handler sessionCheck authenticates the caller \(lookup of the session cookie in sessions\)`
	c, err := r.Cookie("session")
	if err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	if _, ok := sessions[c.Value]; !ok {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	users.Save([]byte(r.URL.Query().Get("id")))
}

var sessions = map[string]string{}
