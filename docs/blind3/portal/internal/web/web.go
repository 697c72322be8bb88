// Package web is the customer portal: password login and "sign in with" OAuth2.
package web

import (
	"crypto/hmac"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"golang.org/x/oauth2"

	"example.com/blind3/portal/internal/nav"
	"example.com/blind3/portal/internal/session"
)

// Config is the portal configuration.
type Config struct {
	BaseURL          string   // https://portal.example.com
	AllowedReturns   []string // exact return URLs partners may ask for
	PartnerHosts     map[string]bool
	ReturnKey        []byte
	ClientID         string
	ClientSecret     string
	DocsSiteURL      string // https://docs.example.com
	ForwardedAllowed map[string]bool
}

// App is the portal.
type App struct {
	cfg      Config
	base     *url.URL
	oauth    *oauth2.Config
	sessions *session.Store
	users    map[string]string
}

// New builds the app.
func New(cfg Config) (*App, error) {
	base, err := url.Parse(cfg.BaseURL)
	if err != nil {
		return nil, fmt.Errorf("portal: base url: %w", err)
	}
	oc := &oauth2.Config{
		ClientID:     cfg.ClientID,
		ClientSecret: cfg.ClientSecret,
		Endpoint:     oauth2.Endpoint{AuthURL: "https://id.example.com/authorize", TokenURL: "https://id.example.com/token"},
		RedirectURL:  cfg.BaseURL + "/oauth/callback", // NEAR oauthredirect o01
		Scopes:       []string{"openid", "email"},
	}
	return &App{cfg: cfg, base: base, oauth: oc, sessions: session.NewStore(), users: map[string]string{}}, nil
}

// Routes returns the portal's routes.
func (a *App) Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /login", a.passwordLogin)
	mux.HandleFunc("POST /login/checked", a.passwordLoginChecked)
	mux.HandleFunc("GET /oauth/start", a.oauthStart)
	mux.HandleFunc("GET /oauth/callback", a.oauthCallback)
	mux.HandleFunc("GET /oauth/start-partner", a.partnerStart)
	mux.HandleFunc("GET /oauth/partner-callback", a.partnerCallback)
	mux.HandleFunc("GET /logout", a.logout)
	mux.HandleFunc("GET /logout/docs", a.logoutToDocs)
	mux.HandleFunc("GET /sso/continue", a.ssoContinue)
	mux.HandleFunc("GET /sso/signed", a.ssoSigned)
	mux.HandleFunc("GET /sso/regex", a.ssoRegex)
	mux.HandleFunc("GET /sso/absolute-check", a.ssoAbsoluteCheck)
	mux.HandleFunc("GET /sso/prefix", a.ssoPrefix)
	mux.HandleFunc("GET /sso/allowed", a.ssoAllowed)
	mux.HandleFunc("GET /sso/same-origin", a.ssoSameOrigin)
	mux.HandleFunc("GET /login/magic", a.MagicLink)
	return mux
}

func (a *App) checkPassword(user, pass string) bool {
	want, ok := a.users[user]
	return ok && hmac.Equal([]byte(want), []byte(pass))
}

// passwordLogin signs in with a password and goes where the form says.
func (a *App) passwordLogin(w http.ResponseWriter, r *http.Request) {
	if !a.checkPassword(r.PostFormValue("username"), r.PostFormValue("password")) {
		http.Redirect(w, r, "/login?error=invalid", http.StatusSeeOther) // NEAR oauthredirect o02
		return
	}
	sess := a.sessions.Get(w, r)
	sess.UserID = r.PostFormValue("username")
	http.Redirect(w, r, r.PostFormValue("redirect"), http.StatusSeeOther) // WANT oauthredirect R01
}

// passwordLoginChecked is the same login with a local-path check.
func (a *App) passwordLoginChecked(w http.ResponseWriter, r *http.Request) {
	if !a.checkPassword(r.PostFormValue("username"), r.PostFormValue("password")) {
		http.Error(w, "invalid", http.StatusUnauthorized)
		return
	}
	a.sessions.Get(w, r).UserID = r.PostFormValue("username")
	http.Redirect(w, r, localPath(r.PostFormValue("redirect")), http.StatusSeeOther) // NEAR oauthredirect o03
}

