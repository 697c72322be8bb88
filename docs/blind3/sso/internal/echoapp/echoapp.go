// Package echoapp is the partner SSO on echo: a partner app sends users here to log in.
package echoapp

import (
	"crypto/subtle"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/labstack/echo/v4"
)

// SSO issues short-lived tokens to partner apps.
type SSO struct {
	Key            []byte
	Users          map[string]string
	PartnerOrigins map[string]bool // https://partner.example.net -> true
}

// Register adds the routes.
func (s *SSO) Register(e *echo.Echo) {
	e.POST("/sso/login", s.login)
	e.POST("/sso/login-checked", s.loginChecked)
	e.POST("/sso/login-json", s.loginJSON)
	e.GET("/sso/relative", s.relative)
	e.GET("/sso/backslash", s.backslash)
}

func (s *SSO) authenticate(c echo.Context) (string, bool) {
	user, pass := c.FormValue("user"), c.FormValue("password")
	want, ok := s.Users[user]
	return user, ok && subtle.ConstantTimeCompare([]byte(want), []byte(pass)) == 1
}

func (s *SSO) issue(user string) (string, error) {
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": user, "exp": time.Now().Add(5 * time.Minute).Unix()}).SignedString(s.Key)
}

// login hands the token to the partner's callback: any URL the link chose.
func (s *SSO) login(c echo.Context) error {
	user, ok := s.authenticate(c)
	if !ok {
		return c.Redirect(http.StatusSeeOther, "/sso?error=1") // NEAR oauthredirect o17
	}
	tok, err := s.issue(user)
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusFound, fmt.Sprintf("%s?token=%s", c.QueryParam("redirect_uri"), tok)) // WANT oauthredirect R13
}

// loginChecked does the same for registered partner origins only.
func (s *SSO) loginChecked(c echo.Context) error {
	user, ok := s.authenticate(c)
	if !ok {
		return echo.ErrUnauthorized
	}
	cb, err := url.Parse(c.QueryParam("redirect_uri"))
	if err != nil || !s.PartnerOrigins[cb.Scheme+"://"+cb.Host] {
		return echo.NewHTTPError(http.StatusBadRequest, "unknown partner")
	}
	tok, err := s.issue(user)
	if err != nil {
		return err
	}
	q := cb.Query()
	q.Set("token", tok)
	cb.RawQuery = q.Encode()
	return c.Redirect(http.StatusFound, cb.String()) // NEAR oauthredirect o18
}

type loginBody struct {
	User      string `json:"user"`
	Password  string `json:"password"`
	ReturnURL string `json:"return_url"`
}

// loginJSON binds a JSON body and follows its return URL.
func (s *SSO) loginJSON(c echo.Context) error {
	var b loginBody
	if err := c.Bind(&b); err != nil {
		return echo.ErrBadRequest
	}
	want, ok := s.Users[b.User]
	if !ok || subtle.ConstantTimeCompare([]byte(want), []byte(b.Password)) != 1 {
		return echo.ErrUnauthorized
	}
	c.SetCookie(&http.Cookie{Name: "sso", Value: b.User, HttpOnly: true, Secure: true})
	return c.Redirect(http.StatusSeeOther, b.ReturnURL) // WANT oauthredirect R14
}

// relative accepts only host-less URLs, but "/\evil.example" has no host either.
func (s *SSO) relative(c echo.Context) error {
	c.SetCookie(&http.Cookie{Name: "sso_seen", Value: "1", HttpOnly: true, Secure: true})
	next := c.QueryParam("next")
	u, err := url.Parse(next)
	if err != nil || u.Host != "" || u.Scheme != "" {
		next = "/"
	}
	return c.Redirect(http.StatusFound, next) // WANT oauthredirect R15
}

// backslash accepts local paths, rejecting both "//" and "/\".
func (s *SSO) backslash(c echo.Context) error {
	c.SetCookie(&http.Cookie{Name: "sso_seen", Value: "1", HttpOnly: true, Secure: true})
	next := c.QueryParam("next")
	if len(next) < 1 || next[0] != '/' || (len(next) > 1 && (next[1] == '/' || next[1] == '\\')) || strings.ContainsAny(next, "\r\n") {
		next = "/"
	}
	return c.Redirect(http.StatusFound, next) // NEAR oauthredirect o19
}
