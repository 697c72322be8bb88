// Package echo is a stub of github.com/labstack/echo/v5 for tests: the
// context is a struct handled by pointer.
package echo

import "net/http"

type Context struct{}

func (c *Context) Request() *http.Request        { return nil }
func (c *Context) Param(name string) string      { return "" }
func (c *Context) QueryParam(name string) string { return "" }
func (c *Context) Get(key string) any            { return nil }
func (c *Context) Set(key string, val any)       {}
func (c *Context) JSON(code int, i any) error    { return nil }
func (c *Context) NoContent(code int) error      { return nil }

type HandlerFunc func(c *Context) error

type MiddlewareFunc func(next HandlerFunc) HandlerFunc

type RouteInfo struct{}

type Echo struct{}

func New() *Echo { return &Echo{} }

func (e *Echo) Use(middleware ...MiddlewareFunc)                                 {}
func (e *Echo) Group(prefix string, m ...MiddlewareFunc) *Group                  { return &Group{} }
func (e *Echo) GET(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo    { return RouteInfo{} }
func (e *Echo) DELETE(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo { return RouteInfo{} }
func (e *Echo) Start(addr string) error                                          { return nil }

type Group struct{}

func (g *Group) Use(middleware ...MiddlewareFunc)                                 {}
func (g *Group) Group(prefix string, m ...MiddlewareFunc) *Group                  { return g }
func (g *Group) GET(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo    { return RouteInfo{} }
func (g *Group) DELETE(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo { return RouteInfo{} }

type HTTPError struct{ Code int }

func (he *HTTPError) Error() string { return "" }

func NewHTTPError(code int, message string) *HTTPError { return &HTTPError{Code: code} }