func randomState() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// oauthStart keeps the return path in a cookie and sends the user to the provider.
func (a *App) oauthStart(w http.ResponseWriter, r *http.Request) {
	state := randomState()
	http.SetCookie(w, &http.Cookie{Name: "oauth_state", Value: state, HttpOnly: true, Secure: true, Path: "/oauth"})
	http.SetCookie(w, &http.Cookie{Name: "return_to", Value: r.URL.Query().Get("return_to"), HttpOnly: true, Secure: true, Path: "/oauth"})
	http.Redirect(w, r, a.oauth.AuthCodeURL(state), http.StatusFound) // NEAR oauthredirect o04
}

// oauthCallback checks state, exchanges the code and returns the user.
func (a *App) oauthCallback(w http.ResponseWriter, r *http.Request) { // NEAR tokenverify v02
	c, err := r.Cookie("oauth_state")
	if err != nil || c.Value == "" || !hmac.Equal([]byte(c.Value), []byte(r.URL.Query().Get("state"))) {
		http.Error(w, "bad state", http.StatusBadRequest)
		return
	}
	tok, err := a.oauth.Exchange(r.Context(), r.URL.Query().Get("code"))
	if err != nil {
		http.Error(w, "exchange failed", http.StatusBadGateway)
		return
	}
	sess := a.sessions.Get(w, r)
	sess.UserID = tok.Extra("sub").(string)
	ret, err := r.Cookie("return_to")
	if err != nil || ret.Value == "" {
		http.Redirect(w, r, "/", http.StatusFound) // NEAR oauthredirect o05
		return
	}
	http.Redirect(w, r, ret.Value, http.StatusFound) // WANT oauthredirect R02
}

type partnerState struct {
	Nonce  string `json:"n"`
	Return string `json:"r"`
}

// partnerStart packs a nonce and the return URL into the state parameter.
func (a *App) partnerStart(w http.ResponseWriter, r *http.Request) {
	nonce := randomState()
	raw, _ := json.Marshal(partnerState{Nonce: nonce, Return: r.URL.Query().Get("next")})
	http.SetCookie(w, &http.Cookie{Name: "partner_nonce", Value: nonce, HttpOnly: true, Secure: true})
	conf := *a.oauth
	conf.RedirectURL = "https://" + r.Host + "/oauth/partner-callback" // WANT oauthredirect R03
	http.Redirect(w, r, conf.AuthCodeURL(base64.RawURLEncoding.EncodeToString(raw)), http.StatusFound)
}

// partnerCallback checks the nonce and follows the return URL carried in the state.
func (a *App) partnerCallback(w http.ResponseWriter, r *http.Request) { // NEAR tokenverify v03
	raw, err := base64.RawURLEncoding.DecodeString(r.URL.Query().Get("state"))
	if err != nil {
		http.Error(w, "bad state", http.StatusBadRequest)
		return
	}
	var st partnerState
	if err := json.Unmarshal(raw, &st); err != nil {
		http.Error(w, "bad state", http.StatusBadRequest)
		return
	}
	c, err := r.Cookie("partner_nonce")
	if err != nil || !hmac.Equal([]byte(c.Value), []byte(st.Nonce)) {
		http.Error(w, "bad state", http.StatusBadRequest)
		return
	}
	if _, err := a.oauth.Exchange(r.Context(), r.URL.Query().Get("code")); err != nil {
		http.Error(w, "exchange failed", http.StatusBadGateway)
		return
	}
	http.Redirect(w, r, st.Return, http.StatusFound) // WANT oauthredirect R04
}

// logout ends the session and goes back where the link said.
func (a *App) logout(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "portal_sid", Value: "", MaxAge: -1, Path: "/"})
	w.Header().Set("Location", r.URL.Query().Get("continue")) // WANT oauthredirect R05
	w.WriteHeader(http.StatusFound)
}

// logoutToDocs ends the session and returns to a page of the docs site.
func (a *App) logoutToDocs(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "portal_sid", Value: "", MaxAge: -1, Path: "/"})
	page := url.PathEscape(strings.TrimPrefix(r.URL.Query().Get("page"), "/"))
	http.Redirect(w, r, a.cfg.DocsSiteURL+"/"+page, http.StatusFound) // NEAR oauthredirect o06
}

