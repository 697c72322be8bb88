package owntoken // want package:"analyzed"

// A verifier run on a token the program obtained for itself (its own
// token source, an exchange) checks the program's credential for its
// outgoing calls: it authenticates no caller. The same verifier run on
// the request's token, directly or in a helper handed it, does.

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"

	"golang.org/x/oauth2"
	"google.golang.org/api/idtoken"
)

type status struct{ Name string }

var statuses = map[string]status{}

const audience = "https://iap.example.com"

// selfCheck fetches the program's own IAP token and validates it
// before the client is used (gatus's validateIAPToken).
func selfCheck(ctx context.Context) bool {
	ts, err := idtoken.NewTokenSource(ctx, audience)
	if err != nil {
		return false
	}
	tok, err := ts.Token()
	if err != nil {
		return false
	}
	if _, err := idtoken.Validate(ctx, tok.AccessToken, audience); err != nil {
		return false
	}
	return true
}

// remoteStatuses is public: it only checks its own outgoing token.
func remoteStatuses(w http.ResponseWriter, r *http.Request) {
	if !selfCheck(r.Context()) {
		http.Error(w, "upstream unavailable", http.StatusBadGateway)
		return
	}
	json.NewEncoder(w).Encode(statuses)
}

// refresh validates the exchanged ID token held in a local, inline.
func refresh(src oauth2.TokenSource) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		tok, err := src.Token()
		if err != nil {
			http.Error(w, "no token", http.StatusBadGateway)
			return
		}
		raw := tok.Extra("id_token").(string)
		if _, err := idtoken.Validate(r.Context(), raw, audience); err != nil {
			http.Error(w, "bad upstream token", http.StatusBadGateway)
			return
		}
		delete(statuses, "stale")
	}
}

// exchanged validates the ID token of a token it was handed by its
// caller as an *oauth2.Token.
func exchanged(tok *oauth2.Token) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if _, err := idtoken.Validate(r.Context(), tok.AccessToken, audience); err != nil {
			http.Error(w, "bad upstream token", http.StatusBadGateway)
			return
		}
		statuses["x"] = status{Name: "x"}
	}
}

// deleteStatus validates the caller's bearer token: the caller is
// authenticated, and nothing checks what it may do.
func deleteStatus(w http.ResponseWriter, r *http.Request) { // want `handler deleteStatus authenticates the caller \(idtoken.Validate\)`
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	if _, err := idtoken.Validate(r.Context(), raw, audience); err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	delete(statuses, r.URL.Query().Get("name"))
}

// checkCaller is handed the request's token by its callers.
func checkCaller(ctx context.Context, raw string) error {
	_, err := idtoken.Validate(ctx, raw, audience)
	return err
}

func putStatus(w http.ResponseWriter, r *http.Request) { // want `handler putStatus authenticates the caller`
	if err := checkCaller(r.Context(), r.Header.Get("Authorization")); err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	statuses[r.URL.Query().Get("name")] = status{Name: "new"}
}
