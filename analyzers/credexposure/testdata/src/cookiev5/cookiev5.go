// Package cookiev5 sets cookies through echo v5, whose Context is a
// struct: the same checks as v4's interface.
package cookiev5

import (
	"net/http"

	"github.com/labstack/echo/v5"
	"golang.org/x/oauth2"
)

func echoCookie(c *echo.Context, tok *oauth2.Token) {
	c.SetCookie(&http.Cookie{Name: "at", Value: tok.AccessToken}) // want `access token .*set by echo.Context.SetCookie without Secure and HttpOnly`
}

// Near miss: both flags set.
func echoCookieSafe(c *echo.Context, tok *oauth2.Token) {
	c.SetCookie(&http.Cookie{Name: "at", Value: tok.AccessToken, Secure: true, HttpOnly: true})
}