// ssoContinue completes an SSO hop for a logged-in user.
func (a *App) ssoContinue(w http.ResponseWriter, r *http.Request) {
	sess := a.sessions.Get(w, r)
	if sess.UserID == "" {
		sess.ReturnTo = r.URL.Query().Get("next")
		http.Redirect(w, r, "/login", http.StatusFound) // NEAR oauthredirect o07
		return
	}
	next := defaultNext(sess.ReturnTo)
	sess.ReturnTo = ""
	http.Redirect(w, r, next, http.StatusFound) // WANT oauthredirect R06
}

// ssoSigned follows a return path only with a valid signature.
func (a *App) ssoSigned(w http.ResponseWriter, r *http.Request) {
	sess := a.sessions.Get(w, r)
	sess.UserID = r.URL.Query().Get("login_hint")
	next, sig := r.URL.Query().Get("next"), r.URL.Query().Get("sig")
	if !hmac.Equal([]byte(sig), []byte(a.signReturn(next))) {
		http.Error(w, "bad signature", http.StatusBadRequest)
		return
	}
	http.Redirect(w, r, next, http.StatusFound) // NEAR oauthredirect o08
}

// ssoRegex accepts only simple local paths.
func (a *App) ssoRegex(w http.ResponseWriter, r *http.Request) {
	a.sessions.Get(w, r).UserID = r.URL.Query().Get("login_hint")
	next := r.URL.Query().Get("next")
	if !safeReturn.MatchString(next) {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusFound) // NEAR oauthredirect o09
}

// ssoAbsoluteCheck rejects absolute URLs only: //evil.example passes.
func (a *App) ssoAbsoluteCheck(w http.ResponseWriter, r *http.Request) {
	a.sessions.Get(w, r).UserID = r.URL.Query().Get("login_hint")
	next := r.URL.Query().Get("next")
	u, err := url.Parse(next)
	if err != nil || u.IsAbs() {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusFound) // WANT oauthredirect R07
}

// ssoPrefix checks only for a leading slash: //evil.example passes.
func (a *App) ssoPrefix(w http.ResponseWriter, r *http.Request) {
	a.sessions.Get(w, r).UserID = r.URL.Query().Get("login_hint")
	next := r.URL.Query().Get("next")
	if !strings.HasPrefix(next, "/") {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusFound) // WANT oauthredirect R08
}

// ssoAllowed follows only configured return URLs or partner hosts.
func (a *App) ssoAllowed(w http.ResponseWriter, r *http.Request) {
	a.sessions.Get(w, r).UserID = r.URL.Query().Get("login_hint")
	next := r.URL.Query().Get("next")
	if slices.Contains(a.cfg.AllowedReturns, next) {
		http.Redirect(w, r, next, http.StatusFound) // NEAR oauthredirect o10
		return
	}
	u, err := url.Parse(next)
	if err == nil && u.Scheme == "https" && a.cfg.PartnerHosts[u.Hostname()] {
		http.Redirect(w, r, u.String(), http.StatusFound) // NEAR oauthredirect o11
		return
	}
	http.Redirect(w, r, "/", http.StatusFound)
}

// ssoSameOrigin resolves the return URL against the base and compares origins.
func (a *App) ssoSameOrigin(w http.ResponseWriter, r *http.Request) {
	a.sessions.Get(w, r).UserID = r.URL.Query().Get("login_hint")
	next, ok := a.sameOrigin(r.URL.Query().Get("next"))
	if !ok {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusFound) // NEAR oauthredirect o12
}

// MagicLink signs in with an e-mailed one-time token and continues to the target.
func (a *App) MagicLink(w http.ResponseWriter, r *http.Request) {
	user, ok := a.redeem(r.URL.Query().Get("t"))
	if !ok {
		http.Error(w, "link expired", http.StatusUnauthorized)
		return
	}
	a.sessions.Get(w, r).UserID = user
	http.Redirect(w, r, nav.Next(r), http.StatusFound) // WANT oauthredirect R17
}

func (a *App) redeem(t string) (string, bool) {
	u, ok := a.users["magic:"+t]
	if ok {
		delete(a.users, "magic:"+t)
	}
	return u, ok
}
