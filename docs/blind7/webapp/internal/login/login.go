// Package login signs users in with the company IdP (OpenID Connect, go-oidc v3) and keeps a
// server-side session (gorilla/sessions).
package login

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/gorilla/sessions"
	"golang.org/x/oauth2"
)

// Settings configure the login.
type Settings struct {
	Issuer         string
	ClientID       string
	ClientSecret   string
	RedirectURL    string
	AllowAnyClient bool // staging: accept tokens of the staging clients too
	AzureTenants   map[string]bool
}

// Login holds the OIDC clients.
type Login struct {
	conf     oauth2.Config
	provider *oidc.Provider
	verifier *oidc.IDTokenVerifier
	lenient  *oidc.IDTokenVerifier
	offline  *oidc.IDTokenVerifier
	azure    *oidc.IDTokenVerifier
	staging  *oidc.IDTokenVerifier
	userinfo string
	store    *sessions.CookieStore
	tenants  map[string]bool
}

// New discovers the provider and builds the verifiers.
func New(ctx context.Context, s Settings, sessionKey []byte) (*Login, error) {
	p, err := oidc.NewProvider(ctx, s.Issuer)
	if err != nil {
		return nil, err
	}
	var meta struct {
		UserInfo string `json:"userinfo_endpoint"`
	}
	_ = p.Claims(&meta)
	azure, err := oidc.NewProvider(oidc.InsecureIssuerURLContext(ctx, "https://login.microsoftonline.com/{tenantid}/v2.0"), "https://login.microsoftonline.com/common/v2.0")
	if err != nil {
		return nil, err
	}
	store := sessions.NewCookieStore(sessionKey)
	store.Options = &sessions.Options{Path: "/", MaxAge: 8 * 3600, Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode} // NEAR credexposure c24
	return &Login{
		conf:     oauth2.Config{ClientID: s.ClientID, ClientSecret: s.ClientSecret, RedirectURL: s.RedirectURL, Endpoint: p.Endpoint(), Scopes: []string{oidc.ScopeOpenID, "email", "profile"}},
		provider: p,
		verifier: p.Verifier(&oidc.Config{ClientID: s.ClientID}),                                      // NEAR tokenverify v36
		lenient:  p.Verifier(&oidc.Config{ClientID: s.ClientID, SkipExpiryCheck: true}),               // WANT tokenverify V30
		offline:  p.Verifier(&oidc.Config{ClientID: s.ClientID, InsecureSkipSignatureCheck: true}),    // WANT tokenverify V31
		azure:    azure.Verifier(&oidc.Config{ClientID: s.ClientID, SkipIssuerCheck: true}),           // NEAR tokenverify v37
		staging:  p.Verifier(&oidc.Config{ClientID: s.ClientID, SkipClientIDCheck: s.AllowAnyClient}), // NEAR tokenverify v38
		userinfo: meta.UserInfo,
		store:    store,
		tenants:  s.AzureTenants,
	}, nil
}

func random() string {
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// Start redirects to the IdP.
func (l *Login) Start(w http.ResponseWriter, r *http.Request) {
	state, nonce := random(), random()
	http.SetCookie(w, &http.Cookie{Name: "oauth_state", Value: state, Path: "/auth", MaxAge: 600}) // NEAR credexposure c25
	http.SetCookie(w, &http.Cookie{Name: "oidc_nonce", Value: nonce, Path: "/auth", MaxAge: 600})  // NEAR credexposure c26
	http.Redirect(w, r, l.conf.AuthCodeURL(state, oidc.Nonce(nonce)), http.StatusFound)
}

// Callback finishes the login.
func (l *Login) Callback(w http.ResponseWriter, r *http.Request) {
	st, err := r.Cookie("oauth_state")
	if err != nil || r.URL.Query().Get("state") != st.Value { // NEAR tokenverify v39
		http.Error(w, "bad state", http.StatusBadRequest)
		return
	}
	tok, err := l.conf.Exchange(r.Context(), r.URL.Query().Get("code"))
	if err != nil {
		http.Error(w, "exchange failed", http.StatusBadGateway)
		return
	}
	rawID, _ := tok.Extra("id_token").(string)
	idTok, err := l.verifier.Verify(r.Context(), rawID)
	if err != nil {
		http.Error(w, "bad id token", http.StatusUnauthorized)
		return
	}
	nc, err := r.Cookie("oidc_nonce")
	if err != nil || idTok.Nonce != nc.Value { // NEAR tokenverify v40
		http.Error(w, "bad nonce", http.StatusBadRequest)
		return
	}
	sess, _ := l.store.Get(r, "webapp")
	sess.Values["sub"] = idTok.Subject
	if err := sess.Save(r, w); err != nil {
		http.Error(w, "session error", http.StatusInternalServerError)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "id_token", Value: rawID, Path: "/", Secure: true, SameSite: http.SameSiteLaxMode}) // WANT credexposure C20
	w.Header().Add("Set-Cookie", fmt.Sprintf("access_token=%s; Path=/api; HttpOnly; SameSite=Strict", tok.AccessToken))      // WANT credexposure C21
	setPlain(w, "refresh_token", tok.RefreshToken)                                                                           // WANT credexposure C22
	http.Redirect(w, r, "/", http.StatusFound)
}

