// Package echov5 holds a login handler of echo v5, whose Context is a // want package:`cookies set: session`
// struct: the same open redirect as with v4's interface, and a near
// miss.
package echov5

import (
	"net/http"

	"github.com/labstack/echo/v5"
)

func Login(c *echo.Context) error { // want Login:`oauthredirect\(auth\)`
	c.SetCookie(&http.Cookie{Name: "session", Value: "v", HttpOnly: true, Secure: true})
	if redirect := c.QueryParam("redirect"); len(redirect) > 0 {
		return c.Redirect(http.StatusFound, redirect) // want `echo's Redirect sends the browser to the query parameter "redirect"`
	}
	return c.NoContent(http.StatusNoContent)
}

func LoginHome(c *echo.Context) error { // want LoginHome:`oauthredirect\(auth\)`
	c.SetCookie(&http.Cookie{Name: "session", Value: "v", HttpOnly: true, Secure: true})
	if c.QueryParam("redirect") != "" {
		return c.Redirect(http.StatusFound, "/") // silent: a fixed target
	}
	return c.NoContent(http.StatusNoContent)
}
