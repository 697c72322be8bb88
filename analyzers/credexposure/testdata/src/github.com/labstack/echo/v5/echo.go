// Package echo is a stub of github.com/labstack/echo/v5 for tests: its
// Context is a struct with v4's methods.
package echo

import "net/http"

type Context struct{ request *http.Request }

func (c *Context) Request() *http.Request          { return c.request }
func (c *Context) QueryParam(name string) string   { return "" }
func (c *Context) FormValue(name string) string    { return "" }
func (c *Context) SetCookie(cookie *http.Cookie)   {}
func (c *Context) String(code int, s string) error { return nil }
