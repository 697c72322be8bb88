// Package web is the portal's HTTP layer (echo).
package web

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/sirupsen/logrus"
	"golang.org/x/crypto/bcrypt"
	"golang.org/x/oauth2"

	"example.com/blind5/portal/internal/auth"
)

var cookieSecret = []byte("a8f5f167f44f4964e6c998dee827110c") // WANT hardcodedcred H10

// Handlers of the portal.
type Handlers struct {
	OAuth        *oauth2.Config
	Log          *logrus.Logger
	PublicURL    string
	AllowedHosts map[string]bool
	Users        UserStore
	DocsHost     string
}

// UserStore holds local (non-SSO) accounts.
type UserStore interface {
	PasswordHash(email string) (string, bool)
}

// Register installs the routes.
func (h *Handlers) Register(e *echo.Echo) {
	e.GET("/auth/login", h.login)
	e.GET("/auth/callback", h.callback)
	e.GET("/auth/logout", h.logout)
	e.POST("/auth/password", h.passwordLogin)
	e.GET("/auth/partner/login", h.partnerLogin)
	e.GET("/auth/partner/callback", h.partnerCallback)
	e.GET("/auth/switch", h.switchAccount)
	e.GET("/docs/out", h.docsOut)
	e.GET("/auth/reauth", h.reauth)
}

func (h *Handlers) login(c echo.Context) error {
	c.SetCookie(&http.Cookie{Name: "portal_next", Value: c.QueryParam("next"), Path: "/auth", HttpOnly: true, Secure: true})
	state := randomState()
	c.SetCookie(&http.Cookie{Name: "portal_state", Value: state, Path: "/auth", HttpOnly: true, Secure: true})
	return c.Redirect(http.StatusFound, h.OAuth.AuthCodeURL(state)) // NEAR oauthredirect o04
}

func (h *Handlers) callback(c echo.Context) error {
	st, err := c.Cookie("portal_state")
	if err != nil || st.Value != c.QueryParam("state") {
		return echo.ErrBadRequest
	}
	tok, err := h.OAuth.Exchange(c.Request().Context(), c.QueryParam("code"))
	if err != nil {
		h.Log.WithError(err).Warn("code exchange failed")
		return echo.ErrUnauthorized
	}
	h.Log.Debugf("token response: %+v", tok)                                      // WANT tokenlog T19
	h.Log.WithField("id_token", tok.Extra("id_token")).Debug("id token received") // WANT tokenlog T20
	ui, err := auth.FetchUserinfo(c.Request().Context(), tok, h.Log.WithField("flow", "login"))
	if err != nil {
		return echo.ErrUnauthorized
	}
	h.startSession(c, ui.Sub)
	next, err := c.Cookie("portal_next")
	if err != nil || next.Value == "" {
		return c.Redirect(http.StatusFound, "/")
	}
	return c.Redirect(http.StatusFound, next.Value) // WANT oauthredirect O02
}

func (h *Handlers) startSession(c echo.Context, sub string) {
	mac := hmac.New(sha256.New, cookieSecret)
	mac.Write([]byte(sub))
	val := sub + "." + hex.EncodeToString(mac.Sum(nil))
	c.SetCookie(&http.Cookie{Name: auth.SessionCookie, Value: val, Path: "/", HttpOnly: true, Secure: true, Expires: time.Now().Add(8 * time.Hour)})
	h.Log.WithField("sub", sub).Info("session started")           // NEAR tokenlog t21
	h.Log.WithField("cookie", val).Debug("session cookie issued") // WANT tokenlog T21
}

func (h *Handlers) logout(c echo.Context) error {
	c.SetCookie(&http.Cookie{Name: auth.SessionCookie, Value: "", Path: "/", MaxAge: -1})
	return c.Redirect(http.StatusFound, c.QueryParam("post_logout_redirect_uri")) // WANT oauthredirect O03
}

type passwordForm struct {
	Email       string `form:"email"`
	Password    string `form:"password"`
	RedirectURI string `form:"redirect_uri"`
}

func (h *Handlers) passwordLogin(c echo.Context) error {
	var f passwordForm
	if err := c.Bind(&f); err != nil {
		return echo.ErrBadRequest
	}
	hash, ok := h.Users.PasswordHash(f.Email)
	if !ok || bcrypt.CompareHashAndPassword([]byte(hash), []byte(f.Password)) != nil {
		h.Log.WithFields(logrus.Fields{"email": f.Email, "password": f.Password}).Warn("bad password") // WANT tokenlog T22
		return echo.ErrUnauthorized
	}
	h.startSession(c, f.Email)
	if f.RedirectURI != "" && !strings.Contains(f.RedirectURI, "://") {
		return c.Redirect(http.StatusSeeOther, f.RedirectURI) // WANT oauthredirect O04
	}
	return c.Redirect(http.StatusSeeOther, "/")
}

// partnerLogin signs in users of partner tenants; the redirect URL follows the tenant's domain.
func (h *Handlers) partnerLogin(c echo.Context) error {
	cfg := *h.OAuth
	cfg.RedirectURL = "https://" + c.Request().Host + "/auth/partner/callback" // WANT oauthredirect O05
	return c.Redirect(http.StatusFound, cfg.AuthCodeURL(randomState()))
}

func (h *Handlers) partnerCallback(c echo.Context) error {
	host := c.Request().Header.Get("X-Forwarded-Host")
	cfg := *h.OAuth
	cfg.RedirectURL = "https://" + host + "/auth/partner/callback" // WANT oauthredirect O06
	tok, err := cfg.Exchange(c.Request().Context(), c.QueryParam("code"))
	if err != nil {
		return echo.ErrUnauthorized
	}
	ui, err := auth.FetchUserinfo(c.Request().Context(), tok, h.Log.WithField("flow", "partner"))
	if err != nil {
		return echo.ErrUnauthorized
	}
	h.startSession(c, ui.Sub)
	return c.Redirect(http.StatusFound, "/")
}

// switchAccount signs the user out and starts a login on another tenant host.
func (h *Handlers) switchAccount(c echo.Context) error {
	tenant := c.QueryParam("tenant")
	if !h.AllowedHosts[tenant] {
		return echo.ErrBadRequest
	}
	cfg := *h.OAuth
	cfg.RedirectURL = "https://" + tenant + "/auth/callback" // NEAR oauthredirect o05
	c.SetCookie(&http.Cookie{Name: auth.SessionCookie, Value: "", Path: "/", MaxAge: -1})
	return c.Redirect(http.StatusFound, cfg.AuthCodeURL(randomState())) // NEAR oauthredirect o06
}

// docsOut is the outbound link tracker of the public docs; it is not part of sign-in.
func (h *Handlers) docsOut(c echo.Context) error {
	to := c.QueryParam("to")
	u, err := url.Parse(to)
	if err != nil || u.Host != h.DocsHost {
		return c.Redirect(http.StatusFound, "/docs")
	}
	return c.Redirect(http.StatusFound, to) // NEAR oauthredirect o07
}

// reauth sends a user whose session expired back through login, keeping the page.
func (h *Handlers) reauth(c echo.Context) error {
	back := c.Request().URL.Path
	return c.Redirect(http.StatusFound, "/auth/login?next="+url.QueryEscape(back)) // NEAR oauthredirect o08
}

func randomState() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}