// setPlain sets a cookie with the default flags.
func setPlain(w http.ResponseWriter, name, value string) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: value, Path: "/"}) // ALT C22
}

// setSecure sets a cookie the page's script cannot read.
func setSecure(w http.ResponseWriter, name, value string) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: value, Path: "/", Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
}

// Refresh renews the tokens.
func (l *Login) Refresh(w http.ResponseWriter, r *http.Request) {
	rc, err := r.Cookie("refresh_token")
	if err != nil {
		http.Error(w, "no refresh token", http.StatusUnauthorized)
		return
	}
	tok, err := l.conf.TokenSource(r.Context(), &oauth2.Token{RefreshToken: rc.Value}).Token()
	if err != nil {
		http.Error(w, "refresh failed", http.StatusUnauthorized)
		return
	}
	setSecure(w, "refresh_token", tok.RefreshToken) // NEAR credexposure c27
	ck := &http.Cookie{Name: "access_token", Value: tok.AccessToken, Path: "/api"}
	ck.Secure = true
	ck.HttpOnly = true
	http.SetCookie(w, ck) // NEAR credexposure c28
	w.WriteHeader(http.StatusNoContent)
}

// Embed starts a session for the app embedded in the partner portal's iframe.
func (l *Login) Embed(w http.ResponseWriter, r *http.Request) {
	sid := random()
	http.SetCookie(w, &http.Cookie{Name: "embed_session", Value: sid, Path: "/", HttpOnly: true, SameSite: http.SameSiteNoneMode}) // WANT credexposure C23
	w.WriteHeader(http.StatusNoContent)
}

// Impersonate lets support act as a user; the support token goes in its own cookie.
func (l *Login) Impersonate(w http.ResponseWriter, r *http.Request, supportToken string) {
	w.Header().Set("Set-Cookie", (&http.Cookie{Name: "impersonation_token", Value: supportToken, Path: "/"}).String()) // WANT credexposure C24
	w.WriteHeader(http.StatusNoContent)
}

// Profile fetches the userinfo with the access token in the query string.
func (l *Login) Profile(ctx context.Context, tok *oauth2.Token) (map[string]any, error) {
	resp, err := http.Get(l.userinfo + "?access_token=" + tok.AccessToken) // WANT credexposure C25
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var out map[string]any
	err = json.NewDecoder(resp.Body).Decode(&out)
	return out, err
}

// ProfileV2 uses go-oidc's UserInfo, which sends the Authorization header.
func (l *Login) ProfileV2(ctx context.Context, tok *oauth2.Token) (*oidc.UserInfo, error) {
	return l.provider.UserInfo(ctx, oauth2.StaticTokenSource(tok)) // NEAR credexposure c29
}

// Resume accepts an ID token kept by the mobile web view, also when it has expired.
func (l *Login) Resume(w http.ResponseWriter, r *http.Request) {
	idTok, err := l.lenient.Verify(r.Context(), strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "))
	if err != nil {
		http.Error(w, "bad token", http.StatusUnauthorized)
		return
	}
	sess, _ := l.store.Get(r, "webapp")
	sess.Values["sub"] = idTok.Subject
	_ = sess.Save(r, w)
}

// AzureCallback accepts Azure AD tokens of the allowed tenants (multi-tenant app).
func (l *Login) AzureCallback(w http.ResponseWriter, r *http.Request, rawID string) {
	idTok, err := l.azure.Verify(r.Context(), rawID)
	if err != nil {
		http.Error(w, "bad id token", http.StatusUnauthorized)
		return
	}
	var c struct {
		TID string `json:"tid"`
	}
	if err := idTok.Claims(&c); err != nil || !l.tenants[c.TID] || idTok.Issuer != "https://login.microsoftonline.com/"+c.TID+"/v2.0" {
		http.Error(w, "tenant not allowed", http.StatusForbidden)
		return
	}
	sess, _ := l.store.Get(r, "webapp")
	sess.Values["sub"] = idTok.Subject
	_ = sess.Save(r, w)
}

// Offline accepts an ID token while the IdP's key endpoint is unreachable.
func (l *Login) Offline(w http.ResponseWriter, r *http.Request) {
	idTok, err := l.offline.Verify(r.Context(), strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "))
	if err != nil {
		http.Error(w, "bad token", http.StatusUnauthorized)
		return
	}
	sess, _ := l.store.Get(r, "webapp")
	sess.Values["sub"] = idTok.Subject
	_ = sess.Save(r, w)
}
