// Package echo is a stub of github.com/labstack/echo/v5 for tests: its
// Context is a struct with the methods of v4's interface.
package echo

import (
	"net/http"
	"net/url"
)

type Context struct{ request *http.Request }

func (c *Context) Request() *http.Request                   { return c.request }
func (c *Context) QueryParam(name string) string            { return "" }
func (c *Context) QueryParams() url.Values                  { return nil }
func (c *Context) FormValue(name string) string             { return "" }
func (c *Context) Redirect(code int, url string) error      { return nil }
func (c *Context) NoContent(code int) error                 { return nil }
func (c *Context) SetCookie(cookie *http.Cookie)            {}
func (c *Context) Cookie(name string) (*http.Cookie, error) { return nil, nil }

type HandlerFunc func(c *Context) error
