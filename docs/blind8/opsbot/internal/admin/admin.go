// Package admin is opsbot's small admin UI behind GitHub login.
package admin

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/url"
	"os"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/github"
)

// UI is the admin UI.
type UI struct {
	Conf    *oauth2.Config
	Log     *slog.Logger
	BaseURL string
}

// New returns the UI.
func New(log *slog.Logger) *UI {
	base := os.Getenv("OPSBOT_URL")
	return &UI{
		Conf: &oauth2.Config{
			ClientID:     "Iv1.8a61f9b3a7aba766", // NEAR hardcodedcred h26
			ClientSecret: os.Getenv("GITHUB_CLIENT_SECRET"),
			Endpoint:     github.Endpoint,
			RedirectURL:  base + "/admin/callback", // NEAR oauthredirect o05
			Scopes:       []string{"read:org"},
		},
		Log:     log,
		BaseURL: base,
	}
}

type loginState struct {
	Nonce  string `json:"n"`
	Return string `json:"r"`
}

// Login starts GitHub login; the page to return to travels in the state.
func (u *UI) Login(w http.ResponseWriter, r *http.Request) {
	st, _ := json.Marshal(loginState{Nonce: newNonce(w), Return: r.URL.Query().Get("return")})
	http.Redirect(w, r, u.Conf.AuthCodeURL(base64.RawURLEncoding.EncodeToString(st)), http.StatusFound) // NEAR oauthredirect o06
}

// Callback finishes GitHub login.
func (u *UI) Callback(w http.ResponseWriter, r *http.Request) {
	raw, err := base64.RawURLEncoding.DecodeString(r.URL.Query().Get("state"))
	if err != nil {
		http.Error(w, "state", http.StatusBadRequest)
		return
	}
	var st loginState
	if err := json.Unmarshal(raw, &st); err != nil {
		http.Error(w, "state", http.StatusBadRequest)
		return
	}
	c, err := r.Cookie("opsbot_nonce")
	if err != nil || c.Value != st.Nonce {
		http.Error(w, "state", http.StatusBadRequest)
		return
	}
	tok, err := u.Conf.Exchange(r.Context(), r.URL.Query().Get("code"))
	if err != nil {
		u.Log.Error("github exchange", "err", err)
		http.Error(w, "exchange", http.StatusBadGateway)
		return
	}
	u.Log.Info("admin login", "scope", tok.Extra("scope"), "token_type", tok.TokenType) // NEAR tokenlog t44
	u.Log.Debug("admin login", "token", tok.AccessToken)                                // WANT tokenlog T28
	http.SetCookie(w, &http.Cookie{Name: "opsbot_admin", Value: tok.AccessToken, Path: "/admin", Secure: true, HttpOnly: true})
	http.Redirect(w, r, st.Return, http.StatusFound) // WANT oauthredirect O04
}

// Logout ends the admin session and returns to the page the caller names.
func (u *UI) Logout(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "opsbot_admin", Value: "", Path: "/admin", MaxAge: -1})
	http.Redirect(w, r, r.URL.Query().Get("post_logout_redirect"), http.StatusFound) // WANT oauthredirect O05
}

// Docs sends the admin to the runbook wiki, a fixed host.
func (u *UI) Docs(w http.ResponseWriter, r *http.Request) {
	page := url.PathEscape(r.URL.Query().Get("page"))
	http.Redirect(w, r, "https://wiki.opsbot-infra.net/runbooks/"+page, http.StatusFound) // NEAR oauthredirect o07
}

func newNonce(w http.ResponseWriter) string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	n := hex.EncodeToString(b)
	http.SetCookie(w, &http.Cookie{Name: "opsbot_nonce", Value: n, Path: "/admin", Secure: true, HttpOnly: true})
	return n
}
