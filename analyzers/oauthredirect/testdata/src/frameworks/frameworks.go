// Package frameworks holds open redirects in gin, echo and fiber // want package:`cookies set: session theme\(request\)`
// handlers, each with a near miss beside it.
package frameworks

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
	"golang.org/x/oauth2"
)

var conf = &oauth2.Config{}

var allowedHosts = map[string]struct{}{"app.example.com": {}}

func ginRoutes(r *gin.Engine) {
	r.GET("/oauth/callback", func(c *gin.Context) {
		if _, err := conf.Exchange(c.Request.Context(), c.Query("code")); err != nil {
			return
		}
		c.SetCookie("session", "v", 3600, "/", "", true, true)
		c.Redirect(http.StatusFound, c.Query("redirect_uri")) // want `gin's Redirect sends the browser to the query parameter "redirect_uri"`
	})
	r.GET("/auth/return", func(c *gin.Context) {
		next := c.DefaultQuery("next", "/")
		c.SetCookie("session", "v", 3600, "/", "", true, true)
		c.Header("Location", next) // want `the Location header sends the browser to the query parameter "next"`
	})
	r.GET("/login", func(c *gin.Context) {
		next, ok := c.GetQuery("next")
		if !ok || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") {
			next = "/"
		}
		c.SetCookie("session", "v", 3600, "/", "", true, true)
		c.Redirect(http.StatusFound, next) // path-only check
	})
	r.GET("/go", func(c *gin.Context) {
		c.Redirect(http.StatusFound, c.Query("to")) // not part of a login
	})
}

func echoCallback(c echo.Context) error {
	tok, err := conf.Exchange(c.Request().Context(), c.QueryParam("code"))
	if err != nil {
		return err
	}
	c.SetCookie(&http.Cookie{Name: "session", Value: tok.AccessToken, HttpOnly: true, Secure: true})
	return c.Redirect(http.StatusFound, c.FormValue("return_to")) // want `echo's Redirect sends the browser to the form value "return_to"`
}

func echoCallbackChecked(c echo.Context) error {
	tok, err := conf.Exchange(c.Request().Context(), c.QueryParam("code"))
	if err != nil {
		return err
	}
	c.SetCookie(&http.Cookie{Name: "session", Value: tok.AccessToken, HttpOnly: true, Secure: true})
	u, err := url.Parse(c.QueryParam("return_to"))
	if err != nil {
		return err
	}
	if _, ok := allowedHosts[u.Host]; !ok {
		return c.Redirect(http.StatusFound, "/")
	}
	return c.Redirect(http.StatusFound, u.String()) // allow-listed host
}

func fiberCallback(c *fiber.Ctx) error {
	if _, err := conf.Exchange(nil, c.Query("code")); err != nil {
		return err
	}
	c.Cookie(&fiber.Cookie{Name: "session", Value: "v", Secure: true, HTTPOnly: true})
	return c.Redirect(c.Query("next")) // want `fiber's Redirect sends the browser to the query parameter "next"`
}

func fiberCallbackReferer(c *fiber.Ctx) error {
	if _, err := conf.Exchange(nil, c.Query("code")); err != nil {
		return err
	}
	if ref := c.Get("Referer"); ref != "" {
		return c.Redirect(ref) // want `fiber's Redirect sends the browser to the Referer header`
	}
	return c.Redirect("/") // constant
}

func fiberCallbackHost(c *fiber.Ctx) error {
	if _, err := conf.Exchange(nil, c.Query("code")); err != nil {
		return err
	}
	return c.Redirect("https://" + c.Hostname() + "/home") // the Host header: a link cannot set it
}

func ginPrefs(r *gin.Engine) {
	r.GET("/theme", func(c *gin.Context) {
		c.SetCookie("theme", c.Query("t"), 3600, "/", "", true, false)
		c.Redirect(http.StatusFound, c.GetHeader("Referer")) // a preference cookie is not a session
	})
}

func echoLogin(c echo.Context) error {
	c.SetCookie(&http.Cookie{Name: "session", Value: "v", HttpOnly: true, Secure: true})
	return c.Redirect(http.StatusFound, c.QueryParams().Get("next")) // want `echo's Redirect sends the browser to the query parameter "next"`
}

func echoLoginForm(c echo.Context) error {
	c.SetCookie(&http.Cookie{Name: "session", Value: "v", HttpOnly: true, Secure: true})
	form, err := c.FormParams()
	if err != nil {
		return err
	}
	next := form.Get("next")
	if next != "/home" && next != "/settings" {
		next = "/"
	}
	return c.Redirect(http.StatusFound, next) // compared with fixed values
}
